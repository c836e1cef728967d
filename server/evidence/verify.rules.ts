/**
 * Verification of one case's evidence, fed as a stream (DESIGN §4): the chain's events in order, then the rows
 * of every evidence table. Pure — the same checker runs over the database and over an exported bundle.
 *
 * What it holds each case to:
 * - the chain links and hashes, starting at 1 with no gap, and is not empty;
 * - every row a chain event committed to exists and equals the commitment field by field, and points at that
 *   event; every evidence row was committed by an event (views that are not evidence excepted);
 * - every version's `content_hash` is the SHA-256 of its canonical text, and the canonical text is what its
 *   structured content, title and excerpt make;
 * - a record's pointer names its newest version, and the case's stage is the last stage the chain moved it to;
 * - positions held outside the database (firm log entries, receipts) still name the same events.
 * Memory: one entry per committed row of the case being checked (its key, event position and committed fields),
 * never the events themselves.
 */
import type { MemberRole } from '../../contract/roles';
import { GENESIS_HASH, eventHashInput, type ChainEvent, type Hasher } from '../events/event-chain.rules';
import { RECORD_KINDS, isRecordKind } from '../records/record-kinds';
import { viewIsEvidence } from '../records/records.rules';
import {
  EVIDENCE_TABLES,
  normalizeValue,
  rowKey,
  type CommittedRow,
  type EvidenceTable,
  type RowCommitment,
} from './evidence-tables';

export type FindingCode =
  | 'CASE_MISSING'
  | 'CHAIN_EMPTY'
  | 'CHAIN_BROKEN'
  | 'CHAIN_CUT'
  | 'CHAIN_REWRITTEN'
  | 'ROW_MISSING'
  | 'ROW_UNCOMMITTED'
  | 'FIELD_CHANGED'
  | 'HASH_MISMATCH'
  | 'CONTENT_MISMATCH'
  | 'POINTER_MISMATCH'
  | 'MEMBERSHIP_MISMATCH'
  | 'FIRM_LOG_BROKEN'
  | 'TIMESTAMP_INVALID'
  | 'RECEIPT_MISMATCH';

export interface Finding {
  code: FindingCode;
  caseId: string | null;
  /** The table (or `case_events`, `firm_log`, `firm_timestamps`, `receipt`) the finding is about. */
  table: string;
  /** The row's key within its table (`id`, `version_id/user_id`, an event's seq …). */
  row: string | null;
  field: string | null;
  message: string;
}

/** A position in a case's chain held outside the database (a firm-log entry, a receipt). */
export interface HeldPosition {
  seq: number;
  head: string;
  /** Where it came from, for the finding: `firm_log` or `receipt`. */
  source: 'firm_log' | 'receipt';
  /** That source's own id (firm-log seq, receipt id). */
  ref: string;
}

/** The two functions evidence is made with: SHA-256 (hex) and RFC 8785 canonical JSON. */
export interface EvidenceCrypto {
  hash: Hasher;
  canonical: (value: unknown) => string;
}

interface Commitment {
  seq: number;
  row: CommittedRow;
}

/** A withheld event as a redacted bundle carries it: its place in the chain and its hash, not its content. */
export interface WithheldEvent {
  caseId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** A member's standing as the chain last left it: removed (when, by whom, which event) or not. */
interface Removal {
  seq: number;
  at: string;
  by: string;
}

/** Checks one case; feed `event` in chain order, then `endOfChain`, then `row` for every table, then `finish`. */
export class CaseChecker {
  readonly findings: Finding[] = [];
  private readonly commitments = new Map<string, Commitment>();
  private readonly held = new Map<number, HeldPosition[]>();
  private prevHash = GENESIS_HASH;
  private events = 0;
  private broken = false;
  private heads = new Map<number, string>();
  private stage = 0;
  private readonly newestVersion = new Map<string, { no: number; id: string; at: string }>();
  private readonly seenRecords = new Set<string>();
  /** Per user id: the removal the chain's last membership event for them records, or null (joined again). */
  private readonly removals = new Map<string, Removal | null>();
  private withheldCount = 0;

