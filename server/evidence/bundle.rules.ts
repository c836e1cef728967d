/**
 * The evidence bundle (`casetrail.evidence-bundle/2`, docs/evidence-bundle.md): one case's chain, every evidence
 * row of the case, and the firm-log segment and timestamps that hold its head — and its verification without our
 * database. A client's copy withholds the events that carry another client's personal data: each stands in the
 * chain by its position and hash only, with the rows it committed left out; the verifier counts them by kind.
 * Bundles of format `/1` (no stand-ins, no member removals) still verify. Pure: hashing, canonical JSON and the RFC 3161 token check are passed in. No input makes it throw;
 * whatever is malformed is a finding naming where.
 *
 * On top of what `CaseChecker` holds a case to, a bundle must be exactly what the export writes: each row with
 * exactly its table's bundle columns, integers where the database has integers, rows in key order, no row that
 * is not evidence — so that any edit of a row or event, a deleted, duplicated or reordered row shows.
 */
import type { MemberRole } from '../../contract/roles';
import type { ChainEvent } from '../events/event-chain.rules';
import { viewIsEvidence } from '../records/records.rules';
import {
  EVIDENCE_TABLES,
  EVIDENCE_TABLE_NAMES,
  normalizeValue,
  rowKey,
  type EvidenceTable,
} from './evidence-tables';
import { FirmLogChecker, type FirmEntry } from './firm-log.rules';
import {
  CaseChecker,
  type EvidenceCrypto,
  type Finding,
  type FindingCode,
  type HeldPosition,
  type WithheldEvent,
} from './verify.rules';

export const BUNDLE_FORMAT = 'casetrail.evidence-bundle/2';
/** The first format: every event in full, members without their removal. Still verified. */
export const BUNDLE_FORMAT_V1 = 'casetrail.evidence-bundle/1';
export type BundleFormat = typeof BUNDLE_FORMAT | typeof BUNDLE_FORMAT_V1;

export type BundleValue = string | number | null;
export type BundleRow = Record<string, BundleValue>;

export interface EvidenceBundle {
  format: BundleFormat;
  caseId: string;
  exportedAt: string;
  exportedBy: { userId: string; name: string; role: MemberRole };
  /** User id → name as the firm's system knows them at export. Not covered by the chain: a reading aid. */
  names: Record<string, string>;
  /**
   * `case_events` rows of the case, by seq, as stored — or, for an event withheld from a client's copy, its stand-in
   * (`WITHHELD_EVENT_COLUMNS`): position, link and hash, and why it is withheld.
   */
  events: BundleRow[];
  /** Every evidence row of the case, per table in `EVIDENCE_TABLE_NAMES` order, rows in key order. */
  tables: Record<EvidenceTable, BundleRow[]>;
  /** `firm_log` from the first entry naming the case to the first timestamped entry after its last (or the head). */
  firmLog: BundleRow[];
  /** `firm_timestamps` over entries of that segment. */
  firmTimestamps: BundleRow[];
}

export const EVENT_COLUMNS = ['case_id', 'seq', 'at', 'actor_id', 'type', 'payload', 'prev_hash', 'hash'];
/** A withheld event's stand-in (format `/2`): no time, actor, type or payload — only what keeps the chain checkable. */
export const WITHHELD_EVENT_COLUMNS = ['case_id', 'seq', 'prev_hash', 'hash', 'withheld'];

/**
 * Why an event is withheld from a client's copy, as the exporter states it (the chain cannot prove the reason, only
 * that an event with that hash stands at that place): an act of another client (their joining, reads, receipts,
 * questions, requests, replies), or a record about another client's own matter (a task assigned to them, an answer
 * to their request or question, a removal or reminder naming them).
 */
export const WITHHELD_KINDS = {
  'other-client-act': '其他客户本人的操作',
  'other-client-matter': '涉及其他客户个人事项的记录',
} as const;
export type WithheldKind = keyof typeof WITHHELD_KINDS;
export const FIRM_LOG_COLUMNS = ['seq', 'at', 'case_id', 'case_seq', 'case_head', 'prev_hash', 'hash'];
export const TIMESTAMP_COLUMNS = [
  'firm_seq',
  'firm_head',
  'tsa_url',
  'token',
  'gen_time',
  'serial',
  'created_at',
];

