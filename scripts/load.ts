/**
 * `npm run load [-- --users 200 --seconds 60 --engine sqlite|postgres|both --think-ms 1000]`: seeds a firm of 50
 * lawyers, 500 cases and 1,000 clients, starts the real HTTP entry (server/http/main.ts) on loopback, then runs the
 * simulated people (scripts/load/simulate.ts) against POST /api and prints errors, p50/p99 per action and overall,
 * and throughput. PostgreSQL runs on a throwaway cluster (scripts/pg-cluster.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/platform/open-database';
import { startThrowawayCluster } from './pg-cluster';
import { seedFirm } from './load/seed';
import { simulate, type LoadReport } from './load/simulate';

const ROOT = path.resolve(__dirname, '..');
const SIZE = { lawyers: 50, cases: 500, clients: 1000 };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

function print(engine: string, report: LoadReport, seedMs: number): number {
  const rows: [string, number[]][] = [...report.latencies.entries()].sort(([a], [b]) => a.localeCompare(b));
  const all = rows.flatMap(([, l]) => l).sort((a, b) => a - b);
  const errors = [...report.errors.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n== ${engine}: seeded in ${(seedMs / 1000).toFixed(1)} s; ran ${(report.elapsedMs / 1000).toFixed(1)} s`,
  );
  console.log('action                    calls     p50 ms   p99 ms');
  for (const [action, list] of rows) {
    list.sort((a, b) => a - b);
    console.log(
      `${action.padEnd(24)} ${String(list.length).padStart(6)} ${quantile(list, 0.5).toFixed(1).padStart(9)} ${quantile(list, 0.99).toFixed(1).padStart(8)}`,
    );
  }
  console.log(
    `${'overall'.padEnd(24)} ${String(all.length).padStart(6)} ${quantile(all, 0.5).toFixed(1).padStart(9)} ${quantile(all, 0.99).toFixed(1).padStart(8)}`,
  );
  console.log(
    `throughput: ${(all.length / (report.elapsedMs / 1000)).toFixed(1)} answered calls/s; errors: ${errors}`,
  );
  for (const [key, n] of report.errors) console.log(`  error ${key}: ${n}`);
  return errors;
}

async function startServer(
  env: Record<string, string>,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/http/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      CASETRAIL_DEV_LOGIN: '',
      CASETRAIL_H5_DIR: path.join(os.tmpdir(), 'casetrail-load-no-h5'),
      // The simulated people come "through" a proxy on loopback, each with an address of their own.
      CASETRAIL_TRUSTED_PROXIES: '127.0.0.1',
      CASETRAIL_SEAL_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
      if (output.length > 100_000) output = output.slice(-10_000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output.slice(-3000)}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function runOn(
  engine: 'sqlite' | 'postgres',
  users: number,
  seconds: number,
  thinkMs: number,
): Promise<number> {
  const lawyers = Math.min(SIZE.lawyers, Math.round(users / 4));
  const clients = users - lawyers;
  const cluster = engine === 'postgres' ? await startThrowawayCluster() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-load-'));
  try {
    const opened = await openDatabase({ databaseUrl: cluster?.url ?? null, dataDir });
    const seeded = await seedFirm(opened.db, SIZE, { lawyers, clients });
    await opened.db.destroy();
    const server = await startServer(
      cluster ? { DATABASE_URL: cluster.url } : { CASETRAIL_DATA_DIR: dataDir },
    );
    try {
      const report = await simulate(seeded, { port: server.port, seconds, clients, lawyers, thinkMs });
      return print(
        `${engine}, ${users} users (${lawyers} lawyers, ${clients} clients), think ${thinkMs} ms`,
        report,
        seeded.millis,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const users = Number(arg('users', '200'));
  const seconds = Number(arg('seconds', '60'));
  const thinkMs = Number(arg('think-ms', '1000'));
  const engine = arg('engine', 'sqlite');
  if (
    !['sqlite', 'postgres', 'both'].includes(engine) ||
    !(users >= 2) ||
    !(seconds > 0) ||
    !(thinkMs >= 0)
  ) {
    console.error(
      'usage: npm run load -- [--users 200] [--seconds 60] [--engine sqlite|postgres|both] [--think-ms 1000]',
    );
    process.exit(2);
  }
  let errors = 0;
  for (const e of engine === 'both' ? (['sqlite', 'postgres'] as const) : [engine as 'sqlite' | 'postgres'])
    errors += await runOn(e, users, seconds, thinkMs);
  process.exit(errors === 0 ? 0 : 1);
}

void main();
