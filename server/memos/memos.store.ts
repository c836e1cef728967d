import type {
  MemoClientStatus,
  MemoContent,
  MemoDetail,
  MemoResponse,
  MemoSummary,
  MemoVersionMeta,
} from '../../contract/memos';
import { takePage, type PagePosition } from '../core/paging';
import type { MemberRole } from '../../contract/roles';
import type { ChainPosition } from '../evidence/evidence.store';
import type { Db } from '../platform/migrate';
import { seesOthersEvidence } from '../records/records.rules';
import { caseClients, clientCounts } from '../cases/cases.store';
import {
  acknowledgedByClients,
  caseOfRecord,
  responsesTo,
  viewsOf,
  type StoredResponse,
} from '../records/records.store';
import { changesMeasuredFrom, diffMemos, memoStanding, resolutionsOf } from './memos.rules';

/*
 * Memo read models: a fixed number of set-based queries whatever the number of memos, versions or clients
 * (tests count them).
 */

export interface Viewer {
  userId: string;
  role: MemberRole;
}

export const caseOfMemo = (db: Db, memoId: string) => caseOfRecord(db, memoId, 'memo');

/** A published version of a memo, with the position of the event that committed it. */
export interface MemoVersion {
  id: string;
  versionNo: number;
  content: MemoContent;
  contentHash: string;
  note: string | null;
  authorName: string;
  publishedAt: string;
  chain: ChainPosition | null;
}

/** Every version of the memo, newest first, each with its chain position: one query. */
export async function loadMemoVersions(db: Db, memoId: string): Promise<MemoVersion[]> {
  const rows = await db
    .selectFrom('record_versions as v')
    .innerJoin('records as r', 'r.id', 'v.record_id')
    .leftJoin('case_events as e', (j) =>
      j.onRef('e.case_id', '=', 'r.case_id').onRef('e.seq', '=', 'v.event_seq'),
    )
    .select([
      'v.id',
      'v.version_no',
      'v.content',
      'v.content_hash',
      'v.note',
      'v.author_name',
      'v.published_at',
      'v.event_seq',
      'e.hash as event_hash',
    ])
    .where('v.record_id', '=', memoId)
    .orderBy('v.version_no', 'desc')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    versionNo: Number(v.version_no),
    content: JSON.parse(v.content) as MemoContent,
    contentHash: v.content_hash,
    note: v.note,
    authorName: v.author_name,
    publishedAt: v.published_at,
    chain: v.event_seq !== null && v.event_hash ? { seq: Number(v.event_seq), head: v.event_hash } : null,
  }));
}

/** The ids of every dispute of the memo, of any version: one query. */
export async function disputesOf(db: Db, memoId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('record_responses')
    .select('id')
    .where('record_id', '=', memoId)
    .where('kind', '=', 'disputed')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * A response as the contract tells it: confirmations are the kernel's acknowledgments, a dispute names the
 * conclusion as the version the client disputed worded it, and the version that answered it.
 */
export function toMemoResponse(
  r: StoredResponse,
  versions: { versionNo: number; content: MemoContent }[],
  resolutions: Map<string, number>,
): MemoResponse {
  const seen = versions.find((v) => v.versionNo === r.versionNo);
  const conclusion = r.itemId ? (seen?.content.conclusions.find((c) => c.id === r.itemId) ?? null) : null;
  return {
    responseId: r.id,
    memoId: r.recordId,
    userId: r.userId,
    displayName: r.userName,
    versionNo: r.versionNo,
    kind: r.kind === 'acknowledged' ? 'confirmed' : 'disputed',
    conclusion,
    reason: r.reason,
    respondedAt: r.respondedAt,
    contentHash: r.contentHash,
    chain: r.chain,
    resolvedByVersionNo: r.kind === 'disputed' ? (resolutions.get(r.id) ?? null) : null,
  };
}

const versionMeta = (v: MemoVersion): MemoVersionMeta => ({
  versionNo: v.versionNo,
  publishedAt: v.publishedAt,
  authorName: v.authorName,
  correctionReason: v.note,
  contentHash: v.contentHash,
  chain: v.chain,
});

/** Each client of the case and where they stand with the current version: two queries for any number. */
async function clientStatuses(
  db: Db,
  caseId: string,
  current: MemoVersion,
  responses: MemoResponse[],
  stored: StoredResponse[],
): Promise<MemoClientStatus[]> {
  const clients = await caseClients(db, caseId);
  const viewed = new Set((await viewsOf(db, [current.id])).map((v) => v.userId));
  const onCurrent = new Map(
    stored.flatMap((r, i) => (r.versionId === current.id ? [[r.userId, i] as const] : [])),
  );
  return clients.map((c) => {
    const at = onCurrent.get(c.user_id);
    return {
      userId: c.user_id,
      displayName: c.display_name,
      state: memoStanding({
        response: at === undefined ? null : stored[at].kind,
        viewed: viewed.has(c.user_id),
      }),
      response: at === undefined ? null : responses[at],
    };
  });
}

/** The memo as the viewer may see it: lawyers all responses and each client's standing, clients their own. */
export async function getMemoDetail(db: Db, memoId: string, viewer: Viewer): Promise<MemoDetail> {
  const memo = await db
    .selectFrom('records as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.case_id', 'c.title as case_title'])
    .where('r.id', '=', memoId)
    .executeTakeFirstOrThrow();
  const versions = await loadMemoVersions(db, memoId);
  const current = versions[0];
  if (!current) throw new Error('a memo is published with its first version');
  const seesAll = seesOthersEvidence(viewer.role);
  // Clients get their own responses only: another client's confirmation or dispute is not theirs to read.
  const stored = await responsesTo(db, [memoId], seesAll ? undefined : viewer.userId);
  const resolutions = resolutionsOf(versions);
  const responses = stored.map((r) => toMemoResponse(r, versions, resolutions));

  let myResponse: MemoResponse | null = null;
  let changesSinceMyResponse: MemoDetail['changesSinceMyResponse'] = null;
  if (!seesAll) {
    myResponse = responses.find((r) => r.versionNo === current.versionNo) ?? null;
    const from = changesMeasuredFrom({ currentVersionNo: current.versionNo, responses });
    const responded = from === null ? undefined : versions.find((v) => v.versionNo === from);
    if (responded) changesSinceMyResponse = diffMemos(responded, current);
  }
  const detail: MemoDetail = {
    id: memo.id,
    caseId: memo.case_id,
    caseTitle: memo.case_title,
    current: { ...versionMeta(current), content: current.content },
    versions: versions.map(versionMeta),
    myResponse,
    changesSinceMyResponse,
    responses,
  };
  if (seesAll) {
    detail.clients = await clientStatuses(db, memo.case_id, current, responses, stored);
    detail.openDisputes = responses.filter((r) => r.kind === 'disputed' && r.resolvedByVersionNo === null);
  }
  return detail;
}

