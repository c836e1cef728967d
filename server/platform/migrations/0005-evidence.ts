import { sql, type Kysely } from 'kysely';
import { checkpointLegacyEvidence } from '../../evidence/checkpoint';
import { APPEND_ONLY_TABLES } from '../../evidence/evidence-tables';
import { isPostgres } from '../engine';
import type { Database } from '../schema';

/** Evidence rows that point at the event committing them: receipts name that chain position. */
const POINTING_TABLES = [
  'record_versions',
  'record_views',
  'record_responses',
  'record_questions',
  'record_answers',
  'case_members',
] as const;

/**
 * Evidence that proves itself (DESIGN §4):
 * - every evidence row gets `event_seq`, the case-chain position of the event that committed to it;
 * - the firm log (`firm_log`) chains the heads of all cases, and `firm_timestamps` keeps the RFC 3161 tokens of
 *   its heads;
 * - rows written before this migration were committed by no event field by field: one `evidence.checkpoint`
 *   event per case commits them as they are now (their provenance before the migration rests on the old chain);
 * - the database refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) on append-only evidence tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of POINTING_TABLES)
    await db.schema.alterTable(table).addColumn('event_seq', 'integer').execute();

  // Verify and the export read a case a record at a time: the case's records by id, then each table by record.
  await db.schema.createIndex('records_by_case_id').on('records').columns(['case_id', 'id']).execute();
  // A case's answers in one range.
  await db.schema
    .createIndex('record_answers_by_record')
    .on('record_answers')
    .columns(['record_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('firm_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('case_seq', 'integer', (c) => c.notNull())
    .addColumn('case_head', 'varchar(64)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  // The last entry per case: what a seal compares each case's head with.
  await db.schema.createIndex('firm_log_by_case').on('firm_log').columns(['case_id', 'seq']).execute();

  await db.schema
    .createTable('firm_timestamps')
    .addColumn('firm_seq', 'integer', (c) => c.primaryKey())
    .addColumn('firm_head', 'varchar(64)', (c) => c.notNull())
    .addColumn('tsa_url', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('gen_time', 'varchar(32)', (c) => c.notNull())
    .addColumn('serial', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await checkpointLegacyEvidence(db as unknown as Kysely<Database>, new Date().toISOString());
  await createAppendOnlyGuards(db);
}

export async function down(): Promise<void> {
  throw new Error('The evidence guards cannot be rolled back: the firm log and its timestamps are evidence.');
}

/**
 * Triggers that refuse UPDATE and DELETE on every append-only evidence table. Only a person who can change the
 * schema can drop them (`dropAppendOnlyGuards`, which the tamper tests use to play that person).
 */
export async function createAppendOnlyGuards(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create or replace function casetrail_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'evidence is append-only: % on % refused', tg_op, tg_table_name
          using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    for (const table of APPEND_ONLY_TABLES) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function casetrail_refuse_change()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function casetrail_refuse_change()`.execute(db);
    }
    return;
  }
  for (const table of APPEND_ONLY_TABLES) {
    for (const op of ['update', 'delete'] as const) {
      const message = `evidence is append-only: ${op} on ${table} refused`;
      await sql
        .raw(
          `create trigger ${table}_no_${op} before ${op} on ${table} begin select raise(abort, '${message}'); end`,
        )
        .execute(db);
    }
  }
}

/** Drops the guards: what someone with the database owner's rights can do. Tamper tests only. */
export async function dropAppendOnlyGuards<T>(db: Kysely<T>): Promise<void> {
  const postgres = isPostgres(db);
  for (const table of APPEND_ONLY_TABLES) {
    if (postgres) {
      await sql`drop trigger if exists ${sql.id(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
      await sql`drop trigger if exists ${sql.id(`${table}_no_truncate`)} on ${sql.table(table)}`.execute(db);
    } else {
      for (const op of ['update', 'delete'])
        await sql.raw(`drop trigger if exists ${table}_no_${op}`).execute(db);
    }
  }
}
