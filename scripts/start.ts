/**
 * `npm start`: the demo on embedded SQLite (on PostgreSQL instead when DATABASE_URL is set). Builds the H5 app if it is missing, then starts the HTTP entry in
 * dev mode (migrations run at start; the demo firm is seeded on the first run only) and opens a browser when
 * this machine has a desktop.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, readEntryConfig } from '../server/config';

const root = path.resolve(__dirname, '..');
const h5Index = path.join(root, 'dist/h5/index.html');

const env = {
  ...process.env,
  CASETRAIL_DEV_LOGIN: '1',
  CASETRAIL_DATA_DIR: process.env.CASETRAIL_DATA_DIR ?? path.join(root, 'data'),
  CASETRAIL_H5_DIR: path.join(root, 'dist/h5'),
  // The demo's notification worker drains every 2 s, so the 消息预览 page shows a message right after the act.
  CASETRAIL_NOTIFY_INTERVAL_SECONDS: process.env.CASETRAIL_NOTIFY_INTERVAL_SECONDS ?? '2',
};

// The server's own configuration rule decides, before anything is built or started: dev login runs only with
// NODE_ENV unset, development or test (`prod`, `PRODUCTION`, `staging`… refuse), and the rest of the settings hold.
try {
  readEntryConfig(env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`npm start runs the demo with dev login. ${error.message}`);
  process.exit(1);
}

if (!fs.existsSync(h5Index)) {
  console.log('Building the H5 app (first run, ~20 s)…');
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'server/http/main.ts')], {
  cwd: root,
  env,
  stdio: ['inherit', 'pipe', 'inherit'],
});

server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
  if (match) {
    console.log(
      `\nOpen ${match[1]} — 选择「张律师」以律师身份登录，选择「李女士」以客户身份登录，「王主任」是律所管理员。`,
    );
    if (process.env.DISPLAY || process.platform === 'darwin') {
      const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
      spawn(opener, [match[1]], { stdio: 'ignore', detached: true })
        .on('error', () => undefined)
        .unref();
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