/**
 * Columns a bundle carries besides the committed ones, each verified another way: the current stage against the
 * chain's stage changes, record pointers against the versions, a version's text against its hash, `event_seq`
 * against the committing event. Working state nobody can verify (a case's last activity) stays out.
 */
const VERIFIED_OTHERWISE: { readonly [T in EvidenceTable]: readonly string[] } = {
  cases: ['current_stage_index'],
  case_stages: [],
  case_members: ['event_seq', 'removed_at', 'removed_by'],
  records: ['current_version_id', 'current_version_no', 'current_version_at'],
  record_versions: ['content', 'canonical', 'event_seq'],
  record_views: ['event_seq'],
  record_responses: ['event_seq'],
  record_questions: ['event_seq'],
  record_answers: ['event_seq'],
};

export const BUNDLE_COLUMNS: Readonly<Record<EvidenceTable, readonly string[]>> = Object.fromEntries(
  EVIDENCE_TABLE_NAMES.map((t) => [t, [...EVIDENCE_TABLES[t].committed, ...VERIFIED_OTHERWISE[t]]]),
) as Record<string, string[]> as Record<EvidenceTable, string[]>;

/** Format `/1` carried members without their removal (checked against `member.removed` events since `/2`). */
const V1_ONLY_LACKS: Partial<Record<EvidenceTable, readonly string[]>> = {
  case_members: ['removed_at', 'removed_by'],
};
const columnsOf = (format: BundleFormat, table: EvidenceTable): readonly string[] =>
  format === BUNDLE_FORMAT
    ? BUNDLE_COLUMNS[table]
    : BUNDLE_COLUMNS[table].filter((c) => !(V1_ONLY_LACKS[table] ?? []).includes(c));

/**
 * Integer columns, never null in a bundle (every row in it was committed, so it has its `event_seq`); everything
 * else is text or null. A number written as text is an edit too.
 */
const INTEGER_COLUMNS = new Set([
  'seq',
  'case_seq',
  'firm_seq',
  'idx',
  'version_no',
  'current_version_no',
  'current_stage_index',
  'event_seq',
]);

