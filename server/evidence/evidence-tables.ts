/**
 * Which rows are evidence, and what of them the case chain commits to (DESIGN §4). An event that creates an
 * evidence row carries the row's committed columns in its payload (`commits`); `verify` holds every row to the
 * event that committed it, field by field, and every commitment to its row. Rows outside this table (drafts, read
 * models, sessions) are working state, not evidence.
 *
 * Columns left out of a commitment are either mutable working state (a case's current stage and last activity;
 * a record's pointer to its newest version, checked against the versions instead) or committed another way (a
 * version's `content` and `canonical`: its `content_hash` commits to the canonical text, and the canonical text
 * is recomputed from the structured content).
 */
import type { Database } from '../platform/schema';

export type EvidenceTable =
  | 'cases'
  | 'case_stages'
  | 'case_members'
  | 'records'
  | 'record_versions'
  | 'record_views'
  | 'record_responses'
  | 'record_questions'
  | 'record_answers';

type Columns<T extends EvidenceTable> = readonly (keyof Database[T] & string)[];

interface TableSpec<T extends EvidenceTable> {
  /** The columns that identify a row, in order. */
  key: Columns<T>;
  /** The columns the event commits to, key included. */
  committed: Columns<T>;
  /** What a finding calls the table, for people. */
  label: string;
}

export const EVIDENCE_TABLES: { [T in EvidenceTable]: TableSpec<T> } = {
  cases: {
    key: ['id'],
    committed: [
      'id',
      'title',
      'case_type',
      'case_number',
      'court',
      'opposing_party',
      'created_by',
      'created_at',
    ],
    label: '案件',
  },
  case_stages: {
    key: ['case_id', 'idx'],
    committed: ['case_id', 'idx', 'name', 'description'],
    label: '案件阶段',
  },
  case_members: {
    key: ['case_id', 'user_id'],
    committed: ['case_id', 'user_id', 'role', 'joined_at', 'invite_id'],
    label: '案件成员',
  },
  records: {
    key: ['id'],
    committed: ['id', 'case_id', 'kind', 'parent_id', 'created_by', 'created_at'],
    label: '记录',
  },
  record_versions: {
    key: ['id'],
    committed: [
      'id',
      'record_id',
      'version_no',
      'title',
      'excerpt',
      'content_hash',
      'note',
      'promise_warnings',
      'author_id',
      'author_name',
      'author_role',
      'published_at',
    ],
    label: '记录版本',
  },
  record_views: {
    key: ['version_id', 'user_id'],
    committed: [
      'version_id',
      'user_id',
      'record_id',
      'role',
      'viewed_at',
      'request_id',
      'client_info',
      'source_ip',
    ],
    label: '阅读回执',
  },
  record_responses: {
    key: ['id'],
    committed: [
      'id',
      'record_id',
      'version_id',
      'version_no',
      'user_id',
      'user_name',
      'role',
      'kind',
      'reason',
      'item_id',
      'content_hash',
      'responded_at',
      'request_id',
      'client_info',
      'source_ip',
    ],
    label: '知悉回执与异议',
  },
  record_questions: {
    key: ['id'],
    committed: [
      'id',
      'record_id',
      'version_id',
      'version_no',
      'item_id',
      'item_text',
      'asked_by',
      'asked_by_name',
      'question',
      'asked_at',
    ],
    label: '客户提问',
  },
  record_answers: {
    key: ['question_id'],
    committed: [
      'question_id',
      'record_id',
      'answer',
      'answered_by',
      'answered_by_name',
      'answered_at',
      'promise_warnings',
    ],
    label: '律师答复',
  },
};

export const EVIDENCE_TABLE_NAMES = Object.keys(EVIDENCE_TABLES) as EvidenceTable[];

/** Tables the database itself refuses to UPDATE or DELETE (migration 0005): append-only evidence. */
export const APPEND_ONLY_TABLES = [
  'case_events',
  'record_versions',
  'record_views',
  'record_responses',
  'record_questions',
  'record_answers',
  'firm_log',
  'firm_timestamps',
] as const;

/** A stored value as committed: numbers as numbers (PostgreSQL may hand back strings for bigint), else text. */
export type CommittedValue = string | number | null;
export type CommittedRow = Record<string, CommittedValue>;

/** One commitment inside an event payload. */
export interface RowCommitment {
  table: EvidenceTable;
  row: CommittedRow;
}

export function normalizeValue(value: unknown): CommittedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/** The committed columns of a row about to be inserted (or read back). */
export function commitRow(table: EvidenceTable, row: object): RowCommitment {
  const committed: CommittedRow = {};
  for (const column of EVIDENCE_TABLES[table].committed as readonly string[])
    committed[column] = normalizeValue((row as Record<string, unknown>)[column]);
  return { table, row: committed };
}

/** The row's identity inside its table: its key columns joined (ids never contain `/`). */
export function rowKey(table: EvidenceTable, row: Record<string, unknown>): string {
  return (EVIDENCE_TABLES[table].key as readonly string[]).map((c) => String(row[c])).join('/');
}
