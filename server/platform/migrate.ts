import {
  DEFAULT_MIGRATION_TABLE,
  Migrator,
  PostgresIntrospector,
  sql,
  type Kysely,
  type MigrationProvider,
} from 'kysely';
import type { Database } from './schema';

/** The query layer for either engine: feature code sees only this type. */
export type Db = Kysely<Database>;

/** The migrations' names in order; `migrations/index.ts` holds them (a test keeps the two the same). */
export const MIGRATION_NAMES = [
  '0001-initial',
  '0002-statements',
  '0003-record-kernel',
  '0004-answer-warnings',
  '0005-evidence',
  '0006-communication',
  '0007-notifications',
  '0008-membership',
  '0009-privacy',
  '0010-limits',
  '0011-paging',
] as const;

/**
 * Loaded only when a migration is needed: a started server checks one row (ensureMigrated), so the cloud bundle
 * keeps the migrations in a file of their own, read on the first deploy only.
 */
const provider: MigrationProvider = {
  getMigrations: async () => (await import('./migrations/index')).MIGRATIONS,
};

/** Applies pending migrations; returns the names applied now. */
export async function migrate(db: Db): Promise<string[]> {
  const { error, results } = await new Migrator({
    db,
    provider,
    ...(await migrationTableSchema(db)),
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies migrations up to and including `name`: a migration's test starts from the schema before it. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider, ...(await migrationTableSchema(db)) }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/**
 * On PostgreSQL, Kysely's migrator looks for its bookkeeping tables in EVERY schema it can see: with a
 * `kysely_migration` in another schema (another app, another test's schema) it would skip creating ours and then
 * fail. Pin them to the schema we work in: the first of the search_path, where the tables are created.
 */
async function migrationTableSchema(db: Db): Promise<{ migrationTableSchema?: string }> {
  if (!(db.introspection instanceof PostgresIntrospector)) return {};
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {};
}

/** The newest migration's name. */
export function latestMigrationName(): string {
  return MIGRATION_NAMES[MIGRATION_NAMES.length - 1];
}

/**
 * The cold-start fast path: ONE query — is the newest migration recorded? — and the full migrator (its lock
 * table, lock, and the read of every applied name) only when it is not. The migrator applies migrations in
 * order, so the newest being recorded means all are. Returns the names applied now (none on the fast path).
 *
 * The probe runs on its own, outside any transaction: on PostgreSQL a failed statement would abort the
 * transaction around it.
 */
export async function ensureMigrated(db: Db): Promise<string[]> {
  if (await isMigrated(db)) return [];
  return migrate(db);
}

/** A freshly opened Db, migrated; closed again if migrating fails (no pool left behind). */
export async function openedMigrated(db: Db): Promise<Db> {
  try {
    await ensureMigrated(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function isMigrated(db: Db): Promise<boolean> {
  try {
    const table = sql.table(DEFAULT_MIGRATION_TABLE);
    const probe = sql<{ name: string }>`select name from ${table} where name = ${latestMigrationName()}`;
    return (await probe.execute(db)).rows.length > 0;
  } catch (error) {
    if (isMissingTable(error)) return false; // a fresh database
    throw error;
  }
}

/** PostgreSQL's undefined_table (42P01), SQLite's "no such table". */
function isMissingTable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '42P01' || (typeof message === 'string' && /no such table/i.test(message));
}
