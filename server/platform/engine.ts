import type { Kysely } from 'kysely';

/**
 * Which engine a Db runs on, for the few places where correctness needs engine-specific SQL (row locks, the
 * migrations' triggers). Feature code never asks: it calls the helpers that do.
 *
 * Read from the adapter's capabilities rather than `instanceof PostgresAdapter`: the cloud bundle loads the
 * migrations lazily, from a file carrying its own copy of Kysely's classes, where `instanceof` would always be
 * false. PostgreSQL's adapter runs DDL inside transactions; SQLite's adapter says it does not.
 */
export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter.supportsTransactionalDdl;
}