  constructor(
    readonly caseId: string,
    private readonly crypto: EvidenceCrypto,
    held: HeldPosition[] = [],
  ) {
    for (const h of held) this.held.set(h.seq, [...(this.held.get(h.seq) ?? []), h]);
  }

  /** The number of events read, and the head hash (null when broken or empty). */
  get chain(): { events: number; headHash: string | null; brokenAt: number | null } {
    const brokenAt = this.findings.find((f) => f.code === 'CHAIN_BROKEN')?.row;
    return {
      events: this.events,
      headHash: this.broken || this.events === 0 ? null : this.prevHash,
      brokenAt: brokenAt ? Number(brokenAt) : null,
    };
  }

  /** Events the checker read without their content (a redacted bundle's stand-ins). */
  get withheld(): number {
    return this.withheldCount;
  }

  event(e: ChainEvent): void {
    this.link(e, () => this.crypto.hash(eventHashInput(e)) === e.hash);
    if (e.type === 'stage.changed') this.stage = Number(readPayload(e).to ?? this.stage);
    if (e.type === 'member.removed' || e.type === 'member.joined') this.membership(e);
    if (!e.payload.includes('"commits"')) return;
    const commits = readPayload(e).commits;
    if (!Array.isArray(commits)) return;
    for (const c of commits as RowCommitment[]) {
      // An edited payload may hold anything; what is not a commitment commits nothing (and breaks the chain).
      if (!c || typeof c.row !== 'object' || c.row === null) continue;
      if (!Object.prototype.hasOwnProperty.call(EVIDENCE_TABLES, c.table)) continue;
      this.commitments.set(`${c.table}:${rowKey(c.table, c.row)}`, { seq: e.seq, row: c.row });
    }
  }

  /**
   * An event whose content was withheld (another person's data in a client's copy): its position and link are
   * checked, its hash is taken as given — the next event's `prev_hash`, and every held position after it, commit
   * to that hash, so changing it breaks the chain there. What it committed is not expected among the rows.
   */
  withheldEvent(e: WithheldEvent): void {
    this.withheldCount++;
    this.link(e, () => /^[0-9a-f]{64}$/.test(e.hash));
  }

  private link(e: Omit<ChainEvent, 'at' | 'actorId' | 'type' | 'payload'>, hashHolds: () => boolean): void {
    this.events++;
    const expectedSeq = this.events;
    if (!this.broken && (e.seq !== expectedSeq || e.prevHash !== this.prevHash || !hashHolds())) {
      this.broken = true;
      const at = Math.min(e.seq, expectedSeq);
      this.add(
        'CHAIN_BROKEN',
        'case_events',
        String(at),
        null,
        `事件链在第 ${at} 条断开：该条或其之前的记录被修改、插入或删除`,
      );
    }
    this.prevHash = e.hash;
    if (this.held.has(e.seq)) this.heads.set(e.seq, e.hash);
  }

  /** A removal stands until the same person joins again (a rejoining clears it); the last event decides. */
  private membership(e: ChainEvent): void {
    const p = readPayload(e);
    if (typeof p.userId !== 'string') return;
    if (e.type === 'member.joined') this.removals.set(p.userId, null);
    else
      this.removals.set(p.userId, {
        seq: e.seq,
        at: e.at,
        by: typeof p.removedBy === 'string' ? p.removedBy : e.actorId,
      });
  }

  /** After the last event: the chain must be non-empty, and every held position must still be there. */
  endOfChain(): void {
    if (this.events === 0)
      this.add('CHAIN_EMPTY', 'case_events', null, null, '该案件没有任何事件记录：事件链已被清空或从未建立');
    for (const [seq, positions] of this.held) {
      const head = this.heads.get(seq);
      for (const p of positions) {
        if (head === undefined)
          this.add(
            'CHAIN_CUT',
            p.source,
            p.ref,
            'seq',
            `${sourceLabel(p.source)}记录该案件事件链至少有 ${seq} 条，现仅剩 ${this.events} 条：链尾被截断`,
          );
        else if (head !== p.head)
          this.add(
            'CHAIN_REWRITTEN',
            p.source,
            p.ref,
            'head',
            `${sourceLabel(p.source)}记录的第 ${seq} 条事件摘要与现存事件链不符：历史被改写`,
          );
      }
    }
  }

