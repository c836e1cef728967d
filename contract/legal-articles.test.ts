import { z } from 'zod';
import articlesFile from './data/legal-articles.json';
import templatesFile from './data/statement-templates.json';
import { STAGE_TEMPLATES } from './case-types';
import { SECTION_KEYS, statementTemplate, type StatementTemplate } from './statements';

/**
 * Every legal citation a client reads — an item's `basis` (「依据：……」), a 「…法第N条」 inside a template text or a
 * stage description — must name a law and an article listed in data/legal-articles.json, so a mistyped article
 * number fails here instead of reaching a client.
 */
const lawEntry = z
  .object({
    name: z.string().min(1),
    fullName: z.string().min(1),
    /** The edition whose article numbers are cited. */
    edition: z.string().min(1),
    /** Article number (Arabic) → one-line gist. */
    articles: z.record(z.string().min(1)),
  })
  .strict();
interface Citation {
  law: string;
  article: string | null;
}

const laws = z.array(lawEntry).parse(articlesFile.laws);
const templates: StatementTemplate[] = templatesFile.templates.map((raw) => statementTemplate.parse(raw));
const lawByName = new Map(laws.map((law) => [law.name, law]));
// Longest first, so 「民事诉讼法解释」 is not read as 「民事诉讼法」 followed by junk.
const LAW_NAMES = laws.map((law) => law.name).sort((a, b) => b.length - a.length);
const ARTICLE = /^第(\d+)条(?:第\d+款)?$/;
const CHINESE_NUMERAL_ARTICLE = /第[一二三四五六七八九十百千零〇两]+条/;

