import type { Kysely } from 'kysely';

/**
 * Limits and pruning (issue 12):
 * - `rate_limit_hits`: one counter per limit, key (a hashed account or address) and fixed window. Kept in the
 *   database so every process and cloud-function instance counts together; written outside the action's
 *   transaction, so refused and failed attempts count too. Rows are pruned once their window has passed.
 * - indexes for pruning (`sessions.expires_at`, `idempotency.created_at`) and for ending every session of a
 *   person (`sessions.user_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('rule', 'varchar(80)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('window_start', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['rule', 'key_hash', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_hits_expiry').on('rate_limit_hits').column('expires_at').execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('idempotency_age').on('idempotency').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('idempotency_age').execute();
  await db.schema.dropIndex('sessions_by_user').execute();
  await db.schema.dropIndex('sessions_expiry').execute();
  await db.schema.dropTable('rate_limit_hits').execute();
}
