import type {
  ClientStatus,
  Question,
  Receipt,
  StatementContent,
  StatementDetail,
  StatementSummary,
  StatementVersionMeta,
} from '../../contract/statements';
import type { PromiseWarning } from '../../contract/promise-guard';
import type { MemberRole } from '../../contract/cases';
import { canonicalJson, newId, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import { diffVersions, statementEvidence, statementPromiseWarnings } from './statements.rules';

export interface Viewer {
  userId: string;
  role: MemberRole;
}

export async function caseOfStatement(db: Db, statementId: string): Promise<string | null> {
  const row = await db
    .selectFrom('statements')
    .select('case_id')
    .where('id', '=', statementId)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

export async function caseOfQuestion(db: Db, questionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('statement_questions as q')
    .innerJoin('statements as s', 's.id', 'q.statement_id')
    .select('s.case_id')
    .where('q.id', '=', questionId)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

export async function findStatement(db: Db, statementId: string) {
  return db.selectFrom('statements').selectAll().where('id', '=', statementId).executeTakeFirstOrThrow();
}

export async function insertStatement(
  db: Db,
  s: { id: string; caseId: string; createdBy: string; now: string },
) {
  await db
    .insertInto('statements')
    .values({
      id: s.id,
      case_id: s.caseId,
      created_by: s.createdBy,
      created_at: s.now,
      current_version_no: 0,
      current_version_id: null,
    })
    .execute();
}

export async function saveDraft(
  db: Db,
  statementId: string,
  content: StatementContent,
  userId: string,
  now: string,
) {
  const values = { content: JSON.stringify(content), updated_by: userId, updated_at: now };
  await db
    .insertInto('statement_drafts')
    .values({ statement_id: statementId, ...values })
    .onConflict((oc) => oc.column('statement_id').doUpdateSet(values))
    .execute();
}

export async function loadDraft(db: Db, statementId: string) {
  const row = await db
    .selectFrom('statement_drafts')
    .select(['content', 'updated_at'])
    .where('statement_id', '=', statementId)
    .executeTakeFirst();
  return row ? { content: JSON.parse(row.content) as StatementContent, updatedAt: row.updated_at } : null;
}

export async function deleteDraft(db: Db, statementId: string) {
  await db.deleteFrom('statement_drafts').where('statement_id', '=', statementId).execute();
}

type VersionRow = StatementVersionMeta & { id: string; content: StatementContent };

export async function loadVersions(db: Db, statementId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('statement_versions as v')
    .innerJoin('users as u', 'u.id', 'v.published_by')
    .selectAll('v')
    .select('u.display_name')
    .where('v.statement_id', '=', statementId)
    .orderBy('v.version_no', 'desc')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    versionNo: Number(v.version_no),
    publishedAt: v.published_at,
    publishedByName: v.display_name,
    changeNote: v.change_note,
    contentHash: v.content_hash,
    promiseWarnings: JSON.parse(v.promise_warnings) as PromiseWarning[],
    content: JSON.parse(v.content) as StatementContent,
  }));
}

export async function loadVersion(db: Db, statementId: string, versionNo: number) {
  const row = await db
    .selectFrom('statement_versions')
    .select(['id', 'version_no', 'content', 'content_hash'])
    .where('statement_id', '=', statementId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        versionNo: Number(row.version_no),
        content: JSON.parse(row.content) as StatementContent,
        contentHash: row.content_hash,
      }
    : null;
}

/** Publishes an immutable version and points the statement at it. */
export async function insertVersion(
  db: Db,
  v: {
    caseId: string;
    statementId: string;
    versionNo: number;
    content: StatementContent;
    changeNote: string | null;
    publishedBy: string;
    now: string;
  },
) {
  const canonical = canonicalJson(
    statementEvidence(v.content, {
      caseId: v.caseId,
      statementId: v.statementId,
      versionNo: v.versionNo,
      changeNote: v.changeNote,
    }),
  );
  const id = newId();
  const contentHash = sha256Hex(canonical);
  const warnings = statementPromiseWarnings(v.content);
  await db
    .insertInto('statement_versions')
    .values({
      id,
      statement_id: v.statementId,
      version_no: v.versionNo,
      content: JSON.stringify(v.content),
      canonical,
      content_hash: contentHash,
      change_note: v.changeNote,
      promise_warnings: JSON.stringify(warnings),
      published_by: v.publishedBy,
      published_at: v.now,
    })
    .execute();
  await db
    .updateTable('statements')
    .set({ current_version_no: v.versionNo, current_version_id: id })
    .where('id', '=', v.statementId)
    .execute();
  return { id, contentHash, warnings };
}