/** Reads 「民法典第1179条、第1183条；民事诉讼法」; returns the citations, or the first segment it cannot read. */
function parseBasis(basis: string): Citation[] | { unreadable: string } {
  const citations: Citation[] = [];
  let law: string | null = null;
  for (const segment of basis.split(/[、；]/)) {
    const name = LAW_NAMES.find((candidate) => segment.startsWith(candidate));
    if (name) law = name;
    const rest = name ? segment.slice(name.length) : segment;
    if (!law) return { unreadable: segment };
    if (rest === '' && name) {
      citations.push({ law, article: null });
      continue;
    }
    const article = ARTICLE.exec(rest);
    if (!article) return { unreadable: segment };
    citations.push({ law, article: article[1] });
  }
  return citations;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CITATION_IN_TEXT = new RegExp(
  `(${LAW_NAMES.map(escapeRegExp).join('|')})?第(\\d+)条(?:第\\d+款)?`,
  'g',
);

/**
 * The 「…第N条」 citations inside running text. A bare 「第N条」 counts only when it continues a citation through
 * 「、」 (「第47条、第48条」); otherwise it names no known law and is reported with law null.
 */
function citationsInText(text: string): { law: string | null; article: string }[] {
  const found: { law: string | null; article: string }[] = [];
  let previous: { law: string; end: number } | null = null;
  for (const match of text.matchAll(CITATION_IN_TEXT)) {
    const start = match.index ?? 0;
    const continues: boolean = previous !== null && text.slice(previous.end, start) === '、';
    const law: string | null = match[1] ?? (continues && previous ? previous.law : null);
    found.push({ law, article: match[2] });
    previous = law ? { law, end: start + match[0].length } : null;
  }
  return found;
}

/** Every text a client reads, with where it sits. */
function clientTexts(): { path: string; text: string }[] {
  const fromTemplates = templates.flatMap((template) => [
    { path: `${template.key}.title`, text: template.content.title },
    { path: `${template.key}.intro`, text: template.content.intro ?? '' },
    ...SECTION_KEYS.flatMap((section) =>
      template.content.sections[section].map((item) => ({
        path: `${template.key}.${item.id}`,
        text: item.text,
      })),
    ),
  ]);
  const fromStages = Object.entries(STAGE_TEMPLATES).flatMap(([caseType, stages]) =>
    stages.map((stage) => ({
      path: `stages.${caseType}.${stage.name}`,
      text: `${stage.name}\n${stage.description}`,
    })),
  );
  return [...fromTemplates, ...fromStages];
}

function bases(): { path: string; basis: string }[] {
  return templates.flatMap((template) =>
    SECTION_KEYS.flatMap((section) =>
      template.content.sections[section].flatMap((item) =>
        item.basis ? [{ path: `${template.key}.${item.id}`, basis: item.basis }] : [],
      ),
    ),
  );
}

/** Whether the table lists the law, and the article when one is cited. */
function known(citation: { law: string | null; article: string | null }): boolean {
  const law = citation.law ? lawByName.get(citation.law) : undefined;
  if (!law) return false;
  return citation.article === null || citation.article in law.articles;
}

describe('the table of legal articles', () => {
  it('names each law once, with its full name, the edition cited and a gist for every article', () => {
    expect(new Set(laws.map((law) => law.name)).size).toBe(laws.length);
    for (const law of laws) {
      expect(law.fullName.length).toBeGreaterThan(0);
      expect(law.edition.length).toBeGreaterThan(0);
      for (const [article, gist] of Object.entries(law.articles)) {
        expect(`${law.name} ${article}`).toMatch(/ [1-9]\d*$/);
        expect(gist.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('cites the 2023 text of the 民事诉讼法 (申请执行期间 is article 250, not 246)', () => {
    const civilProcedure = lawByName.get('民事诉讼法');
    expect(civilProcedure?.edition).toContain('2023');
    expect(civilProcedure?.articles['250']).toContain('二年');
    expect(civilProcedure?.articles['246']).toBeUndefined();
  });
});

describe('legal citations', () => {
  it('reads the citation format it checks', () => {
    expect(parseBasis('民法典第1179条、第1183条；民事诉讼法')).toEqual([
      { law: '民法典', article: '1179' },
      { law: '民法典', article: '1183' },
      { law: '民事诉讼法', article: null },
    ]);
    expect(parseBasis('民法典第1079条第5款')).toEqual([{ law: '民法典', article: '1079' }]);
    expect(parseBasis('民事诉讼法解释')).toEqual([{ law: '民事诉讼法解释', article: null }]);
    expect(parseBasis('合同法第52条')).toEqual({ unreadable: '合同法第52条' });
    expect(parseBasis('民事诉讼法第六十七条')).toEqual({ unreadable: '民事诉讼法第六十七条' });
    expect(citationsInText('见劳动争议调解仲裁法第47条、第48条，另见第9条。')).toEqual([
      { law: '劳动争议调解仲裁法', article: '47' },
      { law: '劳动争议调解仲裁法', article: '48' },
      { law: null, article: '9' },
    ]);
    // A typo in an article number must not pass.
    expect(known({ law: '民事诉讼法', article: '246' })).toBe(false);
  });

  it('gives every basis in a form it can read, naming only listed laws and articles', () => {
    const problems = bases().flatMap(({ path, basis }) => {
      const parsed = parseBasis(basis);
      if (!Array.isArray(parsed)) return [`${path}: cannot read 「${parsed.unreadable}」`];
      return parsed
        .filter((citation) => !known(citation))
        .map((citation) => `${path}: ${citation.law}第${citation.article}条 is not in legal-articles.json`);
    });
    expect(problems).toEqual([]);
  });

  it('lists every 「…法第N条」 written inside a template text or a stage description', () => {
    const problems = clientTexts().flatMap(({ path, text }) =>
      citationsInText(text)
        .filter((citation) => !known(citation))
        .map((citation) => `${path}: ${citation.law ?? '(no known law)'}第${citation.article}条`),
    );
    expect(problems).toEqual([]);
  });

  it('writes article numbers in Arabic numerals everywhere', () => {
    const chinese = [
      ...clientTexts().filter(({ text }) => CHINESE_NUMERAL_ARTICLE.test(text)),
      ...bases().filter(({ basis }) => CHINESE_NUMERAL_ARTICLE.test(basis)),
    ].map(({ path }) => path);
    expect(chinese).toEqual([]);
  });

  it('lists no law or article that nothing cites', () => {
    const cited = new Set<string>();
    for (const { basis } of bases()) {
      const parsed = parseBasis(basis);
      if (Array.isArray(parsed)) for (const c of parsed) cited.add(`${c.law}:${c.article ?? ''}`);
    }
    for (const { text } of clientTexts()) {
      for (const c of citationsInText(text)) cited.add(`${c.law}:${c.article}`);
    }
    const citedLaws = new Set([...cited].map((key) => key.split(':')[0]));
    const unused = laws.flatMap((law) => [
      ...(citedLaws.has(law.name) ? [] : [law.name]),
      ...Object.keys(law.articles)
        .filter((article) => !cited.has(`${law.name}:${article}`))
        .map((article) => `${law.name}第${article}条`),
    ]);
    expect(unused).toEqual([]);
  });
});