  /** One stored row of an evidence table (all columns; versions also carry `record_kind` and `record_case_id`). */
  row(table: EvidenceTable, stored: Record<string, unknown>): void {
    const key = rowKey(table, stored);
    const id = `${table}:${key}`;
    const commitment = this.commitments.get(id);
    if (table === 'record_versions') this.checkVersion(key, stored);
    if (table === 'records') this.seenRecords.add(String(stored.id));
    if (table === 'case_members') this.checkRemoval(key, stored);
    if (table === 'cases' && normalizeValue(stored.current_stage_index) !== this.stage)
      this.add('FIELD_CHANGED', table, key, 'current_stage_index', '案件当前阶段与事件链记录的阶段变更不符');
    if (!commitment) {
      const notEvidence =
        table === 'record_views' &&
        (stored.event_seq === null || stored.event_seq === undefined) &&
        !viewIsEvidence(stored.role as MemberRole);
      if (!notEvidence)
        this.add(
          'ROW_UNCOMMITTED',
          table,
          key,
          null,
          `${EVIDENCE_TABLES[table].label}中有一行没有任何事件为其背书：可能是事后插入或被改动了标识`,
        );
      return;
    }
    this.commitments.delete(id);
    for (const column of EVIDENCE_TABLES[table].committed as readonly string[]) {
      // A column added after the row was committed (records.parent_id, record_responses.item_id in 0006) is
      // absent from the commitment and must still be null in the row.
      if (normalizeValue(stored[column]) !== (commitment.row[column] ?? null))
        this.add(
          'FIELD_CHANGED',
          table,
          key,
          column,
          `${EVIDENCE_TABLES[table].label}的「${column}」与第 ${commitment.seq} 条事件记录的不符：事后被修改`,
        );
    }
    if ('event_seq' in stored && normalizeValue(stored.event_seq) !== commitment.seq)
      this.add(
        'POINTER_MISMATCH',
        table,
        key,
        'event_seq',
        `${EVIDENCE_TABLES[table].label}指向的事件不是为其背书的第 ${commitment.seq} 条事件`,
      );
  }

  /** After every table: commitments no row answered are deleted or re-keyed rows; pointers must be newest. */
  finish(records: Record<string, unknown>[] = []): Finding[] {
    for (const [id, c] of this.commitments) {
      const table = id.slice(0, id.indexOf(':')) as EvidenceTable;
      this.add(
        'ROW_MISSING',
        table,
        rowKey(table, c.row),
        null,
        `第 ${c.seq} 条事件记录的${EVIDENCE_TABLES[table].label}已不存在：被删除或改动了标识`,
      );
    }
    this.commitments.clear();
    for (const r of records) this.checkPointer(r);
    return this.findings;
  }

  /**
   * A member row's removal (`removed_at`, `removed_by`: working state the row carries, not a commitment) must be the
   * one the chain's last `member.removed` for that person records — and a row without one must have no removal in
   * force on the chain. Rows that do not carry the columns (a `/1` bundle) are not checked.
   */
  private checkRemoval(key: string, m: Record<string, unknown>): void {
    if (!('removed_at' in m)) return;
    const removal = this.removals.get(String(m.user_id)) ?? null;
    const [at, by] = [normalizeValue(m.removed_at), normalizeValue(m.removed_by)];
    if (removal === null && (at !== null || by !== null))
      this.add(
        'MEMBERSHIP_MISMATCH',
        'case_members',
        key,
        at !== null ? 'removed_at' : 'removed_by',
        '成员记录显示其已被移出案件，但事件链中没有相应的移出事件：事后被修改',
      );
    else if (removal !== null && (at !== removal.at || by !== removal.by))
      this.add(
        'MEMBERSHIP_MISMATCH',
        'case_members',
        key,
        at !== removal.at ? 'removed_at' : 'removed_by',
        at === null
          ? `第 ${removal.seq} 条事件记录该成员已被移出案件，但成员记录没有移出：事后被修改`
          : `成员记录的移出时间或操作人与第 ${removal.seq} 条事件记录的不符：事后被修改`,
      );
  }

