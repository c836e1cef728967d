import { PostgresAdapter } from 'kysely';
import type { Db } from './migrate';

/**
 * Which engine a Db runs on, for the few places where correctness needs engine-specific SQL (row locks).
 * Feature code never asks: it calls the helpers that do.
 */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
