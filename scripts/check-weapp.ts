/**
 * Checks a built mini-program with WeChat's own tooling, offline:
 * - `wcc` / `wcsc` (miniprogram-compiler, the developer tools' WXML/WXS and WXSS compilers) on every file;
 * - miniprogram-ci `getCompiledResult` (the upload pipeline: JSON, ES6 → ES5, minify) with a fake appid.
 * Usage: `tsx scripts/check-weapp.ts [dir]` (default dist/weapp). Exits 1 naming each failing file.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const COMPILER_BIN = path.join(
  path.dirname(require.resolve('miniprogram-compiler/package.json')),
  'bin',
  'linux',
);
const FAKE_APPID = 'wx0000000000000000';

export interface CheckResult {
  tool: string;
  problems: string[];
  ms: number;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'miniprogram_npm') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The package ships its binaries without the execute bit; its own wrapper sets it the same way. */
function compiler(name: 'wcc' | 'wcsc'): string {
  const bin = path.join(COMPILER_BIN, name);
  if (process.platform !== 'linux') throw new Error(`${name}: only the Linux binary is wired here`);
  chmodSync(bin, 0o755);
  return bin;
}

function runCompiler(name: 'wcc' | 'wcsc', dir: string, args: string[]): string[] {
  const result = spawnSync(compiler(name), args, {
    cwd: dir,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (result.error) return [`${name} could not run: ${result.error.message}`];
  if (result.status === 0) return [];
  const output = `${result.stderr}\n${result.stdout.slice(0, 2000)}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^error file count: \d+$/.test(line));
  return [`${name} exited with ${result.status ?? result.signal}: ${output.join('\n  ') || '(no message)'}`];
}

/** WXML and WXS, compiled together as the developer tools do (pages import base.wxml and utils.wxs). */
export function checkWxml(dir: string): CheckResult {
  const started = Date.now();
  const files = listFiles(dir);
  const wxml = files.filter((file) => file.endsWith('.wxml'));
  const wxs = files.filter((file) => file.endsWith('.wxs'));
  if (wxml.length + wxs.length === 0) return { tool: 'wcc', problems: [], ms: 0 };
  // Component map as miniprogram-compiler builds it: count, then per page: path, n, tag names.
  const components: (string | number)[] = [];
  let pagesWithComponents = 0;
  for (const file of wxml) {
    const using = readJson(path.join(dir, file.replace(/\.wxml$/, '.json')))?.usingComponents;
    if (using && typeof using === 'object') {
      const tags = Object.keys(using);
      components.push(file, tags.length, ...tags);
      pagesWithComponents += 1;
    }
  }
  const componentArg = [pagesWithComponents, ...components].join(' ');
  const problems = runCompiler('wcc', dir, ['-d', '-cc', componentArg, ...wxml, ...wxs, '-gn', '$gwx']);
  return { tool: 'wcc (WXML/WXS)', problems, ms: Date.now() - started };
}

export function checkWxss(dir: string): CheckResult {
  const started = Date.now();
  const wxss = listFiles(dir).filter((file) => file.endsWith('.wxss'));
  if (wxss.length === 0) return { tool: 'wcsc', problems: [], ms: 0 };
  // Page and component stylesheets (those with a .json beside them) go first, preceded by their count.
  const isComponent = (file: string) => existsSync(path.join(dir, file.replace(/\.wxss$/, '.json')));
  const ordered = [...wxss.filter(isComponent), ...wxss.filter((file) => !isComponent(file))];
  const problems = runCompiler('wcsc', dir, [
    '-db',
    '-pc',
    String(wxss.filter(isComponent).length),
    ...ordered,
  ]);
  return { tool: 'wcsc (WXSS)', problems, ms: Date.now() - started };
}

/** The upload pipeline, without uploading: fake appid and key, project attributes given, network pointed at a closed port. */
export async function checkWithMiniprogramCi(dir: string): Promise<CheckResult> {
  const started = Date.now();
  // Loaded here: it starts services on import, and the compilers above do not need it.
  const ci = await import('miniprogram-ci');
  const keyDir = mkdtempSync(path.join(tmpdir(), 'casetrail-ci-key-'));
  const privateKeyPath = path.join(keyDir, 'private.key');
  writeFileSync(privateKeyPath, 'offline-check-not-a-key');
  try {
    ci.proxy('http://127.0.0.1:9');
    const project = new ci.Project({
      appid: FAKE_APPID,
      type: 'miniProgram',
      projectPath: dir,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
      // Read by CIProject.attr() instead of asking WeChat's servers for this appid's attributes.
      attr: async () => ci.DefaultProjectAttr,
    } as ConstructorParameters<typeof ci.Project>[0]);
    await ci.getCompiledResult({
      project,
      version: '0.0.0',
      // Explicit: Taro's project.config.json turns these off, and then nothing is compiled or checked.
      setting: { es6: true, minify: true },
    });
    return { tool: 'miniprogram-ci', problems: [], ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    // A WXML minify error (10038) carries only line:column; wcc above names its file.
    return {
      tool: 'miniprogram-ci',
      problems: [`getCompiledResult failed${code ? ` (${String(code)})` : ''}: ${message}`],
      ms: Date.now() - started,
    };
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}

export async function checkWeapp(dir: string): Promise<CheckResult[]> {
  if (!existsSync(path.join(dir, 'app.json'))) {
    return [
      {
        tool: 'build',
        problems: [`no mini-program at ${dir}: app.json missing (run npm run build:weapp)`],
        ms: 0,
      },
    ];
  }
  return [checkWxml(dir), checkWxss(dir), await checkWithMiniprogramCi(dir)];
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'weapp'));
  console.log(`Checking ${dir} with WeChat's compilers (offline)`);
  const results = await checkWeapp(dir);
  for (const { tool, problems, ms } of results) {
    console.log(`${problems.length === 0 ? '✔' : '✖'} ${tool} ${(ms / 1000).toFixed(1)} s`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
  const failed = results.some((result) => result.problems.length > 0);
  console.log(failed ? 'check:weapp failed' : 'check:weapp passed');
  // miniprogram-ci keeps handles open and never exits by itself.
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
