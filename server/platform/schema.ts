import type { MemberRole } from '../../contract/cases';

/**
 * Kysely table types, matching the migrations in ./migrations. Times are ISO-8601 UTC strings;
 * flags are 0/1 integers so the same schema runs on SQLite and PostgreSQL.
 */
export interface Database {
  users: UsersTable;
  lawyer_profiles: LawyerProfilesTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  cases: CasesTable;
  case_stages: CaseStagesTable;
  case_members: CaseMembersTable;
  case_events: CaseEventsTable;
  idempotency: IdempotencyTable;
  records: RecordsTable;
  record_versions: RecordVersionsTable;
  record_views: RecordViewsTable;
  record_responses: RecordResponsesTable;
  record_drafts: RecordDraftsTable;
  record_questions: RecordQuestionsTable;
  record_answers: RecordAnswersTable;
  member_case_state: MemberCaseStateTable;
  notification_outbox: NotificationOutboxTable;
  notification_messages: NotificationMessagesTable;
  notify_credits: NotifyCreditsTable;
  firm_log: FirmLogTable;
  firm_timestamps: FirmTimestampsTable;
  privacy_consents: PrivacyConsentsTable;
  rate_limit_hits: RateLimitHitsTable;
}

/** The case-chain position of the event that committed to an evidence row (null: a view that is not evidence). */
interface CommittedByEvent {
  event_seq: number | null;
}

export interface UsersTable {
  id: string;
  /** Who the platform says this is: `wx:<openid>` from WeChat, `dev:<key>` for dev personas. */
  subject: string;
  display_name: string;
  is_admin: number;
  is_lawyer: number;
  created_at: string;
  /** When the person deleted their account (0009): `subject` is then unlinked and personal fields cleared. */
  deleted_at: string | null;
}

