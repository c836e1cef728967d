import type {
  ClientStatus,
  Question,
  Receipt,
  StatementContent,
  StatementDetail,
  StatementSummary,
  StatementVersionMeta,
} from '../../contract/statements';
import { MEMBER_ROLES, type MemberRole } from '../../contract/roles';
import { takePage, type PagePosition } from '../core/paging';
import type { ChainPosition } from '../evidence/evidence.store';
import { caseClients, clientCounts } from '../cases/cases.store';
import type { Db } from '../platform/migrate';
import { deliveryOf } from '../notifications/delivery';
import { changesMeasuredFrom, seesOthersEvidence, seesUnpublished, standing } from '../records/records.rules';
import {
  acknowledgedByClients,
  caseOfRecord,
  loadDrafts,
  loadVersions,
  responsesTo,
  viewsOf,
  type StoredResponse,
  type StoredVersion,
} from '../records/records.store';
import { diffVersions, statementPromiseWarnings } from './statements.rules';

/*
 * Statement read models. Each is a fixed number of set-based queries, whatever the number of clients or
 * statements (tests count them): no query per client or per statement.
 */

export interface Viewer {
  userId: string;
  role: MemberRole;
}

export const caseOfStatement = (db: Db, statementId: string) => caseOfRecord(db, statementId, 'statement');

export async function caseOfQuestion(db: Db, questionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('record_questions as q')
    .innerJoin('records as r', 'r.id', 'q.record_id')
    .select('r.case_id')
    .where('q.id', '=', questionId)
    .where('r.kind', '=', 'statement')
    .executeTakeFirst();
  return row?.case_id ?? null;
}

export function toReceipt(r: StoredResponse): Receipt {
  return {
    acknowledgmentId: r.id,
    statementId: r.recordId,
    userId: r.userId,
    displayName: r.userName,
    versionNo: r.versionNo,
    acknowledgedAt: r.respondedAt,
    contentHash: r.contentHash,
    chain: r.chain,
  };
}

const acknowledged = (r: StoredResponse) => r.kind === 'acknowledged';

export async function listQuestions(db: Db, statementId: string, questionId?: string): Promise<Question[]> {
  let query = db
    .selectFrom('record_questions as q')
    .innerJoin('records as r', 'r.id', 'q.record_id')
    .leftJoin('record_answers as a', 'a.question_id', 'q.id')
    .leftJoin('case_events as qe', (j) =>
      j.onRef('qe.case_id', '=', 'r.case_id').onRef('qe.seq', '=', 'q.event_seq'),
    )
    .leftJoin('case_events as ae', (j) =>
      j.onRef('ae.case_id', '=', 'r.case_id').onRef('ae.seq', '=', 'a.event_seq'),
    )
    .select([
      'q.id',
      'q.event_seq as question_seq',
      'qe.hash as question_head',
      'a.event_seq as answer_seq',
      'ae.hash as answer_head',
      'q.version_no',
      'q.item_id',
      'q.item_text',
      'q.asked_by',
      'q.asked_by_name',
      'q.question',
      'q.asked_at',
      'a.answer',
      'a.answered_at',
      'a.answered_by_name',
    ])
    .where('q.record_id', '=', statementId)
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
    chain: positionFrom(q.question_seq, q.question_head),
    answer:
      q.answer && q.answered_at
        ? {
            text: q.answer,
            answeredByName: q.answered_by_name ?? '',
            answeredAt: q.answered_at,
            chain: positionFrom(q.answer_seq, q.answer_head),
          }
        : null,
  }));
}

const positionFrom = (seq: number | null, head: string | null): ChainPosition | null =>
  seq !== null && head ? { seq: Number(seq), head } : null;

export async function findQuestion(db: Db, questionId: string) {
  return db
    .selectFrom('record_questions as q')
    .leftJoin('record_answers as a', 'a.question_id', 'q.id')
    .select(['q.id', 'q.record_id', 'q.asked_by', 'a.question_id as answered'])
    .where('q.id', '=', questionId)
    .executeTakeFirst();
}

/** When each of the given clients was last reminded of the statement: one query. */
export async function lastRemindersAt(db: Db, statementId: string, clientIds?: string[]) {
  let query = db
    .selectFrom('notification_outbox')
    .select(['recipient_user_id', (e) => e.fn.max('created_at').as('at')])
    .where('kind', '=', 'statement.reminder')
    .where('subject_id', '=', statementId)
    .groupBy('recipient_user_id');
  if (clientIds) {
    if (clientIds.length === 0) return new Map<string, string>();
    query = query.where('recipient_user_id', 'in', clientIds);
  }
  return new Map((await query.execute()).map((r) => [r.recipient_user_id, String(r.at)]));
}

/**
 * The newest reminder of the statement to each client, with the message that carries it (if any): one query for
 * any number of clients.
 */
