/**
 * Size report: the weapp main package and each subpackage (bytes on disk, as WeChat counts them) and the H5
 * first-load JS (the scripts index.html loads, gzip -9, summed), against size-budgets.json.
 * Run after `npm run build:weapp` and `npm run build:h5` (the H5 build is read from CASETRAIL_H5_OUT when set).
 * Exits 1 when a build is missing or over budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Budgets {
  weappMainPackage: number;
  weappSubpackage: number;
  h5FirstLoadGzip: number;
}

export interface Measure {
  name: string;
  bytes: number;
  budget: number;
  files: number;
  /** The biggest files, largest first (weapp only), to show where the bytes are. */
  largest?: { file: string; bytes: number }[];
}

/** Files WeChat does not upload as package content (tool settings, source maps). */
const NOT_IN_PACKAGE = /(^|\/)(project\.config\.json|project\.private\.config\.json)$|\.map$/;

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Subpackage roots from app.json (`subPackages` or `subpackages`), normalized to `root/`. */
export function subpackageRoots(appJson: {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}) {
  const entries = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])];
  return entries.map(({ root }) => root.replace(/^\.?\/+/, '').replace(/\/*$/, '/'));
}

export function measureWeapp(dir: string, budgets: Budgets): Measure[] {
  const appJsonPath = path.join(dir, 'app.json');
  if (!existsSync(appJsonPath))
    throw new MissingBuild(`weapp build missing: ${appJsonPath} not found (run npm run build:weapp)`);
  const roots = subpackageRoots(JSON.parse(readFileSync(appJsonPath, 'utf8')));
  const main: Measure = { name: 'weapp main package', bytes: 0, budget: budgets.weappMainPackage, files: 0 };
  const subs = new Map<string, Measure>(
    roots.map((root) => [
      root,
      { name: `weapp subpackage ${root}`, bytes: 0, budget: budgets.weappSubpackage, files: 0 },
    ]),
  );
  const mainFiles: { file: string; bytes: number }[] = [];
  for (const file of listFiles(dir)) {
    if (NOT_IN_PACKAGE.test(file)) continue;
    const bucket = subs.get(roots.find((root) => file.startsWith(root)) ?? '') ?? main;
    const bytes = statSync(path.join(dir, file)).size;
    bucket.bytes += bytes;
    bucket.files += 1;
    if (bucket === main) mainFiles.push({ file, bytes });
  }
  main.largest = mainFiles.sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return [main, ...subs.values()];
}

/** Local script URLs in index.html, in order (external and inline scripts are not first-load bytes we ship). */
export function firstLoadScripts(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)["']?[^>]*>/gi)) {
    const src = match[1];
    if (/^(https?:)?\/\//i.test(src) || src.startsWith('data:')) continue;
    sources.push(src.split(/[?#]/)[0]);
  }
  return sources;
}

export function measureH5(dir: string, budgets: Budgets): Measure {
  const indexPath = path.join(dir, 'index.html');
  if (!existsSync(indexPath))
    throw new MissingBuild(`H5 build missing: ${indexPath} not found (run npm run build:h5)`);
  const scripts = firstLoadScripts(readFileSync(indexPath, 'utf8'));
  if (scripts.length === 0) throw new MissingBuild(`H5 build incomplete: ${indexPath} loads no script`);
  let bytes = 0;
  for (const src of scripts) {
    const file = path.join(dir, src.replace(/^\/+/, ''));
    if (!existsSync(file))
      throw new MissingBuild(`H5 build incomplete: index.html loads ${src}, but ${file} is missing`);
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return {
    name: 'H5 first-load JS (gzip -9)',
    bytes,
    budget: budgets.h5FirstLoadGzip,
    files: scripts.length,
  };
}

export class MissingBuild extends Error {}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatTable(measures: Measure[]): string {
  const rows = measures.map((m) => [
    m.name,
    String(m.files),
    String(m.bytes),
    kb(m.bytes),
    kb(m.budget),
    `${((m.bytes / m.budget) * 100).toFixed(0)}%`,
    m.bytes <= m.budget ? 'ok' : 'OVER',
  ]);
  const header = ['what', 'files', 'bytes', 'size', 'budget', 'used', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Returns the process exit code. */
export function sizeReport(root: string, log: (line: string) => void = console.log): number {
  const budgets = JSON.parse(readFileSync(path.join(root, 'size-budgets.json'), 'utf8')) as Budgets;
  const measures: Measure[] = [];
  const problems: string[] = [];
  for (const measure of [
    () => measureWeapp(path.join(root, 'dist/weapp'), budgets),
    // CASETRAIL_H5_OUT: the H5 build in another folder (as build:h5 and the browser tests read it).
    () => [measureH5(path.resolve(root, process.env.CASETRAIL_H5_OUT ?? 'dist/h5'), budgets)],
  ]) {
    try {
      measures.push(...measure());
    } catch (error) {
      if (!(error instanceof MissingBuild)) throw error;
      problems.push(error.message);
    }
  }
  if (measures.length > 0) log(formatTable(measures));
  for (const m of measures.filter((m) => m.largest?.length)) {
    log(`largest in ${m.name}: ${m.largest!.map(({ file, bytes }) => `${file} ${kb(bytes)}`).join(', ')}`);
  }
  for (const m of measures.filter((m) => m.bytes > m.budget)) {
    problems.push(
      `${m.name} is over budget: ${m.bytes} bytes > ${m.budget} bytes (${kb(m.bytes - m.budget)} over)`,
    );
  }
  for (const problem of problems) log(`✖ ${problem}`);
  if (problems.length === 0) log('✔ all within budget');
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exit(sizeReport(path.resolve(__dirname, '..')));
}