/** Key order of a table's rows: column by column, integers numerically, text by UTF-16 code units. */
export function compareRowKeys(table: EvidenceTable, a: Record<string, unknown>, b: Record<string, unknown>) {
  for (const column of EVIDENCE_TABLES[table].key as readonly string[]) {
    const [x, y] = [a[column], b[column]];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x < y ? -1 : 1;
    } else if (String(x) !== String(y)) return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

export type BundleFindingCode = FindingCode | 'BUNDLE_MALFORMED' | 'ROW_OUT_OF_ORDER';
export type BundleFinding = Omit<Finding, 'code'> & { code: BundleFindingCode };

/** What `verifyTimestampToken` answers (its failure codes: MALFORMED, IMPRINT, SIGNATURE, CHAIN, USAGE). */
export type TokenVerdict = { ok: true } | { ok: false; code: string; message: string };

export interface BundleDeps {
  crypto: EvidenceCrypto;
  /** Checks an RFC 3161 token over a SHA-256 digest; absent: tokens are reported unchecked. */
  checkToken?: (tokenBase64: string, digestHex: string) => Promise<TokenVerdict>;
  /** Whether trusted roots were given: without them only a token's imprint and signature can be checked. */
  rootsGiven?: boolean;
}

/** A receipt as its holder keeps it: the case, the chain position and head at that moment, the receipt's id. */
export interface HeldReceipt {
  caseId: string;
  seq: number;
  head: string;
  ref: string;
}

export type TokenStatus = 'verified' | 'imprint-only' | 'not-checked' | 'invalid';

export interface TimestampCheck {
  firmSeq: number;
  firmHead: string;
  genTime: string;
  tsaUrl: string;
  /** The case's chain position this timestamp covers: its last firm entry at or before `firmSeq`. */
  coversCaseSeq: number | null;
  status: TokenStatus;
}

export interface BundleReport {
  valid: boolean;
  caseId: string | null;
  caseTitle: string | null;
  events: number;
  headHash: string | null;
  findings: BundleFinding[];
  firmLog: { entries: number; from: number | null; to: number | null; sealedCaseSeq: number | null };
  timestamps: TimestampCheck[];
  receipts: { held: number; otherCases: number };
  /**
   * Events withheld from this copy (a client's: other clients' personal data), by the kind the exporter states.
   * Their place and hash in the chain are checked; their content, and the rows they committed, are not in the copy.
   */
  withheld: { events: number; byKind: Partial<Record<WithheldKind, number>> };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

interface TimestampRow {
  firmSeq: number;
  firmHead: string;
  token: string;
  genTime: string;
  tsaUrl: string;
}

/**
 * Verifies a bundle (its JSON text, or the parsed value) and any receipts its reader holds.
 * @example const report = await verifyBundle(fs.readFileSync(file, 'utf8'), { crypto: EVIDENCE_CRYPTO });
 */
export async function verifyBundle(
  input: unknown,
  deps: BundleDeps,
  receipts: unknown = [],
): Promise<BundleReport> {
  const v = new BundleVerification(deps);
  try {
    await v.run(input, receipts);
  } catch {
    v.malformed(null, null, null, '导出件结构异常，核验未能完成');
  }
  return v.report();
}

class BundleVerification {
  readonly findings: BundleFinding[] = [];
  private caseId: string | null = null;
  private caseTitle: string | null = null;
  private chain = { events: 0, headHash: null as string | null };
  private firm: BundleReport['firmLog'] = { entries: 0, from: null, to: null, sealedCaseSeq: null };
  private stamps: TimestampCheck[] = [];
  private held = { held: 0, otherCases: 0 };
  private withheld: BundleReport['withheld'] = { events: 0, byKind: {} };
  private format: BundleFormat = BUNDLE_FORMAT;

  constructor(private readonly deps: BundleDeps) {}

  async run(input: unknown, receipts: unknown): Promise<void> {
    let bundle: unknown = input;
    if (typeof input === 'string') {
      try {
        bundle = JSON.parse(input);
      } catch {
        return this.malformed(null, null, null, '导出件不是有效的 JSON 文本');
      }
    }
    if (!isObject(bundle) || (bundle.format !== BUNDLE_FORMAT && bundle.format !== BUNDLE_FORMAT_V1))
      return this.malformed(null, null, 'format', `不是可识别的导出件（应为 ${BUNDLE_FORMAT}）`);
    this.format = bundle.format;
    if (typeof bundle.caseId !== 'string' || bundle.caseId === '')
      return this.malformed(null, null, 'caseId', '导出件未写明案件标识');
    const caseId = bundle.caseId;
    this.caseId = caseId;

    const firm = this.firmEntries(bundle.firmLog);
    const stamps = this.timestampRows(bundle.firmTimestamps);
    const positions: HeldPosition[] = firm
      .filter((f) => f.caseId === caseId)
      .map((f) => ({ seq: f.caseSeq, head: f.caseHead, source: 'firm_log', ref: String(f.seq) }));
    positions.push(...this.receipts(receipts, caseId));

    const checker = new CaseChecker(caseId, this.deps.crypto, positions);
    for (const e of this.events(bundle.events, caseId))
      this.guard('case_events', String(e.event.seq), () =>
        e.withheld ? checker.withheldEvent(e.event) : checker.event(e.event),
      );
    checker.endOfChain();
    this.checkRows(bundle.tables, checker, caseId);
    this.chain = checker.chain;

    this.checkFirmSegment(firm, stamps, caseId);
    await this.checkTokens(stamps);
  }

  private events(
    value: unknown,
    caseId: string,
  ): ({ withheld: false; event: ChainEvent } | { withheld: true; event: WithheldEvent })[] {
    const rows = this.rowsOf('case_events', value);
    this.checkOrder(
      'case_events',
      rows.map((r) => r.row),
      bySeq('seq'),
      (r) => String(r.seq),
    );
    return rows.map(({ row, ref }) => {
      if (row.case_id !== caseId)
        this.malformed('case_events', ref, 'case_id', '该事件不属于导出件所述的案件');
      if ('withheld' in row) {
        if (this.format !== BUNDLE_FORMAT)
          this.malformed(
            'case_events',
            ref,
            'withheld',
            `${BUNDLE_FORMAT_V1} 格式的导出件不能含有隐去的事件`,
          );
        this.checkShape('case_events', ref, row, WITHHELD_EVENT_COLUMNS);
        const kind = row.withheld as WithheldKind;
        if (!Object.prototype.hasOwnProperty.call(WITHHELD_KINDS, kind))
          this.malformed('case_events', ref, 'withheld', '隐去事件的类别不可识别');
        else {
          this.withheld.events++;
          this.withheld.byKind[kind] = (this.withheld.byKind[kind] ?? 0) + 1;
        }
        return {
          withheld: true,
          event: {
            caseId: text(row.case_id),
            seq: Number(row.seq),
            prevHash: text(row.prev_hash),
            hash: text(row.hash),
          },
        };
      }
      this.checkShape('case_events', ref, row, EVENT_COLUMNS);
      return {
        withheld: false,
        event: {
          caseId: text(row.case_id),
          seq: Number(row.seq),
          at: text(row.at),
          actorId: text(row.actor_id),
          type: text(row.type),
          payload: text(row.payload),
          prevHash: text(row.prev_hash),
          hash: text(row.hash),
        },
      };
    });
  }

  private checkRows(value: unknown, checker: CaseChecker, caseId: string): void {
    const tables = isObject(value) ? value : {};
    if (!isObject(value)) this.malformed('tables', null, null, '导出件缺少证据表');
    const rowsOf = Object.fromEntries(
      EVIDENCE_TABLE_NAMES.map((t) => [t, this.rowsOf(t, tables[t]).map((r) => r.row)]),
    ) as Record<EvidenceTable, Json[]>;
    const records = new Map(rowsOf.records.map((r) => [String(r.id), r]));
    for (const table of EVIDENCE_TABLE_NAMES) {
      this.checkOrder(
        table,
        rowsOf[table],
        (a, b) => compareRowKeys(table, a, b),
        (r) => rowKey(table, r),
      );
      for (const row of rowsOf[table]) {
        const key = rowKey(table, row);
        this.checkShape(table, key, row, columnsOf(this.format, table));
        if (table === 'record_views' && row.event_seq === null && !viewIsEvidence(row.role as MemberRole))
          this.add('ROW_UNCOMMITTED', table, key, 'event_seq', '导出件中出现了不属于证据的阅读记录');
        if (table === 'record_versions' && !isStoredJson(row.content))
          this.add('CONTENT_MISMATCH', table, key, 'content', '版本内容的文本不是其存储形式：内容被改动');
        const record = table === 'record_versions' ? records.get(String(row.record_id)) : undefined;
        const stored = record ? { ...row, record_kind: record.kind, record_case_id: record.case_id } : row;
        this.guard(table, key, () => checker.row(table, stored));
      }
    }
    if (rowsOf.cases.length === 0) this.add('CASE_MISSING', 'cases', caseId, null, '导出件中没有案件记录');
    else this.caseTitle = text(rowsOf.cases[0].title);
    checker.finish(rowsOf.records);
    this.findings.push(...checker.findings);
    this.checkVersionTimes(rowsOf.records, rowsOf.record_versions);
  }

  /** A record's `current_version_at` is its current version's publication time. */
  private checkVersionTimes(records: Json[], versions: Json[]): void {
    const publishedAt = new Map(versions.map((v) => [String(v.id), normalizeValue(v.published_at)]));
    for (const r of records) {
      const current = r.current_version_id;
      if (current !== null && !publishedAt.has(String(current))) continue; // the pointer's own finding
      const expected = current === null ? null : publishedAt.get(String(current));
      if (normalizeValue(r.current_version_at) !== expected)
        this.add(
          'POINTER_MISMATCH',
          'records',
          String(r.id),
          'current_version_at',
          '记录的当前版本时间不是其当前版本的发布时间',
        );
    }
  }

  private firmEntries(value: unknown): FirmEntry[] {
    const rows = this.rowsOf('firm_log', value);
    this.checkOrder(
      'firm_log',
      rows.map((r) => r.row),
      bySeq('seq'),
      (r) => String(r.seq),
    );
    return rows.map(({ row, ref }) => {
      this.checkShape('firm_log', ref, row, FIRM_LOG_COLUMNS);
      return {
        seq: Number(row.seq),
        at: text(row.at),
        caseId: text(row.case_id),
        caseSeq: Number(row.case_seq),
        caseHead: text(row.case_head),
        prevHash: text(row.prev_hash),
        hash: text(row.hash),
      };
    });
  }

  private timestampRows(value: unknown): TimestampRow[] {
    const rows = this.rowsOf('firm_timestamps', value);
    this.checkOrder(
      'firm_timestamps',
      rows.map((r) => r.row),
      bySeq('firm_seq'),
      (r) => String(r.firm_seq),
    );
    return rows.map(({ row, ref }) => {
      this.checkShape('firm_timestamps', ref, row, TIMESTAMP_COLUMNS);
      return {
        firmSeq: Number(row.firm_seq),
        firmHead: text(row.firm_head),
        token: text(row.token),
        genTime: text(row.gen_time),
        tsaUrl: text(row.tsa_url),
      };
    });
  }

  /** The segment links from its first entry's prev_hash; each timestamp names a head the segment has. */
  private checkFirmSegment(firm: FirmEntry[], stamps: TimestampRow[], caseId: string): void {
    const ofCase = firm.filter((f) => f.caseId === caseId);
    this.firm = {
      entries: firm.length,
      from: firm[0]?.seq ?? null,
      to: firm[firm.length - 1]?.seq ?? null,
      sealedCaseSeq: ofCase.length ? Math.max(...ofCase.map((f) => f.caseSeq)) : null,
    };
    if (firm.length === 0) {
      for (const s of stamps)
        this.add(
          'TIMESTAMP_INVALID',
          'firm_timestamps',
          String(s.firmSeq),
          'firm_seq',
          '导出件没有其所盖的日志',
        );
      return;
    }
    const checker = new FirmLogChecker(this.deps.crypto.hash, new Set(stamps.map((s) => s.firmSeq)), {
      seq: firm[0].seq,
      prevHash: firm[0].prevHash,
    });
    for (const entry of firm) checker.entry(entry);
    if (checker.brokenAt !== null)
      this.add(
        'FIRM_LOG_BROKEN',
        'firm_log',
        String(checker.brokenAt),
        null,
        `律所总日志在第 ${checker.brokenAt} 条断开：该条或其之前的记录被修改、插入或删除`,
      );
    if (ofCase.length && firm[0] !== ofCase[0])
      this.malformed('firm_log', String(firm[0].seq), 'case_id', '律所总日志片段应始于记载本案的第一条');
    for (const s of stamps) {
      const covered = ofCase.filter((f) => f.seq <= s.firmSeq);
      this.stamps.push({
        firmSeq: s.firmSeq,
        firmHead: s.firmHead,
        genTime: s.genTime,
        tsaUrl: s.tsaUrl,
        coversCaseSeq: covered.length ? Math.max(...covered.map((f) => f.caseSeq)) : null,
        status: 'not-checked',
      });
      if (checker.heads.get(s.firmSeq) !== s.firmHead)
        this.add(
          'TIMESTAMP_INVALID',
          'firm_timestamps',
          String(s.firmSeq),
          'firm_head',
          `可信时间戳所盖的律所总日志第 ${s.firmSeq} 条摘要与导出件中的日志不符`,
        );
    }
  }

  private async checkTokens(stamps: TimestampRow[]): Promise<void> {
    const { checkToken, rootsGiven = false } = this.deps;
    for (const [i, s] of stamps.entries()) {
      const check = this.stamps[i];
      if (!check || !checkToken) continue;
      if (this.findings.some((f) => f.table === 'firm_timestamps' && f.row === String(s.firmSeq))) {
        check.status = 'invalid';
        continue;
      }
      let verdict: TokenVerdict;
      try {
        verdict = await checkToken(s.token, s.firmHead);
      } catch {
        verdict = { ok: false, code: 'MALFORMED', message: '时间戳凭证无法解析' };
      }
      // Without roots the signer cannot be checked (CHAIN); the imprint and signature were, and must hold.
      if (verdict.ok) check.status = rootsGiven ? 'verified' : 'imprint-only';
      else if (!rootsGiven && verdict.code === 'CHAIN') check.status = 'imprint-only';
      else {
        check.status = 'invalid';
        this.add('TIMESTAMP_INVALID', 'firm_timestamps', String(s.firmSeq), 'token', verdict.message);
      }
    }
  }

  private receipts(value: unknown, caseId: string): HeldPosition[] {
    if (!Array.isArray(value)) {
      this.malformed('receipt', null, null, '回执文件应为回执列表');
      return [];
    }
    const held: HeldPosition[] = [];
    value.forEach((r: unknown, i) => {
      const ok =
        isObject(r) &&
        typeof r.caseId === 'string' &&
        Number.isInteger(r.seq) &&
        typeof r.head === 'string' &&
        (typeof r.ref === 'string' || typeof r.ref === 'number');
      if (!ok) return this.malformed('receipt', `#${i + 1}`, null, '回执应含 caseId、seq、head、ref');
      const receipt = r as unknown as HeldReceipt;
      if (receipt.caseId !== caseId) {
        this.held.otherCases++;
        return;
      }
      this.held.held++;
      held.push({ seq: receipt.seq, head: receipt.head, source: 'receipt', ref: String(receipt.ref) });
    });
    return held;
  }

  /** The objects of a list, each with how findings name it (its seq or key, else its place). */
  private rowsOf(table: string, value: unknown): { row: Json; ref: string }[] {
    if (!Array.isArray(value)) {
      this.malformed(table, null, null, '导出件缺少该表，或其不是列表');
      return [];
    }
    const rows: { row: Json; ref: string }[] = [];
    value.forEach((row: unknown, i) => {
      const ref = isObject(row) && 'seq' in row ? String(row.seq) : `#${i + 1}`;
      if (isObject(row)) rows.push({ row, ref });
      else this.malformed(table, ref, null, '该行不是对象');
    });
    return rows;
  }

  /** Rows must stand in key order: each one elsewhere than its sorted place was swapped, moved or inserted. */
  private checkOrder(
    table: string,
    rows: Json[],
    compare: (a: Json, b: Json) => number,
    ref: (r: Json) => string,
  ) {
    const sorted = [...rows].sort(compare);
    rows.forEach((row, i) => {
      if (compare(row, sorted[i]) !== 0)
        this.add(
          'ROW_OUT_OF_ORDER',
          table,
          ref(row),
          null,
          '该行不在按序号或标识排序的位置：被调换、移动或插入',
        );
    });
  }

  /** Exactly the expected columns; integers where the database has integers, else text or null. */
  private checkShape(table: string, ref: string, row: Json, columns: readonly string[]): void {
    for (const column of columns) {
      const value = row[column];
      if (!(column in row)) this.malformed(table, ref, column, '缺少该字段');
      else if (INTEGER_COLUMNS.has(column) ? !isInteger(value) : !isTextOrNull(value))
        this.malformed(table, ref, column, INTEGER_COLUMNS.has(column) ? '该字段应为整数' : '该字段应为文本');
    }
    for (const column of Object.keys(row))
      if (!columns.includes(column)) this.malformed(table, ref, column, '出现了导出格式之外的字段');
  }

  /** Runs one checker step; a shape the checker cannot read is a finding, not a crash. */
  private guard(table: string, ref: string, step: () => void): void {
    try {
      step();
    } catch {
      this.malformed(table, ref, null, '该行结构异常，无法核验');
    }
  }

  malformed(table: string | null, row: string | null, field: string | null, message: string): void {
    this.add('BUNDLE_MALFORMED', table ?? 'bundle', row, field, message);
  }

  private add(
    code: BundleFindingCode,
    table: string,
    row: string | null,
    field: string | null,
    message: string,
  ) {
    this.findings.push({ code, caseId: this.caseId, table, row, field, message });
  }

  report(): BundleReport {
    return {
      valid: this.findings.length === 0,
      caseId: this.caseId,
      caseTitle: this.caseTitle,
      events: this.chain.events,
      headHash: this.chain.headHash,
      findings: this.findings,
      firmLog: this.firm,
      timestamps: this.stamps,
      receipts: this.held,
      withheld: this.withheld,
    };
  }
}

/** Content is stored as `JSON.stringify` writes it: text that parses to the same content another way was edited. */
function isStoredJson(value: unknown): boolean {
  try {
    return typeof value === 'string' && JSON.stringify(JSON.parse(value)) === value;
  } catch {
    return false;
  }
}

const bySeq = (column: string) => (a: Json, b: Json) => Number(a[column]) - Number(b[column]) || 0;

const isInteger = (v: unknown) => Number.isSafeInteger(v);
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
