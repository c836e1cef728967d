import type { Kysely } from 'kysely';

/**
 * Personal data (issue 12):
 * - `privacy_consents`: each agreement to, withdrawal from, or account deletion under the privacy notice, with
 *   the notice version shown; appended, the newest row per user is their standing;
 * - `users.deleted_at`: when a person deleted their account (their subject is then unlinked, so the same WeChat
 *   identity starts afresh instead of signing back into the old account).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('privacy_consents')
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'varchar(40)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addPrimaryKeyConstraint('privacy_consents_pk', ['user_id', 'seq'])
    .execute();
  await db.schema.alterTable('users').addColumn('deleted_at', 'varchar(32)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('deleted_at').execute();
  await db.schema.dropTable('privacy_consents').execute();
}
