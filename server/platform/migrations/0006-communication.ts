import type { Kysely } from 'kysely';

/**
 * Two-way written communication on the record kernel (memos, client requests, tasks and the replies to them):
 * - `records.parent_id`: a reply (a request's answer, a task's 已完成 / 验收 / 退回) is a record of its own whose
 *   parent is the record it answers; committed by the chain like the rest of the row;
 * - `record_responses.item_id`: the memo conclusion a dispute names (null: the whole memo, or not a dispute);
 * - the lawyer's office hours, reply promise and contact card (what clients may see), next to the quiet hours.
 * Rows committed before this migration hold neither column in their commitment: verify reads it as null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('records').addColumn('parent_id', 'varchar(64)').execute();
  await db.schema
    .createIndex('records_by_parent')
    .on('records')
    .columns(['parent_id', 'created_at'])
    .execute();
  // The workbench and the lists read a case's records of one kind: open requests, tasks, memos.
  await db.schema
    .createIndex('records_by_case_kind')
    .on('records')
    .columns(['case_id', 'kind', 'created_at'])
    .execute();
  await db.schema.alterTable('record_responses').addColumn('item_id', 'varchar(64)').execute();

  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('office_days', 'varchar(16)', (c) => c.notNull().defaultTo('1,2,3,4,5'))
    .execute();
  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('office_start', 'varchar(5)', (c) => c.notNull().defaultTo('09:00'))
    .execute();
  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('office_end', 'varchar(5)', (c) => c.notNull().defaultTo('18:00'))
    .execute();
  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('reply_promise_days', 'integer', (c) => c.defaultTo(1))
    .execute();
  await db.schema
    .alterTable('lawyer_profiles')
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Memos, requests and tasks cannot be rolled back: they are evidence.');
}
