import type { Kysely } from 'kysely';

/**
 * Expectation statements: drafts (editable), published versions (immutable), views, acknowledgments with
 * their evidence, questions and answers on items, the notification outbox, and lawyers' quiet hours.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('quiet_start', 'varchar(5)', (c) => c.defaultTo('22:00'))
    .execute();
  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('quiet_end', 'varchar(5)', (c) => c.defaultTo('08:00'))
    .execute();

  await db.schema
    .createTable('statements')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('current_version_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_id', 'varchar(64)')
    .execute();
  await db.schema
    .createIndex('statements_by_case')
    .on('statements')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('statement_drafts')
    .addColumn('statement_id', 'varchar(64)', (c) => c.primaryKey().references('statements.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('statement_versions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('statement_id', 'varchar(64)', (c) => c.notNull().references('statements.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('promise_warnings', 'text', (c) => c.notNull())
    .addColumn('published_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('statement_versions_no', ['statement_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('statement_views')
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('statement_versions.id'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('statement_id', 'varchar(64)', (c) => c.notNull().references('statements.id'))
    .addColumn('viewed_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_views_pk', ['version_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('acknowledgments')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('statement_id', 'varchar(64)', (c) => c.notNull().references('statements.id'))
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('statement_versions.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('acknowledged_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('client_info', 'text')
    .addColumn('source_ip', 'varchar(64)')
    // One acknowledgment per client per version, whatever the retries or devices.
    .addUniqueConstraint('acknowledgments_once', ['version_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('acknowledgments_by_statement')
    .on('acknowledgments')
    .columns(['statement_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('statement_questions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('statement_id', 'varchar(64)', (c) => c.notNull().references('statements.id'))
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('statement_versions.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('item_text', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statement_questions_by_statement')
    .on('statement_questions')
    .columns(['statement_id', 'asked_at'])
    .execute();

  await db.schema
    .createTable('statement_answers')
    .addColumn('question_id', 'varchar(64)', (c) => c.primaryKey().references('statement_questions.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('answered_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(64)', (c) => c.notNull())
    .addColumn('recipient_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('subject_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .execute();
  await db.schema
    .createIndex('notification_outbox_dedupe')
    .on('notification_outbox')
    .columns(['kind', 'subject_id', 'recipient_user_id', 'created_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The statements schema cannot be rolled back: it holds evidence.');
}
