/**
 * The two engines the bench runs on. Each bench database ("store") is a fresh SQLite file in a temp folder, or a
 * fresh schema on one throwaway PostgreSQL cluster that this run starts (with fsync ON and autovacuum OFF, see
 * below; autovacuum back ON before the write runs) and stops. Every store's Kysely instance counts its queries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LogConfig } from 'kysely';
import SQLite from 'better-sqlite3';
import { Client } from 'pg';
import { openSqlite, sqliteFileIn, type Db } from '../../server/platform/database';
import { openPostgres } from '../../server/platform/postgres';
import { findPostgresBin, startThrowawayCluster, type ThrowawayCluster } from '../pg-cluster';
import { postgresRaw, sqliteRaw, type RawSql } from './raw-sql';

export type EngineName = 'sqlite' | 'postgres';

export interface QueryCounter {
  count: number;
}

export interface Store {
  engine: EngineName;
  db: Db;
  raw: RawSql;
  /** The raw better-sqlite3 connection (SQLite only): the hand-written SQL comparison uses it. */
  sqlite?: SQLite.Database;
  queries: QueryCounter;
  /** What a fresh process needs to open this store again (the first-answer probe). */
  location: { databaseUrl: string | null; dataDir: string; searchPath?: string };
  close(): Promise<void>;
}

/** One-row fsynced commits per second: one at a time, and (PostgreSQL) with 20 connections committing at once. */
export interface DiskCeiling {
  sequential: number;
  concurrent: number;
  how: string;
}

export interface Engine {
  name: EngineName;
  /** e.g. `SQLite 3.50.4 (better-sqlite3 12.11.1), WAL, synchronous=FULL`. */
  describe: string;
  notes: string[];
  openStore(name: string): Promise<Store>;
  diskCeiling(seconds: number): Promise<DiskCeiling>;
  /** Bench tables that have statistics from an ANALYZE (by hand or autovacuum): none expected. */
  analyzed(): Promise<string[]>;
  /**
   * PostgreSQL: autovacuum back on (as on any real server) once the read figures are taken, before the write
   * runs, whose updated rows it cleans up. SQLite: nothing to do.
   */
  enableAutovacuum(): Promise<void>;
  stop(): Promise<void>;
}

function counting(): { queries: QueryCounter; log: LogConfig } {
  const queries = { count: 0 };
  return {
    queries,
    log: (event) => {
      if (event.level === 'query') queries.count++;
    },
  };
}

