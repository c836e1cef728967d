/**
 * `npm run unit:pg`: the integration suite (tests/integration) again, on PostgreSQL. Uses CASETRAIL_TEST_PG_URL
 * when set (each test works in a schema of its own there, dropped afterwards); otherwise starts a throwaway
 * cluster from the installed PostgreSQL binaries and stops it afterwards. Without PostgreSQL it says so and
 * exits 0 — or 1 under CI=true, where PostgreSQL is required. Extra arguments go to jest.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findPostgresBin, startThrowawayCluster, type ThrowawayCluster } from './pg-cluster';

const root = path.resolve(__dirname, '..');

function runJest(url: string, extra: string[]): Promise<number> {
  const jest = require.resolve('jest/bin/jest', { paths: [root] });
  // --selectProjects takes a list: it goes last so it cannot swallow the path pattern.
  const args = [jest, 'tests/integration/', ...extra, '--selectProjects', 'server'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CASETRAIL_TEST_PG_URL: url },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const extra = process.argv.slice(2);
  const given = process.env.CASETRAIL_TEST_PG_URL;
  if (given) {
    console.log('Integration suite on PostgreSQL at CASETRAIL_TEST_PG_URL');
    return runJest(given, extra);
  }
  if (!findPostgresBin()) {
    console.log('PostgreSQL not found: the integration suite ran on SQLite only.');
    if (process.env.CI === 'true') {
      console.error('CI=true requires PostgreSQL (initdb, pg_ctl): apt-get install postgresql');
      return 1;
    }
    return 0;
  }
  let cluster: ThrowawayCluster | null = null;
  try {
    cluster = await startThrowawayCluster();
    console.log(`Throwaway PostgreSQL on 127.0.0.1:${cluster.port}, ready in ${cluster.startMillis} ms`);
    return await runJest(cluster.url, extra);
  } finally {
    await cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
