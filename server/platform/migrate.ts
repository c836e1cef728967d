import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as statements from './migrations/0002-statements';
import type { Database } from './schema';

/** The query layer for either engine: feature code sees only this type. */
export type Db = Kysely<Database>;

/** Migrations are listed here (not read from disk) so the esbuild bundle carries them. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-statements': statements,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies pending migrations; returns the names applied now. */
export async function migrate(db: Db): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
