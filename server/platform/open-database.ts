import type { LogConfig } from 'kysely';
import type { Db } from './migrate';
import type { PostgresPoolOptions } from './postgres';

export type Engine = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /**
   * `postgres://` or `postgresql://` opens PostgreSQL; null or empty opens SQLite in dataDir. Any other URL is
   * refused rather than ignored: records meant for a server must not land in a local file unnoticed.
   */
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL pool defaults: a long-running server (SERVER_POOL, the default) or a cloud function (CLOUD_POOL). */
  poolProfile?: 'server' | 'cloud';
  /** PostgreSQL pool settings over the profile's defaults (e.g. from CASETRAIL_PG_* variables). */
  pool?: Partial<PostgresPoolOptions>;
  /** PostgreSQL schema (tests). */
  searchPath?: string;
  log?: LogConfig;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  engine: Engine;
  /** Where the data lives, safe to log: the SQLite file, or PostgreSQL's host:port/dbname (never credentials). */
  describe: string;
}

export function isPostgresUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url.trim());
}

/** `postgres://user:secret@db.example.com:5432/casetrail?sslmode=require` → `db.example.com:5432/casetrail`. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    const db = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    return `${host}:${parsed.port || '5432'}/${db}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/**
 * The one place an entry picks its engine. Both engines are imported lazily: the cloud bundle leaves
 * better-sqlite3 out, and a SQLite deployment never loads pg.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { log, migrate } = options;
  const databaseUrl = options.databaseUrl?.trim() || null;
  if (isPostgresUrl(databaseUrl)) {
    const { openPostgres, CLOUD_POOL, SERVER_POOL } = await import('./postgres');
    const db = await openPostgres(databaseUrl, {
      pool: { ...(options.poolProfile === 'cloud' ? CLOUD_POOL : SERVER_POOL), ...options.pool },
      searchPath: options.searchPath,
      log,
      migrate,
    });
    return { db, engine: 'postgres', describe: describePostgresUrl(databaseUrl) };
  }
  if (databaseUrl) {
    // Not echoed: a malformed URL may still carry a password.
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (or be unset for SQLite).');
  }
  const { openSqlite, sqliteFileIn } = await import('./database');
  const file = sqliteFileIn(options.dataDir);
  return { db: await openSqlite(file, { log, migrate }), engine: 'sqlite', describe: file };
}
