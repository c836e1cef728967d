/**
 * One vocabulary (docs/glossary.md): every string the app shows, and every error message of the contract, is
 * scanned for the variants the glossary rejects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ERROR_MESSAGES } from '@contract/errors';

const ROOT = path.resolve(__dirname, '..');
const GLOSSARY = readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8');

type Context = 'statement' | 'update' | 'memo' | 'other';

interface Rule {
  rejected: RegExp;
  /** The word to use instead; the glossary must name it. */
  use: string;
  section: string;
  /** Only in these screens (default: everywhere). */
  only?: Context;
  /** Not in these screens (the glossary's explicit exceptions). */
  except?: Context;
}

const RULES: Rule[] = [
  { rejected: /预期与风险告知(?!书)/, use: '预期与风险告知书', section: '§1' },
  { rejected: /(?<!预期与)风险告知书/, use: '预期与风险告知书', section: '§1' },
  { rejected: /告知函|告知单/, use: '告知书', section: '§1' },
  { rejected: /更正|更新/, use: '修订', section: '§2', only: 'statement' },
  { rejected: /修订/, use: '更正', section: '§2', only: 'update' },
  { rejected: /修改说明/, use: '修订说明', section: '§2' },
  { rejected: /委托人/, use: '客户', section: '§3' },
  { rejected: /(?<!对方)当事人/, use: '对方当事人', section: '§3' },
  { rejected: /确认/, use: '知悉', section: '§4', except: 'memo' },
  { rejected: /我已阅读并理解/, use: '我已阅读并知悉', section: '§4' },
  { rejected: /我的知悉/, use: '我的告知书', section: '§4' },
  { rejected: /(?<!内容)指纹|哈希|散列值/, use: '内容指纹', section: '§5' },
  { rejected: /法律依据|法条依据|出处/, use: '依据', section: '§6' },
];

/** Which record a screen is about, from its path (the 更正/修订 and 确认 rules depend on it). */
function contextOf(file: string): Context {
  // A memo's client confirms it (确认, glossary §8); the workbench names that act beside the statements' 知悉.
  if (
    /^src\/(comm\/memo\/|comm\/shared\/memo-|lawyer\/memo-edit\/|lawyer\/workbench\/|pages\/case\/memo-)/.test(
      file,
    )
  )
    return 'memo';
  if (/^src\/(statement\/|lawyer\/statement-edit\/|pages\/case\/statement-section)/.test(file))
    return 'statement';
  if (/^src\/(pages\/update\/|lawyer\/publish\/|components\/timeline-item)/.test(file)) return 'update';
  return 'other';
}

/** The texts a source file can show: string and template literals and JSX text (comments are not read). */
function uiStrings(source: string, fileName = 'x.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      found.push(node.text);
    } else if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.filter((text) => /[\u4e00-\u9fff]/.test(text));
}

/** Every rejected word in these texts, as `where: 「text」 → use …`. */
function findRejected(texts: string[], where: string, context: Context): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    for (const rule of RULES) {
      if (rule.only && rule.only !== context) continue;
      if (rule.except === context) continue;
      const match = rule.rejected.exec(text);
      if (match)
        problems.push(
          `${where}: 「${text}」 has 「${match[0]}」 → use 「${rule.use}」 (glossary ${rule.section})`,
        );
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.test-helper\.ts$/.test(entry.name) ? [rel] : [];
  });
}

describe('one vocabulary (docs/glossary.md)', () => {
  it('finds a rejected word in a string, a template and JSX text, but not in a comment', () => {
    const source = [
      '// 确认 in a comment is not shown',
      'const a = "请确认";',
      'const b = `已确认 ${n} 份`;',
      'const c = <Text>我已阅读并理解</Text>;',
    ].join('\n');
    const texts = uiStrings(source);
    expect(texts).toEqual(['请确认', '已确认 ', ' 份', '我已阅读并理解']);
    expect(findRejected(texts, 'x.tsx', 'other')).toHaveLength(3);
    expect(findRejected(['已更正'], 'x.tsx', 'statement')).toHaveLength(1);
    expect(findRejected(['已更正'], 'x.tsx', 'update')).toEqual([]);
    expect(findRejected(['确认无误'], 'x.tsx', 'memo')).toEqual([]);
    expect(findRejected(['确认无误'], 'x.tsx', 'statement')).toHaveLength(1);
    expect(
      findRejected(['对方当事人', '预期与风险告知书', '内容指纹', '依据：民法典第188条'], 'x', 'other'),
    ).toEqual([]);
  });

  it('every UI string under src/ uses the glossary words', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((file) =>
      findRejected(uiStrings(readFileSync(path.join(ROOT, file), 'utf8'), file), file, contextOf(file)),
    );
    expect(problems).toEqual([]);
  });

  it('every error message the client can see uses the glossary words', () => {
    const problems = Object.entries(ERROR_MESSAGES).flatMap(([code, message]) =>
      findRejected(
        [message],
        `contract/errors.ts ${code}`,
        code.startsWith('STATEMENT.')
          ? 'statement'
          : code.startsWith('UPDATE.')
            ? 'update'
            : code.startsWith('MEMO.')
              ? 'memo'
              : 'other',
      ),
    );
    expect(problems).toEqual([]);
  });

  it('the glossary names every word the rules ask for', () => {
    for (const rule of RULES) expect(GLOSSARY).toContain(rule.use);
  });
});
