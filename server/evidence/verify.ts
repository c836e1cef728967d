/**
 * `verify` over the database: every case (those in `cases`, in the chain and in the firm log), a page of events
 * at a time, then each evidence table of the case; the firm log; its timestamps; and any receipts given.
 * Memory is bounded by one case's committed rows, whatever the number of cases or events.
 */
import { sql } from 'kysely';
import type { ChainEvent } from '../events/event-chain.rules';
import { canonicalJson, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import { caseRowPages } from './evidence.store';
import { EVIDENCE_TABLE_NAMES } from './evidence-tables';
import { FirmLogChecker } from './firm-log.rules';
import { firmEntries, firmEntriesOfCase } from './firm-log.store';
import { CaseChecker, type Finding, type HeldPosition } from './verify.rules';

/** A receipt's commitment, as a person holds it: the case, the chain position and the head hash at that moment. */
export interface HeldReceipt {
  caseId: string;
  seq: number;
  head: string;
  /** The receipt's own id, named in findings. */
  ref: string;
}

export interface CaseReport {
  caseId: string;
  events: number;
  headHash: string | null;
  brokenAt: number | null;
  findings: Finding[];
}

export interface TimestampSummary {
  firmSeq: number;
  firmHead: string;
  genTime: string;
  tsaUrl: string;
  /** Whether the token's signature and certificate chain were checked against configured roots. */
  checked: boolean;
}

export interface VerifyReport {
  valid: boolean;
  cases: number;
  events: number;
  findings: Finding[];
  firmLog: { entries: number; head: string | null };
  timestamps: TimestampSummary[];
}

export interface VerifyOptions {
  /** Only this case (its firm-log entries still checked). */
  caseId?: string;
  receipts?: HeldReceipt[];
  /** PEM roots for RFC 3161 tokens; without them a token's imprint is checked but not its signer. */
  tsaRootsPem?: string[];
  onCase?: (report: CaseReport) => void;
  pageSize?: number;
}

export const EVIDENCE_CRYPTO = { hash: sha256Hex, canonical: canonicalJson };

/** One case, with every position held for it outside the database. */
export async function verifyCase(
  db: Db,
  caseId: string,
  receipts: HeldReceipt[] = [],
  pageSize = 5000,
): Promise<CaseReport> {
  const held: HeldPosition[] = [
    ...(await firmEntriesOfCase(db, caseId)).map((f) => ({
      seq: f.caseSeq,
      head: f.caseHead,
      source: 'firm_log' as const,
      ref: String(f.seq),
    })),
    ...receipts
      .filter((r) => r.caseId === caseId)
      .map((r) => ({ seq: r.seq, head: r.head, source: 'receipt' as const, ref: r.ref })),
  ];
  const checker = new CaseChecker(caseId, EVIDENCE_CRYPTO, held);
  for await (const e of caseEvents(db, caseId, pageSize)) checker.event(e);
  checker.endOfChain();
  // Record pointers are checked once every version is seen: only the three pointer fields are kept meanwhile.
  const pointers: Record<string, unknown>[] = [];
  let caseRowSeen = false;
  for (const table of EVIDENCE_TABLE_NAMES) {
    for await (const rows of caseRowPages(db, table, caseId, pageSize)) {
      for (const row of rows) checker.row(table, row);
      if (table === 'records')
        for (const r of rows)
          pointers.push({
            id: r.id,
            current_version_id: r.current_version_id,
            current_version_no: r.current_version_no,
          });
      if (table === 'cases') caseRowSeen = rows.length > 0;
    }
  }
  const findings = checker.finish(pointers);
  if (!caseRowSeen)
    findings.unshift({
      code: 'CASE_MISSING',
      caseId,
      table: 'cases',
      row: caseId,
      field: null,
      message: '案件记录已不存在，但事件链、律所总日志或回执仍记载着它',
    });
  return { caseId, ...checker.chain, findings };
}

export async function verifyDatabase(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const findings: Finding[] = [];
  let cases = 0;
  let events = 0;
  const ids = options.caseId ? [options.caseId] : await allCaseIds(db, options.receipts ?? []);
  for (const caseId of ids) {
    const report = await verifyCase(db, caseId, options.receipts, options.pageSize);
    cases++;
    events += report.events;
    findings.push(...report.findings);
    options.onCase?.(report);
  }
  const stamps = await db.selectFrom('firm_timestamps').selectAll().orderBy('firm_seq').execute();
  const firm = new FirmLogChecker(sha256Hex, new Set(stamps.map((s) => Number(s.firm_seq))));
  for await (const entry of firmEntries(db, options.pageSize)) firm.entry(entry);
  if (firm.brokenAt !== null)
    findings.push({
      code: 'FIRM_LOG_BROKEN',
      caseId: null,
      table: 'firm_log',
      row: String(firm.brokenAt),
      field: null,
      message: `律所总日志在第 ${firm.brokenAt} 条断开：该条或其之前的记录被修改、插入或删除`,
    });
  const timestamps: TimestampSummary[] = [];
  for (const s of stamps) {
    const firmSeq = Number(s.firm_seq);
    const summary = {
      firmSeq,
      firmHead: s.firm_head,
      genTime: s.gen_time,
      tsaUrl: s.tsa_url,
      checked: false,
    };
    timestamps.push(summary);
    const problem = (field: string, message: string) =>
      findings.push({
        code: 'TIMESTAMP_INVALID',
        caseId: null,
        table: 'firm_timestamps',
        row: String(firmSeq),
        field,
        message,
      });
    if (firm.heads.get(firmSeq) !== s.firm_head) {
      problem('firm_head', `可信时间戳所盖的律所总日志第 ${firmSeq} 条摘要与现存日志不符：日志被改写或截断`);
      continue;
    }
    const verdict = await checkToken(s.token, s.firm_head, options.tsaRootsPem ?? []);
    if (verdict.ok) summary.checked = verdict.checked;
    else problem('token', verdict.message);
  }
  return {
    valid: findings.length === 0,
    cases,
    events,
    findings,
    firmLog: { entries: firm.entries, head: firm.head },
    timestamps,
  };
}

/** A stored token against the head it claims to cover: imprint always, signature and chain when roots are given. */
async function checkToken(
  token: string,
  digestHex: string,
  rootsPem: string[],
): Promise<{ ok: true; checked: boolean } | { ok: false; message: string }> {
  const { verifyTimestampToken } = await import('./timestamp/rfc3161');
  const verdict = await verifyTimestampToken(token, digestHex, rootsPem);
  if (verdict.ok) return { ok: true, checked: rootsPem.length > 0 };
  // Without configured roots the signer cannot be checked; everything else still must hold.
  if (rootsPem.length === 0 && verdict.code === 'CHAIN') return { ok: true, checked: false };
  return { ok: false, message: verdict.message };
}

/** Every case the database knows of by any trace: its row, its chain, the firm log, a receipt. */
async function allCaseIds(db: Db, receipts: HeldReceipt[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from cases
    union select distinct case_id as id from case_events
    union select distinct case_id as id from firm_log
    order by 1`.execute(db);
  const ids = new Set(rows.map((r) => r.id));
  for (const r of receipts) ids.add(r.caseId);
  return [...ids].sort();
}

/** A case's events in order, a page at a time. */
export async function* caseEvents(db: Db, caseId: string, pageSize = 5000): AsyncGenerator<ChainEvent> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows)
      yield {
        caseId: r.case_id,
        seq: Number(r.seq),
        at: r.at,
        actorId: r.actor_id,
        type: r.type,
        payload: r.payload,
        prevHash: r.prev_hash,
        hash: r.hash,
      };
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].seq);
    // Let the process breathe between pages: a long verify inside a server does not starve other requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
