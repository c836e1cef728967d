import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import { Pool } from 'pg';
import { openedMigrated, type Db } from './migrate';
import type { Database } from './schema';

/**
 * Connection pool settings. A long-running server keeps a pool of ~10 warm connections; a cloud-function
 * instance serves one call at a time and may be frozen or dropped at any moment, so it keeps 2 and lets them go
 * after 10 s idle. Total connections to the server = instances × max: size PostgreSQL's max_connections for it.
 */
export interface PostgresPoolOptions {
  max: number;
  /** An idle connection is closed after this long. */
  idleTimeoutMillis: number;
  /** Waiting for a connection (new or from the pool) fails after this long. */
  connectionTimeoutMillis: number;
  /** Let the process exit while connections are idle (short-lived instances). */
  allowExitOnIdle: boolean;
  /**
   * PostgreSQL `statement_timeout` per connection (0 = none). Writes on a case wait for the case's lock inside
   * a statement, so this also bounds how long a caller waits behind a stuck transaction.
   */
  statementTimeoutMillis: number;
  /**
   * PostgreSQL `idle_in_transaction_session_timeout` (0 = none): a transaction left open by a frozen or
   * crashed caller is ended by the server, releasing the case lock it holds.
   */
  idleInTransactionTimeoutMillis: number;
}

export const SERVER_POOL: PostgresPoolOptions = {
  max: 10,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 5_000,
  allowExitOnIdle: false,
  statementTimeoutMillis: 15_000,
  idleInTransactionTimeoutMillis: 15_000,
};

export const CLOUD_POOL: PostgresPoolOptions = {
  max: 2,
  idleTimeoutMillis: 10_000,
  connectionTimeoutMillis: 5_000,
  allowExitOnIdle: true,
  statementTimeoutMillis: 10_000,
  idleInTransactionTimeoutMillis: 10_000,
};

export interface OpenPostgresOptions {
  /** Defaults: SERVER_POOL. */
  pool?: Partial<PostgresPoolOptions>;
  /** Schema to work in (`search_path`); tests give each harness its own. Plain identifiers only. */
  searchPath?: string;
  /** Kysely's log config (tests count queries with it). */
  log?: LogConfig;
  /** Apply pending migrations on open (default true; cheap when there are none, see ensureMigrated). */
  migrate?: boolean;
}

/** Session settings sent in the startup packet: no extra round trip per connection. */
export function connectionOptions(pool: PostgresPoolOptions, searchPath?: string): string {
  const settings = [
    `statement_timeout=${Math.max(0, Math.floor(pool.statementTimeoutMillis))}`,
    `idle_in_transaction_session_timeout=${Math.max(0, Math.floor(pool.idleInTransactionTimeoutMillis))}`,
  ];
  if (searchPath !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(searchPath))
      throw new Error(`not a plain schema name: ${searchPath}`);
    settings.push(`search_path=${searchPath}`);
  }
  return settings.map((s) => `-c ${s}`).join(' ');
}

/** Opens PostgreSQL through the same Kysely types and migrations as SQLite. */
export async function openPostgres(connectionString: string, options: OpenPostgresOptions = {}): Promise<Db> {
  const pool = { ...SERVER_POOL, ...options.pool };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new Pool({
        connectionString,
        max: pool.max,
        idleTimeoutMillis: pool.idleTimeoutMillis,
        connectionTimeoutMillis: pool.connectionTimeoutMillis,
        allowExitOnIdle: pool.allowExitOnIdle,
        options: connectionOptions(pool, options.searchPath),
        application_name: 'casetrail',
      }),
    }),
    log: options.log,
  });
  return options.migrate === false ? db : openedMigrated(db);
}