/** Commits as many one-row transactions as it can for `seconds`; returns commits per second. */
async function commitsPerSecond(seconds: number, commit: () => unknown): Promise<number> {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < seconds * 1000) {
    await commit();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

export async function sqliteEngine(): Promise<Engine> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-bench-'));
  const probe = new SQLite(':memory:');
  const version = (probe.prepare('select sqlite_version() as v').get() as { v: string }).v;
  probe.close();
  let ceilingFiles = 0;
  return {
    name: 'sqlite',
    describe: `SQLite ${version} (better-sqlite3), WAL, synchronous=FULL, files in ${os.tmpdir()}`,
    notes: ['no ANALYZE was run on any SQLite file (plans are the ones a fresh deployment gets)'],
    async openStore(name) {
      const dir = path.join(root, name);
      const file = sqliteFileIn(dir);
      const { queries, log } = counting();
      const db = await openSqlite(file, { log });
      const raw = sqliteRaw(file);
      return {
        engine: 'sqlite',
        db,
        raw,
        sqlite: raw.sqlite,
        queries,
        location: { databaseUrl: null, dataDir: dir },
        async close() {
          await raw.close();
          await db.destroy();
        },
      };
    },
    async diskCeiling(seconds) {
      // The floor under every write: a bare file on the same disk, WAL + synchronous=FULL, one row a commit.
      const file = path.join(root, `ceiling-${++ceilingFiles}.sqlite`);
      const bare = new SQLite(file);
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = FULL');
      bare.exec('create table t (id integer primary key, v text not null)');
      const insert = bare.prepare('insert into t (v) values (?)');
      const row = 'x'.repeat(200);
      const sequential = await commitsPerSecond(seconds, () => insert.run(row));
      bare.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      return {
        sequential,
        // One connection writes at a time: concurrency cannot raise it.
        concurrent: sequential,
        how: 'bare better-sqlite3 file, WAL + synchronous=FULL, one 200-byte row per transaction',
      };
    },
    async analyzed() {
      return []; // SQLite never analyzes on its own, and the bench does not ask it to
    },
    async enableAutovacuum() {},
    async stop() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL on a throwaway cluster. pg-cluster.ts starts it with fsync, full_page_writes and synchronous_commit
 * OFF (fine for tests, meaningless for write throughput): the bench turns them back ON with ALTER SYSTEM + reload
 * (all three take effect on reload), so commits here wait for the disk like on a real server. Autovacuum is
 * turned OFF the same way, so no ANALYZE runs behind the measurements: plans must not depend on statistics.
 * Null when no PostgreSQL binaries are installed.
 */
export async function postgresEngine(): Promise<Engine | null> {
  if (!findPostgresBin()) return null;
  const cluster: ThrowawayCluster = await startThrowawayCluster();
  const admin = new Client({ connectionString: cluster.url });
  try {
    await admin.connect();
    for (const setting of [
      'fsync = on',
      'full_page_writes = on',
      'synchronous_commit = on',
      'autovacuum = off',
    ]) {
      await admin.query(`alter system set ${setting}`);
    }
    await admin.query('select pg_reload_conf()');
    await admin.end();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  // The reload reaches new sessions at once; check on a fresh one that it did.
  const check = new Client({ connectionString: cluster.url });
  await check.connect();
  const show = async (name: string) => (await check.query(`show ${name}`)).rows[0][name] as string;
  for (let i = 0; (await show('fsync')) !== 'on' && i < 50; i++) await new Promise((r) => setTimeout(r, 100));
  const settings = {
    fsync: await show('fsync'),
    synchronous_commit: await show('synchronous_commit'),
    full_page_writes: await show('full_page_writes'),
    autovacuum: await show('autovacuum'),
    wal_sync_method: await show('wal_sync_method'),
    server_version: await show('server_version'),
  };
  await check.end();
  const fsyncBound = settings.fsync === 'on' && settings.synchronous_commit === 'on';
  let ceilingTables = 0;

  return {
    name: 'postgres',
    describe:
      `PostgreSQL ${settings.server_version} throwaway cluster on 127.0.0.1 (same disk), ` +
      `fsync=${settings.fsync}, synchronous_commit=${settings.synchronous_commit}, ` +
      `full_page_writes=${settings.full_page_writes}, wal_sync_method=${settings.wal_sync_method}, ` +
      `autovacuum=${settings.autovacuum}`,
    notes: [
      fsyncBound
        ? 'fsync ON for this run (the throwaway cluster default is OFF): write figures are disk-bound'
        : 'fsync could not be turned on: PostgreSQL write figures are NOT fsync-bound',
    ],
    async openStore(name) {
      const schema = `bench_${name}`;
      const setup = new Client({ connectionString: cluster.url });
      await setup.connect();
      await setup.query(`create schema ${schema}`);
      await setup.end();
      const { queries, log } = counting();
      const db = await openPostgres(cluster.url, { searchPath: schema, log });
      const raw = await postgresRaw(cluster.url, schema);
      return {
        engine: 'postgres',
        db,
        raw,
        queries,
        location: { databaseUrl: cluster.url, dataDir: os.tmpdir(), searchPath: schema },
        async close() {
          await raw.close();
          await db.destroy();
        },
      };
    },
    async diskCeiling(seconds) {
      const table = `bench_ceiling_${++ceilingTables}`;
      const connect = async () => {
        const c = new Client({ connectionString: cluster.url });
        await c.connect();
        return c;
      };
      const one = await connect();
      await one.query(`create table ${table} (id bigserial primary key, v text not null)`);
      const row = 'x'.repeat(200);
      const insert = (c: Client) => c.query(`insert into ${table} (v) values ($1)`, [row]);
      const sequential = await commitsPerSecond(seconds, () => insert(one));
      // 20 connections committing at once: PostgreSQL flushes their WAL together (group commit).
      const many = await Promise.all(Array.from({ length: 20 }, connect));
      const start = performance.now();
      let n = 0;
      await Promise.all(
        many.map(async (c) => {
          while (performance.now() - start < seconds * 1000) {
            await insert(c);
            n++;
          }
        }),
      );
      const concurrent = n / ((performance.now() - start) / 1000);
      await Promise.all([...many, one].map((c) => c.end()));
      return {
        sequential,
        concurrent,
        how: 'single-row INSERT commits (autocommit) on this cluster: 1 connection, and 20 connections at once',
      };
    },
    async analyzed() {
      const c = new Client({ connectionString: cluster.url });
      await c.connect();
      const { rows } = await c.query<{ name: string }>(
        `select schemaname || '.' || relname as name from pg_stat_user_tables
           where schemaname like 'bench\\_%' and (last_analyze is not null or last_autoanalyze is not null)`,
      );
      await c.end();
      return rows.map((r) => r.name);
    },
    async enableAutovacuum() {
      const c = new Client({ connectionString: cluster.url });
      await c.connect();
      await c.query('alter system set autovacuum = on');
      await c.query('select pg_reload_conf()');
      await c.end();
    },
    async stop() {
      await cluster.stop();
    },
  };
}
