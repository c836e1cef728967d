import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
let dir: string;

/** A two-file mini-program: one page, whose files the test may replace. */
function miniProgram(page: Partial<Record<'js' | 'wxml' | 'wxss', string>> = {}) {
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({});\n',
    'app.wxss': '.page { color: #333; }\n',
    'project.config.json': JSON.stringify({
      miniprogramRoot: './',
      appid: 'touristappid',
      compileType: 'miniprogram',
    }),
    'pages/index/index.json': '{}',
    'pages/index/index.js': page.js ?? 'Page({ data: { title: "律程" } });\n',
    'pages/index/index.wxml': page.wxml ?? '<view class="card"><text>{{title}}</text></view>\n',
    'pages/index/index.wxss': page.wxss ?? '.card { padding: 16rpx; }\n',
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

function check() {
  // Through the tsx CLI as `npm run check:weapp` does (miniprogram-ci's forked compiler dies under `node --import tsx`).
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'scripts/check-weapp.ts'), dir],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'check-weapp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('passes a valid mini-program through wcc, wcsc and miniprogram-ci', () => {
  miniProgram();
  const { code, output } = check();
  expect(output).toMatch(/✔ miniprogram-ci/);
  expect(code).toBe(0);
}, 90_000);

it('fails naming the broken WXML, the WXSS WeChat rejects and the JS that does not parse', () => {
  miniProgram({
    wxml: '<view>\n  <text>{{title</text>\n</vie>\n',
    // WXSS has no universal selector; browsers accept it, WeChat's compiler does not.
    wxss: '.actions > * { flex: 1; }\n',
    js: 'Page({ data: { title: "律程" }\n',
  });
  const { code, output } = check();
  expect(code).toBe(1);
  expect(output).toMatch(/wcc .*pages\/index\/index\.wxml:\d+:\d+/);
  expect(output).toMatch(/wcsc .*pages\/index\/index\.wxss\(\d+:\d+\)/);
  expect(output).toMatch(/getCompiledResult failed.*pages\/index\/index\.js/);
}, 90_000);