export async function recordView(
  db: Db,
  v: { versionId: string; statementId: string; userId: string; now: string },
): Promise<boolean> {
  const result = await db
    .insertInto('statement_views')
    .values({ version_id: v.versionId, statement_id: v.statementId, user_id: v.userId, viewed_at: v.now })
    .onConflict((oc) => oc.columns(['version_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findView(db: Db, versionId: string, userId: string) {
  return db
    .selectFrom('statement_views')
    .select('viewed_at')
    .where('version_id', '=', versionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

const receiptColumns = [
  'a.id',
  'a.statement_id',
  'a.user_id',
  'u.display_name',
  'a.version_no',
  'a.acknowledged_at',
  'a.content_hash',
] as const;

function toReceipt(r: {
  id: string;
  statement_id: string;
  user_id: string;
  display_name: string;
  version_no: number;
  acknowledged_at: string;
  content_hash: string;
}): Receipt {
  return {
    acknowledgmentId: r.id,
    statementId: r.statement_id,
    userId: r.user_id,
    displayName: r.display_name,
    versionNo: Number(r.version_no),
    acknowledgedAt: r.acknowledged_at,
    contentHash: r.content_hash,
  };
}

/** Every acknowledgment of a statement, newest first. */
export async function listReceipts(db: Db, statementId: string, userId?: string): Promise<Receipt[]> {
  let query = db
    .selectFrom('acknowledgments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(receiptColumns)
    .where('a.statement_id', '=', statementId)
    .orderBy('a.acknowledged_at', 'desc')
    .orderBy('a.version_no', 'desc');
  if (userId) query = query.where('a.user_id', '=', userId);
  return (await query.execute()).map(toReceipt);
}

export async function findReceipt(db: Db, versionId: string, userId: string): Promise<Receipt | null> {
  const row = await db
    .selectFrom('acknowledgments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(receiptColumns)
    .where('a.version_id', '=', versionId)
    .where('a.user_id', '=', userId)
    .executeTakeFirst();
  return row ? toReceipt(row) : null;
}

/** Inserts the acknowledgment unless this client already acknowledged this version; returns whether it did. */
export async function insertAcknowledgment(
  db: Db,
  a: {
    statementId: string;
    versionId: string;
    versionNo: number;
    userId: string;
    contentHash: string;
    now: string;
    requestId: string;
    clientInfo: unknown;
    sourceIp: string | null;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('acknowledgments')
    .values({
      id: newId(),
      statement_id: a.statementId,
      version_id: a.versionId,
      version_no: a.versionNo,
      user_id: a.userId,
      role: 'client',
      content_hash: a.contentHash,
      acknowledged_at: a.now,
      request_id: a.requestId,
      client_info: a.clientInfo ? JSON.stringify(a.clientInfo) : null,
      source_ip: a.sourceIp,
    })
    .onConflict((oc) => oc.columns(['version_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listQuestions(db: Db, statementId: string, questionId?: string): Promise<Question[]> {
  let query = db
    .selectFrom('statement_questions as q')
    .innerJoin('users as asker', 'asker.id', 'q.asked_by')
    .leftJoin('statement_answers as a', 'a.question_id', 'q.id')
    .leftJoin('users as answerer', 'answerer.id', 'a.answered_by')
    .select([
      'q.id',
      'q.version_no',
      'q.item_id',
      'q.item_text',
      'q.asked_by',
      'asker.display_name as asked_by_name',
      'q.question',
      'q.asked_at',
      'a.answer',
      'a.answered_at',
      'answerer.display_name as answered_by_name',
    ])
    .where('q.statement_id', '=', statementId)
    .orderBy('q.asked_at');
  if (questionId) query = query.where('q.id', '=', questionId);
  return (await query.execute()).map((q) => ({
    id: q.id,
    versionNo: Number(q.version_no),
    itemId: q.item_id,
    itemText: q.item_text,
    askedBy: q.asked_by,
    askedByName: q.asked_by_name,
    question: q.question,
    askedAt: q.asked_at,
    answer:
      q.answer && q.answered_at
        ? { text: q.answer, answeredByName: q.answered_by_name ?? '', answeredAt: q.answered_at }
        : null,
  }));
}

export async function findQuestion(db: Db, questionId: string) {
  return db.selectFrom('statement_questions').selectAll().where('id', '=', questionId).executeTakeFirst();
}

export async function lastReminderAt(
  db: Db,
  statementId: string,
  clientUserId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('notification_outbox')
    .select('created_at')
    .where('kind', '=', 'statement.reminder')
    .where('subject_id', '=', statementId)
    .where('recipient_user_id', '=', clientUserId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** Each client of the case and where they stand with the current version. */
export async function clientStatuses(
  db: Db,
  caseId: string,
  statementId: string,
  currentVersionId: string | null,
): Promise<ClientStatus[]> {
  const clients = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.role', '=', 'client')
    .orderBy('m.joined_at')
    .execute();
  const statuses: ClientStatus[] = [];
  for (const c of clients) {
    const receipt = currentVersionId ? await findReceipt(db, currentVersionId, c.user_id) : null;
    const view = currentVersionId && !receipt ? await findView(db, currentVersionId, c.user_id) : undefined;
    const [latest] = await listReceipts(db, statementId, c.user_id);
    statuses.push({
      userId: c.user_id,
      displayName: c.display_name,
      state: receipt ? 'acknowledged' : view ? 'viewed' : 'unread',
      receipt,
      viewedAt: view?.viewed_at ?? null,
      lastAcknowledgedVersionNo: latest?.versionNo ?? null,
      lastRemindedAt: await lastReminderAt(db, statementId, c.user_id),
    });
  }
  return statuses;
}

export async function getStatementDetail(
  db: Db,
  statementId: string,
  viewer: Viewer,
): Promise<StatementDetail> {
  const s = await db
    .selectFrom('statements as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.case_id', 's.current_version_id', 'c.title as case_title'])
    .where('s.id', '=', statementId)
    .executeTakeFirstOrThrow();
  const versions = await loadVersions(db, statementId);
  const current = versions[0] ?? null;
  const myReceipt = current ? await findReceipt(db, current.id, viewer.userId) : null;

  let changesSinceMyAck: StatementDetail['changesSinceMyAck'] = null;
  if (viewer.role === 'client' && current && !myReceipt) {
    const [lastAck] = await listReceipts(db, statementId, viewer.userId);
    const acked = lastAck && versions.find((v) => v.versionNo === lastAck.versionNo);
    if (acked) changesSinceMyAck = diffVersions(acked, current);
  }

  const meta = (v: VersionRow): StatementVersionMeta => ({
    versionNo: v.versionNo,
    publishedAt: v.publishedAt,
    publishedByName: v.publishedByName,
    changeNote: v.changeNote,
    contentHash: v.contentHash,
    promiseWarnings: v.promiseWarnings,
  });
  const detail: StatementDetail = {
    id: s.id,
    caseId: s.case_id,
    caseTitle: s.case_title,
    current: current ? { ...meta(current), content: current.content } : null,
    versions: versions.map(meta),
    myReceipt,
    changesSinceMyAck,
    questions: await listQuestions(db, statementId),
  };
  if (viewer.role === 'lawyer') {
    const draft = await loadDraft(db, statementId);
    detail.draft = draft ? { ...draft, promiseWarnings: statementPromiseWarnings(draft.content) } : null;
    detail.clients = await clientStatuses(db, s.case_id, statementId, s.current_version_id);
    detail.acknowledgments = await listReceipts(db, statementId);
  }
  return detail;
}

/** Statements of the given cases as the viewer sees them; clients see published ones only. */
export async function listStatementSummaries(
  db: Db,
  userId: string,
  filter: { caseId: string; role: MemberRole } | { clientOfAnyCase: true },
): Promise<StatementSummary[]> {
  let query = db
    .selectFrom('statements as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('case_members as m', (j) =>
      j.onRef('m.case_id', '=', 's.case_id').on('m.user_id', '=', userId),
    )
    .leftJoin('statement_versions as v', 'v.id', 's.current_version_id')
    .select([
      's.id',
      's.case_id',
      'c.title as case_title',
      's.current_version_no',
      's.current_version_id',
      'v.content',
      'v.published_at',
      'm.role',
    ])
    .orderBy('s.created_at', 'desc');
  if ('caseId' in filter) query = query.where('s.case_id', '=', filter.caseId);
  else query = query.where('m.role', '=', 'client');
  const rows = await query.execute();

  const out: StatementSummary[] = [];
  for (const r of rows) {
    const isClient = r.role === 'client';
    if (isClient && !r.current_version_id) continue;
    const draft = isClient ? null : await loadDraft(db, r.id);
    const title = r.content
      ? (JSON.parse(r.content) as StatementContent).title
      : (draft?.content.title ?? '预期与风险告知');
    const questions = await listQuestions(db, r.id);
    const summary: StatementSummary = {
      id: r.id,
      caseId: r.case_id,
      caseTitle: r.case_title,
      title,
      versionNo: Number(r.current_version_no),
      publishedAt: r.published_at,
      hasDraft: !!draft,
      myState: null,
      myReceipt: null,
      openQuestions: questions.filter((q) => !q.answer).length,
    };
    if (isClient && r.current_version_id) {
      summary.myReceipt = await findReceipt(db, r.current_version_id, userId);
      summary.myState = summary.myReceipt
        ? 'acknowledged'
        : (await findView(db, r.current_version_id, userId))
          ? 'viewed'
          : 'unread';
    } else if (!isClient) {
      const statuses = await clientStatuses(db, r.case_id, r.id, r.current_version_id);
      summary.clientCount = statuses.length;
      summary.acknowledgedCount = statuses.filter((st) => st.state === 'acknowledged').length;
    }
    out.push(summary);
  }
  return out;
}
