import type { Kysely } from 'kysely';

/** The foundation schema: identity, cases, progress updates with immutable versions, the event chain. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('subject', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_lawyer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lawyer_profiles')
    .addColumn('user_id', 'varchar(64)', (c) => c.primaryKey().references('users.id'))
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('firm', 'varchar(160)', (c) => c.notNull())
    .addColumn('license_no', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('case_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(128)')
    .addColumn('court', 'varchar(160)')
    .addColumn('opposing_party', 'varchar(240)')
    .addColumn('current_stage_index', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_activity_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_stages')
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('description', 'varchar(400)', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_stages_pk', ['case_id', 'idx'])
    .execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('case_id', 'varchar(64)', (c) => c.references('cases.id'))
    .addColumn('intended_name', 'varchar(80)')
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addColumn('used_by', 'varchar(64)', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('joined_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('invite_id', 'varchar(64)', (c) => c.references('invites.id'))
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_members_by_user').on('case_members').columns(['user_id']).execute();

  await db.schema
    .createTable('updates')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('current_version_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('current_version_no', 'integer', (c) => c.notNull())
    .addColumn('current_version_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // The timeline pages by (created_at, id) within a case: keyset pagination stays flat in case size.
  await db.schema
    .createIndex('updates_timeline')
    .on('updates')
    .columns(['case_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('update_versions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('update_id', 'varchar(64)', (c) => c.notNull().references('updates.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text')
    .addColumn('risks', 'text')
    .addColumn('stage_index', 'integer')
    .addColumn('stage_name', 'varchar(40)')
    .addColumn('reason', 'text')
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('update_versions_no', ['update_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('read_receipts')
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('update_versions.id'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('update_id', 'varchar(64)', (c) => c.notNull().references('updates.id'))
    .addColumn('read_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addPrimaryKeyConstraint('read_receipts_pk', ['version_id', 'user_id'])
    .execute();
  await db.schema.createIndex('read_receipts_by_update').on('read_receipts').columns(['update_id']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('idempotency')
    .addColumn('subject', 'varchar(200)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['subject', 'request_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The foundation schema cannot be rolled back: it holds evidence.');
}
