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
  updates: UpdatesTable;
  update_versions: UpdateVersionsTable;
  read_receipts: ReadReceiptsTable;
  case_events: CaseEventsTable;
  idempotency: IdempotencyTable;
  statements: StatementsTable;
  statement_drafts: StatementDraftsTable;
  statement_versions: StatementVersionsTable;
  statement_views: StatementViewsTable;
  acknowledgments: AcknowledgmentsTable;
  statement_questions: StatementQuestionsTable;
  statement_answers: StatementAnswersTable;
  notification_outbox: NotificationOutboxTable;
}

export interface UsersTable {
  id: string;
  /** Who the platform says this is: `wx:<openid>` from WeChat, `dev:<key>` for dev personas. */
  subject: string;
  display_name: string;
  is_admin: number;
  is_lawyer: number;
  created_at: string;
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

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  role: 'lawyer' | 'client';
  joined_at: string;
  invite_id: string | null;
}

export interface UpdatesTable {
  id: string;
  case_id: string;
  created_by: string;
  created_at: string;
  /** Pointer to the newest version; the versions themselves are never modified. */
  current_version_id: string;
  current_version_no: number;
  current_version_at: string;
}

export interface UpdateVersionsTable {
  id: string;
  update_id: string;
  version_no: number;
  title: string;
  body: string;
  next_steps: string | null;
  risks: string | null;
  stage_index: number | null;
  stage_name: string | null;
  reason: string | null;
  canonical: string;
  content_hash: string;
  created_by: string;
  created_at: string;
}

export interface ReadReceiptsTable {
  version_id: string;
  user_id: string;
  update_id: string;
  read_at: string;
  request_id: string;
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

export interface StatementsTable {
  id: string;
  case_id: string;
  created_by: string;
  created_at: string;
  /** 0 until the first version is published. */
  current_version_no: number;
  current_version_id: string | null;
}

export interface StatementDraftsTable {
  statement_id: string;
  /** The draft's StatementContent as JSON; drafts are working copies, edited in place. */
  content: string;
  updated_by: string;
  updated_at: string;
}

export interface StatementVersionsTable {
  id: string;
  statement_id: string;
  version_no: number;
  content: string;
  canonical: string;
  content_hash: string;
  change_note: string | null;
  promise_warnings: string;
  published_by: string;
  published_at: string;
}

export interface StatementViewsTable {
  version_id: string;
  user_id: string;
  statement_id: string;
  viewed_at: string;
}

export interface AcknowledgmentsTable {
  id: string;
  statement_id: string;
  version_id: string;
  version_no: number;
  user_id: string;
  role: string;
  content_hash: string;
  acknowledged_at: string;
  request_id: string;
  client_info: string | null;
  source_ip: string | null;
}

export interface StatementQuestionsTable {
  id: string;
  statement_id: string;
  version_id: string;
  version_no: number;
  item_id: string;
  item_text: string;
  asked_by: string;
  question: string;
  asked_at: string;
}

export interface StatementAnswersTable {
  question_id: string;
  answer: string;
  answered_by: string;
  answered_at: string;
}

export interface NotificationOutboxTable {
  id: string;
  kind: string;
  recipient_user_id: string;
  case_id: string;
  /** What the notification is about (a statement id for reminders). */
  subject_id: string;
  payload: string;
  created_by: string;
  created_at: string;
  status: string;
}
