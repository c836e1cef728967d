/**
 * Writing evidence rows together with the event that commits to them, and reading a case's evidence back for
 * `verify` and the export.
 */
import { sql } from 'kysely';
import { appendCaseEvent, type CaseEventType } from '../events/event-log.store';
import type { ChainEvent } from '../events/event-chain.rules';
import type { Db } from '../platform/migrate';
import type { Database } from '../platform/schema';
import { commitRow, type EvidenceTable, type RowCommitment } from './evidence-tables';

/** Evidence tables whose rows name the chain position of the event that committed to them. */
export type PointingTable =
  | 'record_versions'
  | 'record_views'
  | 'record_responses'
  | 'record_questions'
  | 'record_answers'
  | 'case_members';

/** Where a receipt's act sits in its case's history: the event's position and hash (the head at that moment). */
export interface ChainPosition {
  seq: number;
  head: string;
}

export const chainPosition = (e: { seq: number; hash: string }): ChainPosition => ({
  seq: e.seq,
  head: e.hash,
});

/**
 * Appends the event that commits to `row` (and to any `alsoCommits`, such as the record a first version
 * creates), then inserts the row pointing at it. Inside the caller's transaction: both commit or neither does.
 */
export async function insertCommitted<T extends PointingTable>(
  db: Db,
  table: T,
  row: Omit<Database[T], 'event_seq'>,
  event: {
    caseId: string;
    at: string;
    actorId: string;
    type: CaseEventType;
    payload: Record<string, unknown>;
    alsoCommits?: RowCommitment[];
  },
): Promise<ChainEvent> {
  const chained = await appendCaseEvent(db, {
    caseId: event.caseId,
    at: event.at,
    actorId: event.actorId,
    type: event.type,
    payload: event.payload,
    commits: [...(event.alsoCommits ?? []), commitRow(table, row)],
  });
  await db
    .insertInto(table)
    .values({ ...row, event_seq: chained.seq } as never)
    .execute();
  return chained;
}

/** The position of the event that committed to a row, with that event's hash. */
export async function positionOf(
  db: Db,
  caseId: string,
  eventSeq: number | null,
): Promise<ChainPosition | null> {
  if (eventSeq === null) return null;
  const e = await db
    .selectFrom('case_events')
    .select(['seq', 'hash'])
    .where('case_id', '=', caseId)
    .where('seq', '=', eventSeq)
    .executeTakeFirst();
  return e ? chainPosition({ seq: Number(e.seq), hash: e.hash }) : null;
}

/** Every row of one evidence table that belongs to the case, all columns, in a stable order. */
export function caseRows(db: Db, table: EvidenceTable, caseId: string) {
  const ofCaseRecords = sql`(select id from records where case_id = ${caseId})`;
  switch (table) {
    case 'cases':
      return sql<Record<string, unknown>>`select * from cases where id = ${caseId}`.execute(db);
    case 'case_stages':
      return sql<
        Record<string, unknown>
      >`select * from case_stages where case_id = ${caseId} order by idx`.execute(db);
    case 'case_members':
      return sql<
        Record<string, unknown>
      >`select * from case_members where case_id = ${caseId} order by user_id`.execute(db);
    case 'records':
      return sql<
        Record<string, unknown>
      >`select * from records where case_id = ${caseId} order by id`.execute(db);
    case 'record_versions':
      return sql<Record<string, unknown>>`select v.*, r.kind as record_kind, r.case_id as record_case_id
        from record_versions v join records r on r.id = v.record_id
        where v.record_id in ${ofCaseRecords} order by v.id`.execute(db);
    default:
      return sql<Record<string, unknown>>`select * from ${sql.table(table)}
        where record_id in ${ofCaseRecords}`.execute(db);
  }
}

/**
 * The order each table is read in: the columns of an index that starts where the case's rows are found (the
 * record's id for a record's rows), ending in the row's key, so every page is one index range, not a sort of
 * the case's rows.
 */
const SCAN: { [T in EvidenceTable]: { columns: string[]; byRecord: boolean } } = {
  cases: { columns: ['id'], byRecord: false },
  case_stages: { columns: ['idx'], byRecord: false },
  case_members: { columns: ['user_id'], byRecord: false },
  records: { columns: ['id'], byRecord: false },
  record_versions: { columns: ['record_id', 'version_no'], byRecord: true },
  record_views: { columns: ['record_id', 'user_id', 'version_id'], byRecord: true },
  record_responses: { columns: ['record_id', 'user_id', 'version_no', 'id'], byRecord: true },
  record_questions: { columns: ['record_id', 'asked_at', 'id'], byRecord: true },
  record_answers: { columns: ['record_id', 'question_id'], byRecord: true },
};

/**
 * The same rows as `caseRows`, a page at a time in scan order (keyset paging), so a case of any size is read in
 * bounded memory. A record's rows are reached from the case's records (`records_by_case_id`), then by the
 * table's own index on `record_id`.
 */
export async function* caseRowPages(
  db: Db,
  table: EvidenceTable,
  caseId: string,
  pageSize = 2000,
): AsyncGenerator<Record<string, unknown>[]> {
  const scan = SCAN[table];
  // By record: order by the record's id as `records_by_case_id` gives it (the same value as `t.record_id`).
  const order = sql.join(
    scan.columns.map((c) => sql.ref(scan.byRecord && c === 'record_id' ? 'r.id' : `t.${c}`)),
  );
  const from = scan.byRecord
    ? sql`select t.*${table === 'record_versions' ? sql`, r.kind as record_kind, r.case_id as record_case_id` : sql``}
        from records r join ${sql.table(table)} t on t.record_id = r.id where r.case_id = ${caseId}`
    : sql`select t.* from ${sql.table(table)} t where ${table === 'cases' ? sql`t.id` : sql`t.case_id`} = ${caseId}`;
  let after: unknown[] | null = null;
  for (;;) {
    const page: { rows: Record<string, unknown>[] } = await sql<Record<string, unknown>>`${from}
      ${after ? sql`and (${order}) > (${sql.join(after)})` : sql``}
      order by ${order} limit ${pageSize}`.execute(db);
    if (page.rows.length) yield page.rows;
    if (page.rows.length < pageSize) return;
    const last = page.rows[page.rows.length - 1];
    after = scan.columns.map((c) => last[c]);
  }
}
