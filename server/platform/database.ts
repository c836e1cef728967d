import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogConfig } from 'kysely';
import { openedMigrated, type Db } from './migrate';
import type { Database } from './schema';

export type { Db } from './migrate';

export interface OpenSqliteOptions {
  /** Kysely's log config (tests count queries with it). */
  log?: LogConfig;
  /** Apply pending migrations on open (default true; one query when there are none, see ensureMigrated). */
  migrate?: boolean;
}

/**
 * Opens (creating if needed) the SQLite file and applies pending migrations.
 * WAL + synchronous=FULL: an answered write survives a crash or power loss.
 */
export async function openSqlite(file: string, options: OpenSqliteOptions = {}): Promise<Db> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: options.log,
  });
  return options.migrate === false ? db : openedMigrated(db);
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, and preparing is a fifth of a
 * read's cost (measured by `npm run bench`). Queries are built from fixed shapes, so the cache stays small;
 * it is bounded anyway.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      let statement = cache.get(source);
      if (!statement) {
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
        statement = sqlite.prepare(source);
        cache.set(source, statement);
      }
      return statement;
    },
  };
}

/** The data file inside a data directory. */
export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'casetrail.sqlite');
}
