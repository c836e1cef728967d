/**
 * Writing evidence rows together with the event that commits to them, and reading a case's evidence back for
 * `verify` and the export.
 */
import { sql } from 'kysely';
import { appendCaseEvent, type CaseEventType } from '../events/event-log.store';
import type { ChainEvent } from '../events/event-chain.rules';
import type { Db } from '../platform/migrate';
import type { Database } from '../platform/schema';
import { EVIDENCE_TABLES, commitRow, type EvidenceTable, type RowCommitment } from './evidence-tables';

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
 * The same rows as `caseRows`, a page at a time in key order (keyset paging), so a case of any size is read in
 * bounded memory.
 */
export async function* caseRowPages(
  db: Db,
  table: EvidenceTable,
  caseId: string,
  pageSize = 2000,
): AsyncGenerator<Record<string, unknown>[]> {
  const key = EVIDENCE_TABLES[table].key as readonly string[];
  const alias = table === 'record_versions' ? 'v.' : '';
  const keyList = sql.join(key.map((k) => sql.ref(`${alias}${k}`)));
  const ofCase = sql`(select id from records where case_id = ${caseId})`;
  const scope =
    table === 'cases'
      ? sql`id = ${caseId}`
      : table === 'case_stages' || table === 'case_members' || table === 'records'
        ? sql`case_id = ${caseId}`
        : sql`${sql.ref(`${alias}record_id`)} in ${ofCase}`;
  const from =
    table === 'record_versions'
      ? sql`select v.*, r.kind as record_kind, r.case_id as record_case_id
          from record_versions v join records r on r.id = v.record_id`
      : sql`select * from ${sql.table(table)}`;
  let after: unknown[] | null = null;
  for (;;) {
    const page: { rows: Record<string, unknown>[] } = await sql<
      Record<string, unknown>
    >`${from} where ${scope}
      ${after ? sql`and (${keyList}) > (${sql.join(after)})` : sql``}
      order by ${keyList} limit ${pageSize}`.execute(db);
    if (page.rows.length) yield page.rows;
    if (page.rows.length < pageSize) return;
    const last = page.rows[page.rows.length - 1];
    after = key.map((k) => last[k]);
  }
}
