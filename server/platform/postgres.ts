import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { migrate, type Db } from './migrate';
import type { Database } from './schema';

/**
 * Opens PostgreSQL through the same Kysely types and migrations as SQLite. The full adapter (contract
 * suite on a real server, concurrency) is a later issue; this is the entry point it builds on.
 */
export async function openPostgres(connectionString: string): Promise<Db> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new Pool({ connectionString, max: 4 }) }),
  });
  await migrate(db);
  return db;
}