  private checkVersion(key: string, v: Record<string, unknown>): void {
    const recordId = String(v.record_id);
    const no = Number(v.version_no);
    const newest = this.newestVersion.get(recordId);
    if (!newest || no > newest.no)
      this.newestVersion.set(recordId, { no, id: key, at: String(v.published_at) });
    const canonical = String(v.canonical ?? '');
    if (this.crypto.hash(canonical) !== v.content_hash) {
      this.add(
        'HASH_MISMATCH',
        'record_versions',
        key,
        'canonical',
        '版本的规范文本与其指纹（SHA-256）不符：正文被修改',
      );
      return;
    }
    const kind = v.record_kind;
    if (!isRecordKind(kind)) return; // the record row's own check names the changed kind
    let content: unknown;
    try {
      content = JSON.parse(String(v.content));
    } catch {
      this.add('CONTENT_MISMATCH', 'record_versions', key, 'content', '版本的结构化内容已损坏，无法读取');
      return;
    }
    const spec = RECORD_KINDS[kind];
    let expected: string;
    try {
      expected = this.crypto.canonical(
        spec.evidence({
          caseId: String(v.record_case_id),
          recordId,
          versionNo: no,
          content,
          note: (v.note as string | null) ?? null,
        }),
      );
    } catch {
      this.add('CONTENT_MISMATCH', 'record_versions', key, 'content', '版本的结构化内容与其规范文本不符');
      return;
    }
    if (expected !== canonical)
      this.add(
        'CONTENT_MISMATCH',
        'record_versions',
        key,
        differingField(expected, canonical),
        '版本的显示内容与其已存证的规范文本不符：内容被修改',
      );
    else if (safe(() => spec.title(content)) !== v.title)
      this.add('CONTENT_MISMATCH', 'record_versions', key, 'title', '版本标题与其已存证的规范文本不符');
    else if (safe(() => spec.excerpt(content)) !== v.excerpt)
      this.add('CONTENT_MISMATCH', 'record_versions', key, 'excerpt', '版本摘要与其已存证的规范文本不符');
  }

  private checkPointer(r: Record<string, unknown>): void {
    const newest = this.newestVersion.get(String(r.id));
    const key = String(r.id);
    const pointer = normalizeValue(r.current_version_id);
    if ((newest?.id ?? null) !== pointer)
      this.add('POINTER_MISMATCH', 'records', key, 'current_version_id', '记录的当前版本不是其最新版本');
    else if ((newest?.no ?? 0) !== Number(r.current_version_no))
      this.add('POINTER_MISMATCH', 'records', key, 'current_version_no', '记录的当前版本号不是其最新版本号');
  }

  private add(code: FindingCode, table: string, row: string | null, field: string | null, message: string) {
    this.findings.push({ code, caseId: this.caseId, table, row, field, message });
  }
}

function readPayload(e: ChainEvent): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(e.payload);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

const NOTE_KEYS = new Set(['reason', 'changeNote']);
const IDENTITY_KEYS: Record<string, string> = {
  versionNo: 'version_no',
  updateId: 'record_id',
  statementId: 'record_id',
};

/** Which column a canonical difference lives in: the first differing top-level key, by where it is stored. */
function differingField(expected: string, stored: string): string {
  const a = safe(() => JSON.parse(expected) as Record<string, unknown>) ?? {};
  const b = safe(() => JSON.parse(stored) as Record<string, unknown>) ?? {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    if (NOTE_KEYS.has(key)) return 'note';
    return IDENTITY_KEYS[key] ?? 'content';
  }
  return 'content';
}

const sourceLabel = (source: HeldPosition['source']) => (source === 'firm_log' ? '律所总日志' : '回执');
