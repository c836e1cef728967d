/**
 * Client requests' read model on the record kernel: a request is a record of kind 'request' (one version, the
 * client's), its answer a record of kind 'reply' whose parent is the request (one version, the lawyer's).
 * Reading any number of requests is a fixed number of queries (two at most): no query per request.
 */
import type { ClientRequest } from '../../contract/requests';
import type { ChainPosition } from '../evidence/evidence.store';
import { takePage, type PagePosition } from '../core/paging';
import type { Db } from '../platform/migrate';
import {
  caseOfRecord,
  findRecord,
  loadVersion,
  type RecordRow,
  type StoredVersion,
} from '../records/records.store';
import type { StoredReplyContent, StoredRequestContent } from '../records/record-kinds';
import { findLawyerProfile } from '../session/users.store';
import {
  compareRequests,
  DEFAULT_REPLY_TERMS,
  isOverdue,
  requestStatus,
  type ReplyTerms,
} from './requests.rules';

export const caseOfRequest = (db: Db, requestId: string) => caseOfRecord(db, requestId, 'request');

/** Which requests to read: one case's (optionally only one asker's), or one request. */
export type RequestFilter = { caseId: string; askedBy?: string } | { requestId: string };

/**
 * A page of one case's requests (optionally only one asker's): the page is cut newest first on the request's
 * (created_at, id), then read whole; within the page, list order (open ones first, oldest first).
 */
export async function loadRequestPage(
  db: Db,
  filter: { caseId: string; askedBy?: string },
  page: { after: PagePosition | null; limit: number },
  now: string,
): Promise<{ requests: ClientRequest[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('records as r')
    .select(['r.id', 'r.created_at'])
    .where('r.case_id', '=', filter.caseId)
    .where('r.kind', '=', 'request')
    .where('r.current_version_id', 'is not', null)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit + 1);
  if (filter.askedBy) query = query.where('r.created_by', '=', filter.askedBy);
  const after = page.after;
  if (after) {
    query = query.where((e) =>
      e.or([
        e('r.created_at', '<', after.createdAt),
        e.and([e('r.created_at', '=', after.createdAt), e('r.id', '<', after.id)]),
      ]),
    );
  }
  const { rows, nextCursor } = takePage(await query.execute(), page.limit, (r) => ({
    createdAt: r.created_at,
    id: r.id,
  }));
  if (rows.length === 0) return { requests: [], nextCursor };
  return { requests: await loadRequests(db, { requestIds: rows.map((r) => r.id) }, now), nextCursor };
}

