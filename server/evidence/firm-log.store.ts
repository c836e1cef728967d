/**
 * Sealing case heads into the firm log, and reading it back. A seal appends one entry for every case whose head
 * moved since its last entry; seals are serialized (an advisory lock on PostgreSQL, the one writer on SQLite).
 */
import { sql } from 'kysely';
import { sha256Hex } from '../platform/crypto';
import { isPostgres } from '../platform/engine';
import type { Db } from '../platform/migrate';
import { FIRM_GENESIS, firmEntryHashInput, type FirmEntry } from './firm-log.rules';

/** Appends the moved case heads in a transaction of its own; returns the entries appended. */
export function sealFirmLog(db: Db, now: string): Promise<FirmEntry[]> {
  return db.transaction().execute((trx) => sealFirmLogIn(trx, now));
}

/** Appends the moved case heads inside the caller's transaction. */
export async function sealFirmLogIn(trx: Db, now: string): Promise<FirmEntry[]> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext('casetrail.firm_log'))`.execute(trx);
  const moved = await sql<{ case_id: string; seq: number; hash: string }>`
      select e.case_id, e.seq, e.hash
      from (select case_id, max(seq) as seq from case_events group by case_id) h
      join case_events e on e.case_id = h.case_id and e.seq = h.seq
      left join (select case_id, max(case_seq) as case_seq from firm_log group by case_id) f
        on f.case_id = h.case_id
      where f.case_seq is null or f.case_seq <> h.seq
      order by e.case_id`.execute(trx);
  const last = await trx
    .selectFrom('firm_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? FIRM_GENESIS;
  const appended: FirmEntry[] = [];
  for (const m of moved.rows) {
    seq++;
    const unhashed = {
      seq,
      at: now,
      caseId: m.case_id,
      caseSeq: Number(m.seq),
      caseHead: m.hash,
      prevHash,
    };
    const entry = { ...unhashed, hash: sha256Hex(firmEntryHashInput(unhashed)) };
    appended.push(entry);
    prevHash = entry.hash;
  }
  for (let i = 0; i < appended.length; i += 200)
    await trx
      .insertInto('firm_log')
      .values(appended.slice(i, i + 200).map(toRow))
      .execute();
  return appended;
}

const toRow = (e: FirmEntry) => ({
  seq: e.seq,
  at: e.at,
  case_id: e.caseId,
  case_seq: e.caseSeq,
  case_head: e.caseHead,
  prev_hash: e.prevHash,
  hash: e.hash,
});

export const fromFirmRow = (r: {
  seq: number | string;
  at: string;
  case_id: string;
  case_seq: number | string;
  case_head: string;
  prev_hash: string;
  hash: string;
}): FirmEntry => ({
  seq: Number(r.seq),
  at: r.at,
  caseId: r.case_id,
  caseSeq: Number(r.case_seq),
  caseHead: r.case_head,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The firm log in order, a page at a time (constant memory for any length). */
export async function* firmEntries(db: Db, pageSize = 5000): AsyncGenerator<FirmEntry> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('firm_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) yield fromFirmRow(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].seq);
  }
}

/** The firm log entries that name one case. */
export async function firmEntriesOfCase(db: Db, caseId: string): Promise<FirmEntry[]> {
  const rows = await db
    .selectFrom('firm_log')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map(fromFirmRow);
}

export async function firmHead(db: Db): Promise<FirmEntry | null> {
  const row = await db.selectFrom('firm_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? fromFirmRow(row) : null;
}
