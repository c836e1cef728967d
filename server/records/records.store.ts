/**
 * The record kernel's storage (DESIGN §4): records published as immutable versions, views and responses
 * (acknowledgments, disputes) recorded once per person and version with their evidence, each change appended
 * to the case chain — always inside the caller's transaction, so a change and its event commit together.
 * Features describe their content; they do not write these tables themselves.
 */
import type { ClientInfo } from '../../contract/envelope';
import type { MemberRole } from '../../contract/roles';
import type { PromiseWarning } from '../../contract/promise-guard';
import { lockCaseChain, type CaseEventType } from '../events/event-log.store';
import { chainPosition, insertCommitted, positionOf, type ChainPosition } from '../evidence/evidence.store';
import { commitRow, type RowCommitment } from '../evidence/evidence-tables';
import { canonicalJson, newId, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import type { RecordKind, RecordResponsesTable, RecordVersionsTable } from '../platform/schema';
import { kindVersionFields } from './record-kinds';
import type { ResponseKind } from './records.rules';

/** Who does something to a record, as they are at that moment (kept with the row: later renames do not reach it). */
export interface Actor {
  userId: string;
  name: string;
  role: MemberRole;
}

/** What the platform tells us about the request that carries an act: kept as evidence. */
export interface RequestEvidence {
  now: string;
  requestId: string;
  client: ClientInfo | null;
  sourceIp: string | null;
}

export interface RecordRow {
  id: string;
  caseId: string;
  kind: RecordKind;
  createdBy: string;
  createdAt: string;
  currentVersionId: string | null;
  currentVersionNo: number;
}

export interface StoredVersion<C> {
  id: string;
  recordId: string;
  versionNo: number;
  title: string;
  content: C;
  contentHash: string;
  note: string | null;
  promiseWarnings: PromiseWarning[];
  authorId: string;
  authorName: string;
  authorRole: MemberRole;
  publishedAt: string;
}

export interface StoredResponse {
  id: string;
  recordId: string;
  versionId: string;
  versionNo: number;
  userId: string;
  userName: string;
  role: MemberRole;
  kind: ResponseKind;
  reason: string | null;
  /** The item a dispute names (a memo's conclusion); null for the whole record. */
  itemId: string | null;
  contentHash: string;
  respondedAt: string;
  /** The chain position of the event that committed it (null only for rows from before migration 0005). */
  chain: ChainPosition | null;
}

/** The event key naming the record in its kind's events (`updateId`, `statementId`): one shape per kind. */
const idKey = (kind: RecordKind) => `${kind}Id`;

export async function caseOfRecord(db: Db, recordId: string, kind: RecordKind): Promise<string | null> {
  const row = await db
    .selectFrom('records')
    .select('case_id')
    .where('id', '=', recordId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

/** The title of a record's current version (what a notice about it names); '' before it is published. */
export async function recordTitle(db: Db, recordId: string): Promise<string> {
  const row = await db
    .selectFrom('records as r')
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .select('v.title')
    .where('r.id', '=', recordId)
    .executeTakeFirst();
  return row?.title ?? '';
}

export async function findRecord(db: Db, recordId: string): Promise<RecordRow> {
  const r = await db.selectFrom('records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow();
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    createdBy: r.created_by,
    createdAt: r.created_at,
    currentVersionId: r.current_version_id,
    currentVersionNo: Number(r.current_version_no),
  };
}

/**
 * Creates a record with no version yet (a statement starts as a draft; an update publishes at once). Returns
 * the row's commitment, for the event that announces the record.
 */
export async function createRecord(
  db: Db,
  r: {
    id: string;
    caseId: string;
    kind: RecordKind;
    createdBy: string;
    now: string;
    /** For a reply: the record it answers. */
    parentId?: string | null;
  },
): Promise<RowCommitment> {
  const row = {
    id: r.id,
    case_id: r.caseId,
    kind: r.kind,
    parent_id: r.parentId ?? null,
    created_by: r.createdBy,
    created_at: r.now,
    current_version_id: null,
    current_version_no: 0,
    current_version_at: null,
  };
  await db.insertInto('records').values(row).execute();
  return commitRow('records', row);
}

/**
 * Publishes an immutable version: its canonical evidence text and SHA-256, the author as they are now, the
 * pointer moved to it, unread counts raised for the members it is news to, and its event on the chain.
 * The caller has decided (records.rules `decidePublish`) that this version may be published.
 */
export async function publishVersion<C>(
  db: Db,
  v: {
    record: { id: string; caseId: string; kind: RecordKind; createdBy: string };
    versionNo: number;
    content: C;
    /** The object whose canonical JSON is hashed: content plus the identity that makes it unique. */
    evidence: Record<string, unknown>;
    title: string;
    excerpt?: string;
    note: string | null;
    promiseWarnings: PromiseWarning[];
    author: Actor;
    now: string;
    event: { type: CaseEventType; payload?: Record<string, unknown>; commits?: RowCommitment[] };
    /** Whether members count this version as unread news (progress updates do). */
    countsAsUnread: boolean;
    replaces?: { id: string } | null;
  },
): Promise<{ id: string; contentHash: string; chain: ChainPosition }> {
  const canonical = canonicalJson(v.evidence);
  const id = newId();
  const contentHash = sha256Hex(canonical);
  const row = {
    id,
    record_id: v.record.id,
    version_no: v.versionNo,
    title: v.title,
    excerpt: v.excerpt ?? '',
    content: JSON.stringify(v.content),
    canonical,
    content_hash: contentHash,
    note: v.note,
    promise_warnings: JSON.stringify(v.promiseWarnings),
    author_id: v.author.userId,
    author_name: v.author.name,
    author_role: v.author.role,
    published_at: v.now,
  };
  const event = await insertCommitted(db, 'record_versions', row, {
    caseId: v.record.caseId,
    at: v.now,
    actorId: v.author.userId,
    type: v.event.type,
    alsoCommits: v.event.commits,
    payload: {
      [idKey(v.record.kind)]: v.record.id,
      versionId: id,
      versionNo: v.versionNo,
      ...(v.replaces ? { replaces: v.replaces.id } : {}),
      contentHash,
      authorName: v.author.name,
      authorRole: v.author.role,
      ...v.event.payload,
    },
  });
  if (v.countsAsUnread) await raiseUnread(db, v.record, v.versionNo, v.replaces?.id ?? null);
  await db
    .updateTable('records')
    .set({ current_version_id: id, current_version_no: v.versionNo, current_version_at: v.now })
    .where('id', '=', v.record.id)
    .execute();
  return { id, contentHash, chain: chainPosition(event) };
}

/**
 * A record published once, as it is written (a client's request, a task, a reply to either): the record row and
 * its one version, committed by one event. Its hash, title and excerpt come from its kind, as `verify` rebuilds
 * them. Returns the new record's id.
 */
export async function publishNewRecord(
  db: Db,
  r: {
    kind: RecordKind;
    caseId: string;
    /** For a reply: the record it answers. */
    parentId?: string;
    content: unknown;
    promiseWarnings: PromiseWarning[];
    author: Actor;
    now: string;
    event: { type: CaseEventType; payload: Record<string, unknown> };
  },
): Promise<string> {
  const record = { id: newId(), caseId: r.caseId, kind: r.kind, createdBy: r.author.userId };
  const recordCommit = await createRecord(db, { ...record, now: r.now, parentId: r.parentId ?? null });
  await publishVersion(db, {
    record,
    versionNo: 1,
    content: r.content,
    ...kindVersionFields(r.kind, {
      caseId: r.caseId,
      recordId: record.id,
      versionNo: 1,
      content: r.content,
      note: null,
    }),
    note: null,
    promiseWarnings: r.promiseWarnings,
    author: r.author,
    now: r.now,
    event: { ...r.event, commits: [recordCommit] },
    countsAsUnread: false,
  });
  return record.id;
}

/** A new version is unread news for every member but the record's author, and again for who read the last one. */
async function raiseUnread(
  db: Db,
  record: { id: string; caseId: string; createdBy: string },
  versionNo: number,
  previousVersionId: string | null,
): Promise<void> {
  let query = db
    .updateTable('member_case_state')
    .set((eb) => ({ unread_updates: eb('unread_updates', '+', 1) }))
    .where('case_id', '=', record.caseId)
    .where('user_id', '!=', record.createdBy);
  if (versionNo > 1 && previousVersionId) {
    query = query.where('user_id', 'in', (eb) =>
      eb.selectFrom('record_views').select('user_id').where('version_id', '=', previousVersionId),
    );
  }
  await query.execute();
}

export async function loadVersions<C>(db: Db, recordId: string): Promise<StoredVersion<C>[]> {
  const rows = await db
    .selectFrom('record_versions')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('version_no', 'desc')
    .execute();
  return rows.map((v) => toVersion<C>(v));
}

export async function loadVersion<C>(
  db: Db,
  recordId: string,
  versionNo: number,
): Promise<StoredVersion<C> | null> {
  const row = await db
    .selectFrom('record_versions')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row ? toVersion<C>(row) : null;
}

function toVersion<C>(v: RecordVersionsTable): StoredVersion<C> {
  return {
    id: v.id,
    recordId: v.record_id,
    versionNo: Number(v.version_no),
    title: v.title,
    content: JSON.parse(v.content) as C,
    contentHash: v.content_hash,
    note: v.note,
    promiseWarnings: JSON.parse(v.promise_warnings) as PromiseWarning[],
    authorId: v.author_id,
    authorName: v.author_name,
    authorRole: v.author_role,
    publishedAt: v.published_at,
  };
}

/**
 * Records that a person saw a version, once: the first view stands. An insert that lost a race to another
 * request is noticed (no row inserted) and appends no second event. Returns when they first saw it.
 */
export async function recordView(
  db: Db,
  v: {
    record: { id: string; caseId: string; kind: RecordKind; createdBy: string };
    version: { id: string; versionNo: number; contentHash: string };
    isCurrent: boolean;
    viewer: Actor;
    evidence: RequestEvidence;
    /** The chain event, or null for views that are not evidence (a lawyer opening their own update). */
    eventType: CaseEventType | null;
    countsAsUnread: boolean;
  },
): Promise<{ created: boolean; viewedAt: string; chain: ChainPosition | null }> {
  // Under the case's lock a second request for the same view waits, then finds the first one's row.
  await lockCaseChain(db, v.record.caseId);
  const first = await db
    .selectFrom('record_views')
    .select(['viewed_at', 'event_seq'])
    .where('version_id', '=', v.version.id)
    .where('user_id', '=', v.viewer.userId)
    .executeTakeFirst();
  if (first) {
    const chain = await positionOf(
      db,
      v.record.caseId,
      first.event_seq === null ? null : Number(first.event_seq),
    );
    return { created: false, viewedAt: first.viewed_at, chain };
  }
  const row = {
    version_id: v.version.id,
    user_id: v.viewer.userId,
    record_id: v.record.id,
    role: v.viewer.role,
    viewed_at: v.evidence.now,
    request_id: v.evidence.requestId,
    client_info: v.evidence.client ? JSON.stringify(v.evidence.client) : null,
    source_ip: v.evidence.sourceIp,
  };
  let chain: ChainPosition | null = null;
  if (v.eventType) {
    const event = await insertCommitted(db, 'record_views', row, {
      caseId: v.record.caseId,
      at: v.evidence.now,
      actorId: v.viewer.userId,
      type: v.eventType,
      payload: {
        [idKey(v.record.kind)]: v.record.id,
        versionId: v.version.id,
        versionNo: v.version.versionNo,
        contentHash: v.version.contentHash,
        client: v.evidence.client,
        sourceIp: v.evidence.sourceIp,
      },
    });
    chain = chainPosition(event);
  } else {
    // Not evidence (a lawyer opening their own case's update): kept for read state only, on no chain.
    await db
      .insertInto('record_views')
      .values({ ...row, event_seq: null })
      .execute();
  }
  if (v.countsAsUnread && v.isCurrent && v.viewer.userId !== v.record.createdBy) {
    await db
      .updateTable('member_case_state')
      .set((eb) => ({ unread_updates: eb('unread_updates', '-', 1) }))
      .where('case_id', '=', v.record.caseId)
      .where('user_id', '=', v.viewer.userId)
      .where('unread_updates', '>', 0)
      .execute();
  }
  return { created: true, viewedAt: v.evidence.now, chain };
}

export async function findView(db: Db, versionId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('record_views')
    .select('viewed_at')
    .where('version_id', '=', versionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.viewed_at ?? null;
}

/**
 * Records an acknowledgment or a dispute of a version with its evidence, once per person and version. The
 * caller has decided (`decideResponse`) that it may be recorded; if a concurrent request recorded one first,
 * that one is returned and no second event is appended.
 */
export async function recordResponse(
  db: Db,
  r: {
    record: { id: string; caseId: string; kind: RecordKind };
    version: { id: string; versionNo: number; contentHash: string };
    responder: Actor;
    kind: ResponseKind;
    reason: string | null;
    /** The item a dispute names (a memo's conclusion); omit for the whole record. */
    itemId?: string | null;
    evidence: RequestEvidence;
    eventType: CaseEventType;
  },
): Promise<{ created: boolean; response: StoredResponse }> {
  // Under the case's lock a concurrent copy of this response waits, then finds the first one's row.
  await lockCaseChain(db, r.record.caseId);
  const existing = await findResponse(db, r.version.id, r.responder.userId);
  if (existing) return { created: false, response: existing };
  const id = newId();
  const row = {
    id,
    record_id: r.record.id,
    version_id: r.version.id,
    version_no: r.version.versionNo,
    user_id: r.responder.userId,
    user_name: r.responder.name,
    role: r.responder.role,
    kind: r.kind,
    reason: r.reason,
    item_id: r.itemId ?? null,
    content_hash: r.version.contentHash,
    responded_at: r.evidence.now,
    request_id: r.evidence.requestId,
    client_info: r.evidence.client ? JSON.stringify(r.evidence.client) : null,
    source_ip: r.evidence.sourceIp,
  };
  const event = await insertCommitted(db, 'record_responses', row, {
    caseId: r.record.caseId,
    at: r.evidence.now,
    actorId: r.responder.userId,
    type: r.eventType,
    payload: {
      [idKey(r.record.kind)]: r.record.id,
      responseId: id,
      // Statements named this `acknowledgmentId` before the kernel; the chain keeps one name per kind.
      ...(r.kind === 'acknowledged' ? { acknowledgmentId: id } : {}),
      kind: r.kind,
      reason: r.reason,
      ...(r.itemId ? { itemId: r.itemId } : {}),
      versionId: r.version.id,
      versionNo: r.version.versionNo,
      contentHash: r.version.contentHash,
      userName: r.responder.name,
      role: r.responder.role,
      requestId: r.evidence.requestId,
      client: r.evidence.client,
      sourceIp: r.evidence.sourceIp,
    },
  });
  return { created: true, response: { ...toResponse(row), chain: chainPosition(event) } };
}

const responseColumns = [
  'r.id',
  'r.record_id',
  'r.version_id',
  'r.version_no',
  'r.user_id',
  'r.user_name',
  'r.role',
  'r.kind',
  'r.reason',
  'r.item_id',
  'r.content_hash',
  'r.responded_at',
  'r.event_seq',
  'e.hash as event_hash',
] as const;

/** Responses with the chain position of the event that committed each (its receipt's commitment). */
const responsesWithPosition = (db: Db) =>
  db
    .selectFrom('record_responses as r')
    .innerJoin('records as rec', 'rec.id', 'r.record_id')
    .leftJoin('case_events as e', (j) =>
      j.onRef('e.case_id', '=', 'rec.case_id').onRef('e.seq', '=', 'r.event_seq'),
    )
    .select(responseColumns);

function toResponse(
  r: Omit<RecordResponsesTable, 'event_seq' | 'request_id' | 'client_info' | 'source_ip'> & {
    event_seq?: number | null;
    event_hash?: string | null;
  },
): StoredResponse {
  return {
    id: r.id,
    recordId: r.record_id,
    versionId: r.version_id,
    versionNo: Number(r.version_no),
    userId: r.user_id,
    userName: r.user_name,
    role: r.role,
    kind: r.kind,
    reason: r.reason,
    itemId: r.item_id ?? null,
    contentHash: r.content_hash,
    respondedAt: r.responded_at,
    chain:
      r.event_seq !== null && r.event_seq !== undefined && r.event_hash
        ? { seq: Number(r.event_seq), head: r.event_hash }
        : null,
  };
}

export async function findResponse(
  db: Db,
  versionId: string,
  userId: string,
): Promise<StoredResponse | null> {
  const row = await responsesWithPosition(db)
    .where('r.version_id', '=', versionId)
    .where('r.user_id', '=', userId)
    .executeTakeFirst();
  return row ? toResponse(row) : null;
}

/** Every response to the given records (optionally of one person), newest first: one query for any number. */
export async function responsesTo(db: Db, recordIds: string[], userId?: string): Promise<StoredResponse[]> {
  if (recordIds.length === 0) return [];
  let query = responsesWithPosition(db)
    .where('r.record_id', 'in', recordIds)
    .orderBy('r.responded_at', 'desc')
    .orderBy('r.version_no', 'desc');
  if (userId) query = query.where('r.user_id', '=', userId);
  return (await query.execute()).map(toResponse);
}

/** Who viewed which of the given versions, and when: one query for any number of versions and people. */
export async function viewsOf(
  db: Db,
  versionIds: string[],
  userId?: string,
): Promise<{ versionId: string; userId: string; viewedAt: string }[]> {
  if (versionIds.length === 0) return [];
  let query = db
    .selectFrom('record_views')
    .select(['version_id', 'user_id', 'viewed_at'])
    .where('version_id', 'in', versionIds);
  if (userId) query = query.where('user_id', '=', userId);
  return (await query.execute()).map((v) => ({
    versionId: v.version_id,
    userId: v.user_id,
    viewedAt: v.viewed_at,
  }));
}

/** Saves a working copy (drafts are not evidence: edited in place until published). */
export async function saveDraft(db: Db, recordId: string, content: unknown, userId: string, now: string) {
  const values = { content: JSON.stringify(content), updated_by: userId, updated_at: now };
  await db
    .insertInto('record_drafts')
    .values({ record_id: recordId, ...values })
    .onConflict((oc) => oc.column('record_id').doUpdateSet(values))
    .execute();
}

export async function loadDrafts<C>(
  db: Db,
  recordIds: string[],
): Promise<Map<string, { content: C; updatedAt: string }>> {
  const out = new Map<string, { content: C; updatedAt: string }>();
  if (recordIds.length === 0) return out;
  const rows = await db
    .selectFrom('record_drafts')
    .select(['record_id', 'content', 'updated_at'])
    .where('record_id', 'in', recordIds)
    .execute();
  for (const r of rows)
    out.set(r.record_id, { content: JSON.parse(r.content) as C, updatedAt: r.updated_at });
  return out;
}

export async function deleteDraft(db: Db, recordId: string) {
  await db.deleteFrom('record_drafts').where('record_id', '=', recordId).execute();
}

/**
 * How many of the case's current clients acknowledged (a statement's 知悉, a memo's 确认) each of the given
 * versions: one query for any number of versions.
 */
export async function acknowledgedByClients(db: Db, versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('record_responses as a')
    .innerJoin('records as s', 's.id', 'a.record_id')
    .innerJoin('case_members as m', (j) =>
      j.onRef('m.case_id', '=', 's.case_id').onRef('m.user_id', '=', 'a.user_id'),
    )
    .select(['a.version_id', (e) => e.fn.countAll<number>().as('n')])
    .where('a.version_id', 'in', versionIds)
    .where('a.kind', '=', 'acknowledged')
    .where('m.role', '=', 'client')
    .where('m.removed_at', 'is', null)
    .groupBy('a.version_id')
    .execute();
  return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
}
