/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: a fresh data folder in the temp dir, listening on
 * 127.0.0.1 only (plus a unix socket inside that folder), on a free port, trust authentication, gone after
 * `stop()` or when this process exits. Never point anything that matters at it: it runs with fsync off.
 *
 *   const cluster = await startThrowawayCluster();
 *   // cluster.url: postgres://postgres@127.0.0.1:<port>/postgres
 *   await cluster.stop();
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ThrowawayCluster {
  /** Connection string for the superuser `postgres` (no password: trust on loopback). */
  url: string;
  port: number;
  /** Milliseconds from the call to a ready server (initdb + start). */
  startMillis: number;
  stop(): Promise<void>;
}

/**
 * The folder holding initdb and pg_ctl: CASETRAIL_PG_BIN if set, Debian's /usr/lib/postgresql/<newest>/bin (the
 * package does not put them on PATH), else PATH. Null when absent.
 */
export function findPostgresBin(
  env: Record<string, string | undefined> = process.env,
  debian = '/usr/lib/postgresql',
): string | null {
  const has = (dir: string) =>
    ['initdb', 'pg_ctl'].every((tool) => {
      try {
        fs.accessSync(path.join(dir, tool), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  const candidates: string[] = [];
  if (env.CASETRAIL_PG_BIN) candidates.push(env.CASETRAIL_PG_BIN);
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  candidates.push(...(env.PATH ?? '').split(path.delimiter).filter(Boolean));
  return candidates.find(has) ?? null;
}

/** PostgreSQL refuses to run as root: as root, the cluster runs as `nobody` (or a system user made for it). */
function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const name of ['nobody', 'casetrail-pg']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0)
      return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    if (name === 'casetrail-pg') break;
  }
  const made = spawnSync('useradd', [
    '--system',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'casetrail-pg',
  ]);
  if (made.status !== 0) throw new Error('running as root and no unprivileged user for PostgreSQL (nobody)');
  return unprivilegedUser();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const started = performance.now();
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL not found (initdb/pg_ctl): apt-get install postgresql');
  const user = unprivilegedUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'socket');
  const logFile = path.join(dir, 'server.log');
  fs.mkdirSync(socketDir);
  if (user) {
    // mkdtemp makes the folder 0700 root: hand it (and what is in it) to the server's user.
    for (const p of [dir, socketDir]) fs.chownSync(p, user.uid, user.gid);
  }

  const run = (tool: string, args: string[], options: SpawnSyncOptions = {}) => {
    const command = path.join(bin, tool);
    const [file, argv] = user ? ['runuser', ['-u', user.name, '--', command, ...args]] : [command, args];
    // cwd inside the cluster folder: the unprivileged user may not be able to enter ours.
    return spawnSync(file, argv, { cwd: dir, encoding: 'utf8', ...options });
  };
  const fail = (what: string, result: ReturnType<typeof run>) => {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    return new Error(`${what} failed (${result.status}): ${result.stderr || ''}${result.stdout || ''}${log}`);
  };

  let stopped = false;
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (stopped) return;
    stopped = true;
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid')))
      run('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '30']);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // Clean up on exit, Ctrl-C and kill, however the caller ends. Signal handlers replace the default exit,
  // so they exit themselves with the conventional 128 + signal number.
  const onExit = () => stopNow('immediate');
  const onSignal = (signal: NodeJS.Signals) => {
    stopNow('immediate');
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const detach = () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  try {
    const init = run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust', // loopback and a socket inside a private folder only
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync', // a test cluster: nothing in it outlives the run
      '--no-instructions',
    ]);
    if (init.status !== 0) throw fail('initdb', init);

    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      fs.appendFileSync(
        path.join(dataDir, 'postgresql.conf'),
        [
          '',
          '# casetrail throwaway test cluster',
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${socketDir}'`,
          // fsync/full_page_writes/synchronous_commit off: ONLY acceptable because this cluster is deleted
          // after the run; a crash may corrupt it and that costs nothing. Never copy these to a real server.
          'fsync = off',
          'full_page_writes = off',
          'synchronous_commit = off',
          'max_connections = 200', // parallel jest workers × pool max 10, plus migrations
          "timezone = 'UTC'",
          '',
        ].join('\n'),
      );
      const start = run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '30', '-s']);
      if (start.status === 0) break;
      // Someone took the port between our probe and the server's bind: try another one.
      if (attempt >= 2 || !/could not bind|in use/i.test(fs.readFileSync(logFile, 'utf8')))
        throw fail('pg_ctl start', start);
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      startMillis: Math.round(performance.now() - started),
      async stop() {
        detach();
        stopNow('fast');
      },
    };
  } catch (error) {
    detach();
    stopNow('immediate');
    throw error;
  }
}