/** The requests matching the filter with their answers, in list order, as of `now`: two queries at most. */
export async function loadRequests(
  db: Db,
  filter: RequestFilter | { requestIds: string[] },
  now: string,
): Promise<ClientRequest[]> {
  let query = db
    .selectFrom('records as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .leftJoin('case_events as ve', (j) =>
      j.onRef('ve.case_id', '=', 'r.case_id').onRef('ve.seq', '=', 'v.event_seq'),
    )
    .leftJoin('records as a', (j) => j.onRef('a.parent_id', '=', 'r.id').on('a.kind', '=', 'reply'))
    .leftJoin('record_versions as av', 'av.id', 'a.current_version_id')
    .leftJoin('case_events as ae', (j) =>
      j.onRef('ae.case_id', '=', 'r.case_id').onRef('ae.seq', '=', 'av.event_seq'),
    )
    // The asker's first view of the answer is their read receipt.
    .leftJoin('record_views as w', (j) =>
      j.onRef('w.version_id', '=', 'av.id').onRef('w.user_id', '=', 'r.created_by'),
    )
    .select([
      'r.id',
      'r.case_id',
      'c.title as case_title',
      'r.created_by',
      'r.created_at',
      'v.content',
      'v.content_hash',
      'v.author_name',
      'v.event_seq',
      've.hash as event_hash',
      'av.content as answer_content',
      'av.content_hash as answer_hash',
      'av.author_name as answer_author_name',
      'av.published_at as answered_at',
      'av.event_seq as answer_seq',
      'ae.hash as answer_event_hash',
      'w.viewed_at as read_at',
    ])
    .where('r.kind', '=', 'request');
  if ('requestId' in filter) {
    query = query.where('r.id', '=', filter.requestId);
  } else if ('requestIds' in filter) {
    query = query.where('r.id', 'in', filter.requestIds);
  } else {
    query = query.where('r.case_id', '=', filter.caseId);
    if (filter.askedBy) query = query.where('r.created_by', '=', filter.askedBy);
  }
  const rows = await query.execute();
  const contents = new Map(rows.map((r) => [r.id, JSON.parse(r.content) as StoredRequestContent]));
  const titles = await updateTitles(db, [
    ...new Set([...contents.values()].flatMap((c) => (c.aboutUpdateId ? [c.aboutUpdateId] : []))),
  ]);
  const requests = rows.map((r): ClientRequest => {
    const content = contents.get(r.id)!;
    const answer =
      r.answer_content && r.answer_hash && r.answered_at
        ? (JSON.parse(r.answer_content) as StoredReplyContent)
        : null;
    const status = requestStatus(answer ? answerKindOf(answer) : null);
    const aboutTitle = content.aboutUpdateId ? titles.get(content.aboutUpdateId) : undefined;
    return {
      id: r.id,
      caseId: r.case_id,
      caseTitle: r.case_title,
      category: content.category,
      body: content.body,
      aboutUpdate:
        content.aboutUpdateId && aboutTitle !== undefined
          ? { id: content.aboutUpdateId, title: aboutTitle }
          : null,
      askedBy: r.created_by,
      askedByName: r.author_name,
      askedAt: r.created_at,
      contentHash: r.content_hash,
      chain: position(r.event_seq, r.event_hash),
      promisedBy: content.promisedBy,
      status,
      overdue: isOverdue({ status, promisedBy: content.promisedBy, now }),
      answer: answer
        ? {
            kind: answerKindOf(answer),
            text: answer.text ?? '',
            dueBy: answer.dueBy,
            answeredByName: r.answer_author_name ?? '',
            answeredAt: r.answered_at!,
            contentHash: r.answer_hash!,
            chain: position(r.answer_seq, r.answer_event_hash),
            readAt: r.read_at ?? null,
          }
        : null,
    };
  });
  return requests.sort((a, b) =>
    compareRequests(
      { ...a, answeredAt: a.answer?.answeredAt ?? null },
      { ...b, answeredAt: b.answer?.answeredAt ?? null },
    ),
  );
}

export async function loadRequest(db: Db, requestId: string, now: string): Promise<ClientRequest | null> {
  const [request] = await loadRequests(db, { requestId }, now);
  return request ?? null;
}

/** A request's answer is a reply record whose act is 答复, 接受 or 拒绝 (tasks' acts never answer a request). */
function answerKindOf(reply: StoredReplyContent): 'reply' | 'accept' | 'decline' {
  if (reply.act === 'reply' || reply.act === 'accept' || reply.act === 'decline') return reply.act;
  throw new Error(`a request's answer cannot be a '${reply.act}'`);
}

const position = (seq: number | null, head: string | null): ChainPosition | null =>
  seq !== null && head ? { seq: Number(seq), head } : null;

/** Current titles of the given updates: one query. */
async function updateTitles(db: Db, updateIds: string[]): Promise<Map<string, string>> {
  if (updateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('records as u')
    .innerJoin('record_versions as v', 'v.id', 'u.current_version_id')
    .select(['u.id', 'v.title'])
    .where('u.id', 'in', updateIds)
    .where('u.kind', '=', 'update')
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Whether the update is published in the case (a request may only be about one the client can see). */
export async function isPublishedUpdateOf(db: Db, caseId: string, updateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('records')
    .select('id')
    .where('id', '=', updateId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'update')
    .where('current_version_id', 'is not', null)
    .executeTakeFirst();
  return !!row;
}

/** The request's answer (its reply record and that record's one version), if it has one. */
export async function findAnswer(
  db: Db,
  requestId: string,
): Promise<{ record: RecordRow; version: StoredVersion<StoredReplyContent> } | null> {
  const row = await db
    .selectFrom('records')
    .select('id')
    .where('parent_id', '=', requestId)
    .where('kind', '=', 'reply')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!row) return null;
  const record = await findRecord(db, row.id);
  const version = await loadVersion<StoredReplyContent>(db, record.id, record.currentVersionNo);
  return version ? { record, version } : null;
}

/**
 * The reply terms of whoever answers the case's requests: the lawyer who opened it (the first of its lawyers),
 * as their profile says, or the defaults without a profile.
 */
export async function answeringTerms(db: Db, caseId: string): Promise<ReplyTerms> {
  const c = await db
    .selectFrom('cases')
    .select('created_by')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const profile = await findLawyerProfile(db, c.created_by);
  return profile
    ? { officeHours: profile.officeHours, replyPromiseDays: profile.replyPromiseDays }
    : DEFAULT_REPLY_TERMS;
}
