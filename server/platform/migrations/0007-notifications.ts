import { sql, type Kysely } from 'kysely';

/**
 * Notifications (subscribe messages) from a durable outbox:
 * - `notification_outbox` gains what the sender needs: the template, when an item may go (quiet hours), the
 *   message it went out in, and why it was not sent. Items are written in the same transaction as the record.
 * - `notification_messages`: one row per message handed to WeChat (several items for one person and case
 *   coalesce into one), with its tries, next try, and outcome.
 * - `notify_credits`: one-time subscribe consents per user and template id (one message each).
 * - `member_case_state.unseen_notices`: the in-app count per member and case, maintained, not counted.
 * Reminders queued before this migration were never sent by anything; they are closed as in-app only rather than
 * sent now, days late.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('notification_outbox')
    .addColumn('template', 'varchar(16)', (c) => c.notNull().defaultTo('todo'))
    .execute();
  await db.schema.alterTable('notification_outbox').addColumn('not_before', 'varchar(32)').execute();
  await db.schema.alterTable('notification_outbox').addColumn('message_id', 'varchar(64)').execute();
  await db.schema.alterTable('notification_outbox').addColumn('reason', 'varchar(64)').execute();
  await db.schema.alterTable('notification_outbox').addColumn('seen_at', 'varchar(32)').execute();
  await sql`update notification_outbox set status = 'inApp', reason = 'before_notifications', not_before = created_at`.execute(
    db,
  );
  // The sender's scan: pending items that are due, oldest first.
  await db.schema
    .createIndex('notification_outbox_due')
    .on('notification_outbox')
    .columns(['status', 'not_before'])
    .execute();
  // A case's notices for one recipient (received), and those one person's acts caused (sent), newest first.
  await db.schema
    .createIndex('notification_outbox_by_recipient')
    .on('notification_outbox')
    .columns(['case_id', 'recipient_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_by_sender')
    .on('notification_outbox')
    .columns(['case_id', 'created_by', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_by_message')
    .on('notification_outbox')
    .column('message_id')
    .execute();

  await db.schema
    .createTable('notification_messages')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('recipient_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull().references('cases.id'))
    .addColumn('template', 'varchar(16)', (c) => c.notNull())
    .addColumn('template_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('page', 'varchar(256)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('transport', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('claimed_at', 'varchar(32)')
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('last_error', 'varchar(256)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_messages_due')
    .on('notification_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notification_messages_by_recipient')
    .on('notification_messages')
    .columns(['recipient_user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notify_credits')
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('template_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('credits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('notify_credits_pk', ['user_id', 'template_id'])
    .execute();

  await db.schema
    .alterTable('member_case_state')
    .addColumn('unseen_notices', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The notifications schema is not rolled back: the outbox may hold unsent messages.');
}
