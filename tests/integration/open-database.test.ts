import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { readEntryConfig } from '../../server/config';
import { ensureMigrated, latestMigrationName, migrate, MIGRATION_NAMES } from '../../server/platform/migrate';
import { MIGRATIONS } from '../../server/platform/migrations';
import {
  describePostgresUrl,
  isPostgresUrl,
  openDatabase,
  type OpenedDatabase,
} from '../../server/platform/open-database';
import { connectionOptions, SERVER_POOL } from '../../server/platform/postgres';
import { openHarness, testEngine, type Harness } from '../fixtures/api-harness';

const pgUrl = process.env.CASETRAIL_TEST_PG_URL ?? null;
const describePostgres = testEngine() === 'postgres' ? describe : describe.skip;

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: pgUrl ?? undefined });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** An empty database on the engine under test (a new schema on PostgreSQL), not migrated; drop() removes it. */
async function emptyDatabase(): Promise<OpenedDatabase & { drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-open-'));
  const schema = `o_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  if (pgUrl) await admin(`create schema ${schema}`);
  const opened = await openDatabase({
    databaseUrl: pgUrl,
    dataDir: dir,
    searchPath: pgUrl ? schema : undefined,
    migrate: false,
  });
  return {
    ...opened,
    async drop() {
      await opened.db.destroy();
      if (pgUrl) await admin(`drop schema ${schema} cascade`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('choosing the engine', () => {
  it('opens PostgreSQL for postgres:// and postgresql:// URLs only', () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl('mysql://u@h/db')).toBe(false);
    expect(isPostgresUrl(null)).toBe(false);
  });

  it('describes a PostgreSQL URL without its credentials', () => {
    const described = describePostgresUrl(
      'postgres://casetrail:s3cr%40t@db.example.com:6543/firm?sslmode=require',
    );
    expect(described).toBe('db.example.com:6543/firm');
    expect(describePostgresUrl('postgresql://u:pw@10.0.0.5/casetrail')).toBe('10.0.0.5:5432/casetrail');
  });

  it('refuses a DATABASE_URL of another engine instead of falling back to a local file', async () => {
    await expect(
      openDatabase({ databaseUrl: 'mysql://root:pw@db/casetrail', dataDir: os.tmpdir() }),
    ).rejects.toThrow(/postgres:\/\/.*(?<!pw)$/);
  });

  it('opens SQLite in the data folder when there is no DATABASE_URL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-open-'));
    const opened = await openDatabase({ databaseUrl: '  ', dataDir: dir });
    try {
      expect(opened.engine).toBe('sqlite');
      expect(opened.describe).toBe(path.join(dir, 'casetrail.sqlite'));
      expect(fs.existsSync(opened.describe)).toBe(true);
    } finally {
      await opened.db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('entry configuration for the database', () => {
  it('reads DATABASE_URL and the pool overrides', () => {
    const config = readEntryConfig({
      DATABASE_URL: ' postgres://u@h/db ',
      CASETRAIL_PG_POOL_MAX: '4',
      CASETRAIL_PG_STATEMENT_TIMEOUT_MS: '0',
    });
    expect(config.databaseUrl).toBe('postgres://u@h/db');
    expect(config.pgPool).toEqual({ max: 4, statementTimeoutMillis: 0 });
    expect(readEntryConfig({}).databaseUrl).toBeNull();
    expect(readEntryConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it('starts the demo clock only with dev login, from a real instant', () => {
    const friday = '2026-11-27T14:00:00.000Z';
    expect(
      readEntryConfig({
        CASETRAIL_DEV_LOGIN: '1',
        CASETRAIL_DEMO_CLOCK: friday,
      }).demoClockStart?.toISOString(),
    ).toBe(friday);
    expect(readEntryConfig({}).demoClockStart).toBeNull();
    expect(() => readEntryConfig({ CASETRAIL_DEMO_CLOCK: friday })).toThrow(/demo only/);
    expect(() => readEntryConfig({ CASETRAIL_DEV_LOGIN: '1', CASETRAIL_DEMO_CLOCK: 'friday' })).toThrow(
      /not an instant/,
    );
  });

  it('refuses a pool setting that is not a whole number', () => {
    expect(() => readEntryConfig({ CASETRAIL_PG_POOL_MAX: '0' })).toThrow(/CASETRAIL_PG_POOL_MAX/);
    expect(() => readEntryConfig({ CASETRAIL_PG_IDLE_TIMEOUT_MS: '1.5' })).toThrow(/IDLE_TIMEOUT/);
  });

  it('sends timeouts and the schema as startup options, refusing anything but a plain schema name', () => {
    expect(connectionOptions(SERVER_POOL, 'h_1')).toBe(
      '-c statement_timeout=15000 -c idle_in_transaction_session_timeout=15000 -c search_path=h_1',
    );
    expect(() => connectionOptions(SERVER_POOL, 'x; drop')).toThrow(/schema/);
  });
});

describe('migrations at open', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('costs one query on an up-to-date database', async () => {
    h.resetQueries();
    expect(await ensureMigrated(h.db)).toEqual([]);
    expect(h.queries()).toBe(1);
  });

  it('names every registered migration, so the one-query check asks for the newest', () => {
    // A migration registered but not named here would never run on a database the check calls migrated.
    expect([...MIGRATION_NAMES]).toEqual(Object.keys(MIGRATIONS).sort());
  });

  it('applies every migration to an empty database, and then nothing', async () => {
    const fresh = await emptyDatabase();
    try {
      expect(fresh.engine).toBe(testEngine());
      const applied = await ensureMigrated(fresh.db);
      expect(applied.at(-1)).toBe(latestMigrationName());
      expect(applied[0]).toBe('0001-initial');
      expect(await ensureMigrated(fresh.db)).toEqual([]);
      expect(await migrate(fresh.db)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });
});

describePostgres('PostgreSQL sessions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('runs with the statement and idle-in-transaction timeouts and in its own schema', async () => {
    const { rows } = await sql<{ statement: string; idle: string; schema: string }>`
      select current_setting('statement_timeout') as statement,
             current_setting('idle_in_transaction_session_timeout') as idle,
             current_schema() as schema`.execute(h.db);
    expect(rows[0]).toEqual({ statement: '15s', idle: '15s', schema: expect.stringMatching(/^h_/) });
  });

  it('keeps its migration bookkeeping in its own schema, whatever other schemas hold', async () => {
    // Another schema already has a kysely_migration: Kysely alone would take it for ours and skip creating it.
    const fresh = await emptyDatabase();
    try {
      expect(await ensureMigrated(fresh.db)).toContain(latestMigrationName());
      const { rows } = await sql<{ schema: string }>`
        select table_schema as schema from information_schema.tables
        where table_name = 'kysely_migration' and table_schema = current_schema()`.execute(fresh.db);
      expect(rows).toHaveLength(1);
    } finally {
      await fresh.drop();
    }
  });
});