export interface LawyerProfilesTable {
  user_id: string;
  name: string;
  firm: string;
  license_no: string;
  phone: string | null;
  updated_at: string;
  /** Quiet hours, Asia/Shanghai `HH:mm`; both null when the lawyer has none. */
  quiet_start: string | null;
  quiet_end: string | null;
  /** Office hours (Asia/Shanghai): ISO weekdays `1,2,3,4,5`, and `HH:mm` start and end. */
  office_days: string;
  office_start: string;
  office_end: string;
  /** 「N 个工作日内回复」; null: no promise. */
  reply_promise_days: number | null;
  /** JSON `ContactSettings`: which contact details clients may see (`{}` before 0006: none). */
  contact: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface InvitesTable {
  id: string;
  kind: 'client' | 'lawyer';
  code_hash: string;
  case_id: string | null;
  intended_name: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  /** The lawyer withdrew the unused invite (0008). */
  revoked_at: string | null;
  revoked_by: string | null;
  /** A redeemed lawyer invite: the admin's decision on the redeemer (null: waiting). Client invites: null. */
  decision: 'confirmed' | 'rejected' | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface CasesTable {
  id: string;
  title: string;
  case_type: string;
  case_number: string | null;
  court: string | null;
  opposing_party: string | null;
  current_stage_index: number;
  created_by: string;
  created_at: string;
  last_activity_at: string;
}

export interface CaseStagesTable {
  case_id: string;
  idx: number;
  name: string;
  description: string;
}

export interface CaseMembersTable extends CommittedByEvent {
  case_id: string;
  user_id: string;
  role: MemberRole;
  joined_at: string;
  invite_id: string | null;
  /** Removed by a lawyer of the case (0008): no access from then on; the row stays as evidence of joining. */
  removed_at: string | null;
  removed_by: string | null;
}

export interface CaseEventsTable {
  case_id: string;
  seq: number;
  at: string;
  actor_id: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyTable {
  subject: string;
  request_id: string;
  action: string;
  payload_hash: string;
  response: string;
  created_at: string;
}

export interface NotificationOutboxTable {
  id: string;
  /** A `NoticeKind` (contract/notice-kinds.ts). */
  kind: string;
  recipient_user_id: string;
  case_id: string;
  /** The record it is about (the page it opens). */
  subject_id: string;
  /** JSON `{ title }`: what the message and the in-app list name. */
  payload: string;
  created_by: string;
  created_at: string;
  /**
   * `pending` (waits for the sender; `not_before` is the earliest it may go), `sending` (in a message:
   * `message_id`, whose row says sent / retrying / dead), `skipped` (not sent: `reason`, e.g. `no_consent`),
   * `inApp` (this deployment sends no WeChat messages).
   */
  status: 'pending' | 'sending' | 'skipped' | 'inApp';
  /** The `NoticeTemplate` of its kind. */
  template: string;
  not_before: string | null;
  message_id: string | null;
  /** Why it waits or was not sent: `quiet_hours`, `no_consent`, `no_openid`, `template_missing`… */
  reason: string | null;
  /** When the recipient saw it in the app (null: unseen, counted in member_case_state.unseen_notices). */
  seen_at: string | null;
}

/** One subscribe message: one or more outbox items for one person and case, handed to WeChat as one. */
export interface NotificationMessagesTable {
  id: string;
  recipient_user_id: string;
  case_id: string;
  template: string;
  template_id: string;
  /** The page it opens, with its query (no leading slash, as WeChat wants it). */
  page: string;
  /** JSON: the template's `data` as sent (`{ thing1: { value } … }`). */
  data: string;
  /** `wechat` or `demo` (recorded, never sent). */
  transport: string;
  /** `sending` (claimed; outcome not yet recorded), `retry` (next try at next_attempt_at), `sent`, `dead`. */
  status: 'sending' | 'retry' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** One-time subscribe consents not yet spent, per user and template id. */
export interface NotifyCreditsTable {
  user_id: string;
  template_id: string;
  credits: number;
  updated_at: string;
}

/** Every record type on the kernel (DESIGN §4). A record is published as immutable versions. */
export type RecordKind = 'update' | 'statement' | 'memo' | 'request' | 'task' | 'reply';

export interface RecordsTable {
  id: string;
  case_id: string;
  kind: RecordKind;
  /** For a reply: the record it answers (a request, a task); null otherwise. */
  parent_id: string | null;
  created_by: string;
  created_at: string;
  /** Pointer to the newest version (null and 0 before the first); the versions themselves never change. */
  current_version_id: string | null;
  current_version_no: number;
  current_version_at: string | null;
}

export interface RecordVersionsTable extends CommittedByEvent {
  id: string;
  record_id: string;
  version_no: number;
  /** Shown in lists; also inside `content`. */
  title: string;
  excerpt: string;
  /** The feature's own content as JSON (what the reader sees). */
  content: string;
  /** The canonical JSON that was hashed (RFC 8785), and its SHA-256. */
  canonical: string;
  content_hash: string;
  /** Why this version replaced the previous one (correction reason, change note). */
  note: string | null;
  promise_warnings: string;
  author_id: string;
  /** The author's name and role as they were when the version was published. */
  author_name: string;
  author_role: MemberRole;
  published_at: string;
}

export interface RecordViewsTable extends CommittedByEvent {
  version_id: string;
  user_id: string;
  record_id: string;
  role: MemberRole;
  viewed_at: string;
  request_id: string | null;
  client_info: string | null;
  source_ip: string | null;
}

export type ResponseKind = 'acknowledged' | 'disputed';

export interface RecordResponsesTable extends CommittedByEvent {
  id: string;
  record_id: string;
  version_id: string;
  version_no: number;
  user_id: string;
  user_name: string;
  role: MemberRole;
  kind: ResponseKind;
  /** Required for a dispute. */
  reason: string | null;
  /** The item a dispute names (a memo's conclusion); null for the whole record. */
  item_id: string | null;
  content_hash: string;
  responded_at: string;
  request_id: string;
  client_info: string | null;
  source_ip: string | null;
}

export interface RecordDraftsTable {
  record_id: string;
  /** Drafts are working copies, edited in place: only published versions are evidence. */
  content: string;
  updated_by: string;
  updated_at: string;
}

export interface RecordQuestionsTable extends CommittedByEvent {
  id: string;
  record_id: string;
  version_id: string;
  version_no: number;
  item_id: string;
  item_text: string;
  asked_by: string;
  asked_by_name: string;
  question: string;
  asked_at: string;
}

export interface RecordAnswersTable extends CommittedByEvent {
  question_id: string;
  record_id: string;
  answer: string;
  answered_by: string;
  answered_by_name: string;
  answered_at: string;
  /** JSON: the promise-guard warnings found in the answer when it was sent (`[]` for answers before 0004). */
  promise_warnings: string;
}

/** A read model per member of a case, maintained in the transactions that change it. */
export interface MemberCaseStateTable {
  case_id: string;
  user_id: string;
  /** Updates by others whose current version this member has not read. */
  unread_updates: number;
  last_activity_at: string;
  /** Notices for this member on this case not yet seen in the app. */
  unseen_notices: number;
}

/** The firm log: one entry per case head as sealed, chained across all cases (DESIGN §4). */
export interface FirmLogTable {
  seq: number;
  at: string;
  case_id: string;
  case_seq: number;
  case_head: string;
  prev_hash: string;
  hash: string;
}

/** RFC 3161 tokens over firm-log heads. */
export interface FirmTimestampsTable {
  firm_seq: number;
  firm_head: string;
  tsa_url: string;
  /** Base64 of the DER TimeStampToken. */
  token: string;
  gen_time: string;
  serial: string;
  created_at: string;
}

/**
 * Rate-limit counters (server/core/rate-limit.ts): not evidence. A refused attempt adds to its counter by design
 * (that is how it is counted), so a "refused input changes nothing" check leaves this table out.
 */
export interface RateLimitHitsTable {
  /** `<action>:<account|address>:<window seconds>`. */
  rule: string;
  /** SHA-256 of the subject or the source address: the table holds neither in clear. */
  key_hash: string;
  window_start: string;
  expires_at: string;
  hits: number;
}

/**
 * Each time a person agrees to, withdraws from, or deletes their account under the privacy notice (0009). Rows
 * are appended; the newest (`seq`) is the person's standing.
 */
export interface PrivacyConsentsTable {
  user_id: string;
  /** 1, 2, 3 … per user. */
  seq: number;
  kind: 'consent' | 'withdraw' | 'delete';
  /** The notice version shown (contract/privacy-version.ts). */
  version: string;
  at: string;
  request_id: string;
}