/** The case's memos, newest conversation first, as the viewer sees them: a fixed number of queries. */
export async function listMemoSummaries(
  db: Db,
  caseId: string,
  viewer: Viewer,
  pageOf: { after: PagePosition | null; limit: number },
): Promise<{ memos: MemoSummary[]; nextCursor: string | null }> {
  // Pages are cut newest record first on (created_at, id); within a page the memos keep their reading order.
  let query = db
    .selectFrom('records as r')
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .select([
      'r.id',
      'r.created_at',
      'r.current_version_id',
      'v.version_no',
      'v.title',
      'v.content',
      'v.published_at',
    ])
    .where('r.case_id', '=', caseId)
    .where('r.kind', '=', 'memo')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageOf.limit + 1);
  const after = pageOf.after;
  if (after) {
    query = query.where((e) =>
      e.or([
        e('r.created_at', '<', after.createdAt),
        e.and([e('r.created_at', '=', after.createdAt), e('r.id', '<', after.id)]),
      ]),
    );
  }
  const { rows, nextCursor } = takePage(await query.execute(), pageOf.limit, (r) => ({
    createdAt: r.created_at,
    id: r.id,
  }));
  if (rows.length === 0) return { memos: [], nextCursor };
  const memos = rows.map((r) => ({ ...r, content: JSON.parse(r.content) as MemoContent }));
  const ids = memos.map((m) => m.id);
  const currentIds = memos.map((m) => m.current_version_id as string);
  const seesAll = seesOthersEvidence(viewer.role);

  const extra = new Map<
    string,
    Pick<MemoSummary, 'myState' | 'confirmedCount' | 'clientCount' | 'openDisputes'>
  >();
  if (seesAll) {
    const clientCount = (await clientCounts(db, [caseId])).get(caseId) ?? 0;
    const confirmed = await acknowledgedByClients(db, currentIds);
    const open = await openDisputeCounts(db, ids);
    for (const m of memos)
      extra.set(m.id, {
        myState: null,
        clientCount,
        confirmedCount: confirmed.get(m.current_version_id as string) ?? 0,
        openDisputes: open.get(m.id) ?? 0,
      });
  } else {
    const mine = await responsesTo(db, ids, viewer.userId);
    const viewed = new Set((await viewsOf(db, currentIds, viewer.userId)).map((v) => v.versionId));
    for (const m of memos) {
      const response = mine.find((r) => r.versionId === m.current_version_id);
      extra.set(m.id, {
        myState: memoStanding({
          response: response?.kind ?? null,
          viewed: viewed.has(m.current_version_id as string),
        }),
      });
    }
  }
  const summaries = memos
    .map((m) => ({
      id: m.id,
      caseId,
      communicatedAt: m.content.communicatedAt,
      channel: m.content.channel,
      headline: m.title,
      versionNo: Number(m.version_no),
      publishedAt: m.published_at,
      myState: null,
      ...extra.get(m.id),
    }))
    .sort((a, b) =>
      a.communicatedAt === b.communicatedAt
        ? b.publishedAt.localeCompare(a.publishedAt)
        : b.communicatedAt.localeCompare(a.communicatedAt),
    );
  return { memos: summaries, nextCursor };
}

/** For each memo, its disputes no version answered yet: two queries for any number of memos. */
async function openDisputeCounts(db: Db, memoIds: string[]): Promise<Map<string, number>> {
  const disputes = await db
    .selectFrom('record_responses')
    .select(['id', 'record_id'])
    .where('record_id', 'in', memoIds)
    .where('kind', '=', 'disputed')
    .execute();
  // Only corrections answer disputes: first versions answer none.
  const corrections = await db
    .selectFrom('record_versions')
    .select('content')
    .where('record_id', 'in', memoIds)
    .where('version_no', '>', 1)
    .execute();
  const answered = new Set(corrections.flatMap((v) => (JSON.parse(v.content) as MemoContent).resolves));
  const out = new Map<string, number>();
  for (const d of disputes) if (!answered.has(d.id)) out.set(d.record_id, (out.get(d.record_id) ?? 0) + 1);
  return out;
}
