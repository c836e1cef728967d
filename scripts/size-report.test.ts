import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sizeReport } from './size-report';

const budgets = { weappMainPackage: 10_000, weappSubpackage: 5_000, h5FirstLoadGzip: 4_000 };
let root: string;

function write(file: string, content: string | Buffer) {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

function run() {
  const lines: string[] = [];
  const code = sizeReport(root, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'size-report-'));
  write('size-budgets.json', JSON.stringify(budgets));
  write(
    'dist/weapp/app.json',
    JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'lawyer/', pages: [] }] }),
  );
  write('dist/weapp/app.js', 'x'.repeat(3_000));
  write('dist/weapp/lawyer/pages/new/index.js', 'y'.repeat(4_000));
  write('dist/weapp/project.config.json', 'z'.repeat(50_000));
  write('dist/h5/index.html', '<html><script defer="defer" src="/js/app.1234.js"></script></html>');
  write('dist/h5/js/app.1234.js', 'const a = 1;\n'.repeat(2_000));
  write('dist/h5/js/lazy.5678.js', randomBytes(50_000));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('counts subpackage files apart from the main package, and ignores the tool settings file', () => {
  const { code, output } = run();
  expect(code).toBe(0);
  const appJsonBytes = JSON.stringify({
    pages: ['pages/index/index'],
    subPackages: [{ root: 'lawyer/', pages: [] }],
  }).length;
  expect(output).toMatch(new RegExp(`weapp main package\\s+2\\s+${3_000 + appJsonBytes}\\s`));
  expect(output).toMatch(/weapp subpackage lawyer\/\s+1\s+4000\s/);
});

it('fails naming the main package when it is over budget', () => {
  write('dist/weapp/vendors.js', 'v'.repeat(8_000));
  const { code, output } = run();
  expect(code).toBe(1);
  expect(output).toMatch(/weapp main package is over budget/);
  expect(output).not.toMatch(/subpackage lawyer\/ is over budget/);
});

it('measures the H5 scripts index.html loads, gzipped, and nothing lazily loaded', () => {
  // 26 KB raw but compressible: within a 4 KB gzip budget; the 50 KB random lazy chunk is not first-load.
  expect(run().code).toBe(0);
  write('dist/h5/js/app.1234.js', randomBytes(26_000));
  const { code, output } = run();
  expect(code).toBe(1);
  expect(output).toMatch(/H5 first-load JS \(gzip -9\) is over budget/);
});

it('fails naming the build that is missing', () => {
  rmSync(path.join(root, 'dist/h5'), { recursive: true });
  const { code, output } = run();
  expect(code).toBe(1);
  expect(output).toMatch(/H5 build missing: .*dist\/h5\/index.html/);
  expect(output).toMatch(/weapp main package/);
});