export async function latestReminders(db: Db, statementId: string) {
  const rows = await db
    .selectFrom('notification_outbox as o')
    .leftJoin('notification_messages as m', 'm.id', 'o.message_id')
    .select([
      'o.recipient_user_id',
      'o.created_at',
      'o.status',
      'o.reason',
      'o.not_before',
      'm.status as message_status',
      'm.next_attempt_at',
      'm.sent_at',
      'm.last_error',
    ])
    .where('o.kind', '=', 'statement.reminder')
    .where('o.subject_id', '=', statementId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notification_outbox as newer')
            .select('newer.id')
            .where('newer.kind', '=', 'statement.reminder')
            .whereRef('newer.subject_id', '=', 'o.subject_id')
            .whereRef('newer.recipient_user_id', '=', 'o.recipient_user_id')
            .where((eb) =>
              eb.or([
                eb('newer.created_at', '>', eb.ref('o.created_at')),
                eb.and([
                  eb('newer.created_at', '=', eb.ref('o.created_at')),
                  eb('newer.id', '>', eb.ref('o.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [r.recipient_user_id, r]));
}

/** Each client of the case and where they stand with the current version: four queries for any number. */
async function clientStatuses(
  db: Db,
  caseId: string,
  statementId: string,
  current: { id: string; versionNo: number } | null,
  responses: StoredResponse[],
  now: string,
): Promise<ClientStatus[]> {
  const clients = await caseClients(db, caseId);
  const views = new Map((current ? await viewsOf(db, [current.id]) : []).map((v) => [v.userId, v.viewedAt]));
  const reminders = await latestReminders(db, statementId);
  const acknowledgmentsBy = new Map<string, StoredResponse[]>();
  for (const r of responses) {
    if (!acknowledged(r)) continue;
    const list = acknowledgmentsBy.get(r.userId);
    if (list) list.push(r);
    else acknowledgmentsBy.set(r.userId, [r]);
  }
  return clients.map((c) => {
    const mine = acknowledgmentsBy.get(c.user_id) ?? [];
    const receipt = current ? (mine.find((r) => r.versionId === current.id) ?? null) : null;
    const viewedAt = views.get(c.user_id) ?? null;
    const reminder = reminders.get(c.user_id);
    return {
      userId: c.user_id,
      displayName: c.display_name,
      state: standing({ acknowledged: !!receipt, viewed: viewedAt !== null }),
      receipt: receipt && toReceipt(receipt),
      viewedAt: receipt ? null : viewedAt,
      lastAcknowledgedVersionNo: mine.length ? Math.max(...mine.map((r) => r.versionNo)) : null,
      lastRemindedAt: reminder?.created_at ?? null,
      lastReminderDelivery: reminder
        ? deliveryOf(
            reminder,
            reminder.message_status && reminder.next_attempt_at
              ? { ...reminder, status: reminder.message_status, next_attempt_at: reminder.next_attempt_at }
              : null,
            now,
          )
        : null,
      openQuestionsAtAck: 0,
    };
  });
}

const versionMeta = (v: StoredVersion<StatementContent>): StatementVersionMeta => ({
  versionNo: v.versionNo,
  publishedAt: v.publishedAt,
  publishedByName: v.authorName,
  changeNote: v.note,
  contentHash: v.contentHash,
  promiseWarnings: v.promiseWarnings,
});

export async function getStatementDetail(
  db: Db,
  statementId: string,
  viewer: Viewer,
  /** What "deferred" is measured against (the request's time). */
  now: string,
): Promise<StatementDetail> {
  const s = await db
    .selectFrom('records as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.case_id', 'c.title as case_title'])
    .where('s.id', '=', statementId)
    .executeTakeFirstOrThrow();
  const versions = await loadVersions<StatementContent>(db, statementId);
  const current = versions[0] ?? null;
  const seesAll = seesOthersEvidence(viewer.role);
  const responses = await responsesTo(db, [statementId], seesAll ? undefined : viewer.userId);
  const myResponses = responses.filter((r) => r.userId === viewer.userId);
  const myReceipt = current
    ? (myResponses.find((r) => r.versionId === current.id && acknowledged(r)) ?? null)
    : null;

  let changesSinceMyAck: StatementDetail['changesSinceMyAck'] = null;
  if (current && !seesAll) {
    const from = changesMeasuredFrom({ currentVersionNo: current.versionNo, responses: myResponses });
    const acked = from !== null ? versions.find((v) => v.versionNo === from) : undefined;
    if (acked) changesSinceMyAck = diffVersions(acked, current);
  }

  const detail: StatementDetail = {
    id: s.id,
    caseId: s.case_id,
    caseTitle: s.case_title,
    current: current ? { ...versionMeta(current), content: current.content } : null,
    versions: versions.map(versionMeta),
    myReceipt: myReceipt && toReceipt(myReceipt),
    changesSinceMyAck,
    questions: await listQuestions(db, statementId),
  };
  if (seesUnpublished(viewer.role)) {
    const draft = (await loadDrafts<StatementContent>(db, [statementId])).get(statementId);
    detail.draft = draft ? { ...draft, promiseWarnings: statementPromiseWarnings(draft.content) } : null;
  }
  if (seesAll) {
    detail.clients = (await clientStatuses(db, s.case_id, statementId, current, responses, now)).map((c) => ({
      ...c,
      openQuestionsAtAck: c.receipt ? openAt(detail.questions, c.userId, c.receipt.acknowledgedAt) : 0,
    }));
    detail.acknowledgments = responses.filter(acknowledged).map(toReceipt);
  }
  return detail;
}

/** How many of a client's questions were asked by `at` and not yet answered at that moment. */
function openAt(questions: Question[], userId: string, at: string): number {
  return questions.filter(
    (q) => q.askedBy === userId && q.askedAt <= at && (!q.answer || q.answer.answeredAt > at),
  ).length;
}

/**
 * A page of the statements of one case, or of every case the user is a client of, as the user sees them: newest
 * first, keyset-paged on (created_at, id). A statement only a lawyer may see yet (no published version) is left
 * out in SQL, so a page is never short of rows the caller could see.
 */
export async function listStatementSummaries(
  db: Db,
  userId: string,
  filter: { caseId: string } | { clientOfAnyCase: true },
  page: { after: PagePosition | null; limit: number },
): Promise<{ statements: StatementSummary[]; nextCursor: string | null }> {
  const unpublishedSeenBy = MEMBER_ROLES.filter(seesUnpublished);
  let query = db
    .selectFrom('records as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('case_members as m', (j) =>
      j.onRef('m.case_id', '=', 's.case_id').on('m.user_id', '=', userId).on('m.removed_at', 'is', null),
    )
    .leftJoin('record_versions as v', 'v.id', 's.current_version_id')
    .select([
      's.id',
      's.case_id',
      'c.title as case_title',
      's.created_at',
      's.current_version_no',
      's.current_version_id',
      'v.title',
      'v.published_at',
      'm.role',
    ])
    .where('s.kind', '=', 'statement')
    .where((e) =>
      unpublishedSeenBy.length
        ? e.or([e('s.current_version_id', 'is not', null), e('m.role', 'in', unpublishedSeenBy)])
        : e('s.current_version_id', 'is not', null),
    )
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(page.limit + 1);
  const after = page.after;
  if (after) {
    query = query.where((e) =>
      e.or([
        e('s.created_at', '<', after.createdAt),
        e.and([e('s.created_at', '=', after.createdAt), e('s.id', '<', after.id)]),
      ]),
    );
  }
  if ('caseId' in filter) query = query.where('s.case_id', '=', filter.caseId);
  else query = query.where('m.role', '=', 'client');
  const { rows, nextCursor } = takePage(await query.execute(), page.limit, (r) => ({
    createdAt: r.created_at,
    id: r.id,
  }));
  if (rows.length === 0) return { statements: [], nextCursor };

  const ids = rows.map((r) => r.id);
  const workingRows = rows.filter((r) => seesUnpublished(r.role));
  const drafts = await loadDrafts<StatementContent>(
    db,
    workingRows.map((r) => r.id),
  );
  const openQuestions = new Map(
    (
      await db
        .selectFrom('record_questions as q')
        .leftJoin('record_answers as a', 'a.question_id', 'q.id')
        .select(['q.record_id', (e) => e.fn.countAll<number>().as('n')])
        .where('q.record_id', 'in', ids)
        .where('a.question_id', 'is', null)
        .groupBy('q.record_id')
        .execute()
    ).map((r) => [r.record_id, Number(r.n)]),
  );
  const currentIds = rows.flatMap((r) => (r.current_version_id ? [r.current_version_id] : []));
  const ownRows = rows.filter((r) => !seesOthersEvidence(r.role));
  const myResponses = ownRows.length
    ? await responsesTo(
        db,
        ownRows.map((r) => r.id),
        userId,
      )
    : [];
  const myViews = ownRows.length ? await viewsOf(db, currentIds, userId) : [];
  const overseen = rows.filter((r) => seesOthersEvidence(r.role));
  const clientsPerCase = await clientCounts(
    db,
    overseen.map((r) => r.case_id),
  );
  const ackCounts = await acknowledgedByClients(
    db,
    overseen.flatMap((r) => r.current_version_id ?? []),
  );

  const statements = rows.map((r) => {
    const draft = drafts.get(r.id);
    const summary: StatementSummary = {
      id: r.id,
      caseId: r.case_id,
      caseTitle: r.case_title,
      title: r.title ?? draft?.content.title ?? '预期与风险告知书',
      versionNo: Number(r.current_version_no),
      publishedAt: r.published_at,
      hasDraft: !!draft,
      myState: null,
      myReceipt: null,
      openQuestions: openQuestions.get(r.id) ?? 0,
    };
    if (seesOthersEvidence(r.role)) {
      summary.clientCount = clientsPerCase.get(r.case_id) ?? 0;
      summary.acknowledgedCount = r.current_version_id ? (ackCounts.get(r.current_version_id) ?? 0) : 0;
    } else if (r.current_version_id) {
      const receipt = myResponses.find((x) => x.versionId === r.current_version_id && acknowledged(x));
      summary.myReceipt = receipt ? toReceipt(receipt) : null;
      summary.myState = standing({
        acknowledged: !!receipt,
        viewed: myViews.some((w) => w.versionId === r.current_version_id),
      });
    }
    return summary;
  });
  return { statements, nextCursor };
}
