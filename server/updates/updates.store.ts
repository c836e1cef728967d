import { sql } from 'kysely';
import type { TimelineEntry } from '../../contract/cases';
import type { UpdateDetail, UpdateVersion } from '../../contract/updates';
import { canonicalJson, newId, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import { encodeCursor, updateEvidence, type UpdateContent } from './updates.rules';

export async function caseOfUpdate(db: Db, updateId: string): Promise<string | null> {
  const row = await db.selectFrom('updates').select('case_id').where('id', '=', updateId).executeTakeFirst();
  return row?.case_id ?? null;
}

/** Writes an immutable version (and the update row for version 1); returns the stored version. */
export async function insertVersion(
  db: Db,
  args: {
    caseId: string;
    updateId: string;
    versionNo: number;
    content: UpdateContent;
    stage: { index: number; name: string } | null;
    reason: string | null;
    authorId: string;
    now: string;
  },
): Promise<{ id: string; contentHash: string }> {
  const canonical = canonicalJson(
    updateEvidence(args.content, {
      caseId: args.caseId,
      updateId: args.updateId,
      versionNo: args.versionNo,
      stage: args.stage,
      reason: args.reason,
    }),
  );
  const id = newId();
  const contentHash = sha256Hex(canonical);
  if (args.versionNo === 1) {
    await db
      .insertInto('updates')
      .values({
        id: args.updateId,
        case_id: args.caseId,
        created_by: args.authorId,
        created_at: args.now,
        current_version_id: id,
        current_version_no: 1,
        current_version_at: args.now,
      })
      .execute();
  } else {
    await db
      .updateTable('updates')
      .set({ current_version_id: id, current_version_no: args.versionNo, current_version_at: args.now })
      .where('id', '=', args.updateId)
      .execute();
  }
  await db
    .insertInto('update_versions')
    .values({
      id,
      update_id: args.updateId,
      version_no: args.versionNo,
      title: args.content.title,
      body: args.content.body,
      next_steps: args.content.nextSteps,
      risks: args.content.risks,
      stage_index: args.stage?.index ?? null,
      stage_name: args.stage?.name ?? null,
      reason: args.reason,
      canonical,
      content_hash: contentHash,
      created_by: args.authorId,
      created_at: args.now,
    })
    .execute();
  return { id, contentHash };
}

export async function listVersions(db: Db, updateId: string): Promise<UpdateVersion[]> {
  const rows = await db
    .selectFrom('update_versions as v')
    .innerJoin('users as a', 'a.id', 'v.created_by')
    .selectAll('v')
    .select('a.display_name as author_name')
    .where('v.update_id', '=', updateId)
    .orderBy('v.version_no', 'desc')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    versionNo: Number(v.version_no),
    title: v.title,
    body: v.body,
    nextSteps: v.next_steps,
    risks: v.risks,
    stageChange: v.stage_index === null ? null : { index: Number(v.stage_index), name: v.stage_name ?? '' },
    reason: v.reason,
    contentHash: v.content_hash,
    publishedAt: v.created_at,
    authorName: v.author_name,
  }));
}

export async function findReceipt(db: Db, versionId: string, userId: string) {
  return db
    .selectFrom('read_receipts')
    .select('read_at')
    .where('version_id', '=', versionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Records the first read of a version; returns whether this call created the receipt. */
export async function recordReceipt(
  db: Db,
  r: { versionId: string; updateId: string; userId: string; now: string; requestId: string },
): Promise<boolean> {
  const result = await db
    .insertInto('read_receipts')
    .values({
      version_id: r.versionId,
      update_id: r.updateId,
      user_id: r.userId,
      read_at: r.now,
      request_id: r.requestId,
    })
    .onConflict((oc) => oc.columns(['version_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Every client read of the update (any version), and the case's clients with no read of the current version. */
export async function receiptsFor(db: Db, caseId: string, updateId: string, currentVersionId: string) {
  const read = await db
    .selectFrom('read_receipts as r')
    .innerJoin('update_versions as v', 'v.id', 'r.version_id')
    .innerJoin('case_members as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').on('m.case_id', '=', caseId),
    )
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name', 'v.version_no', 'r.read_at'])
    .where('r.update_id', '=', updateId)
    .where('m.role', '=', 'client')
    .orderBy('r.read_at', 'desc')
    .execute();
  const unreadClients = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.role', '=', 'client')
    .where((e) =>
      e.not(
        e.exists(
          e
            .selectFrom('read_receipts as r')
            .select(sql<number>`1`.as('one'))
            .whereRef('r.user_id', '=', 'm.user_id')
            .where('r.version_id', '=', currentVersionId),
        ),
      ),
    )
    .orderBy('m.joined_at')
    .execute();
  return {
    read: read.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      versionNo: Number(r.version_no),
      readAt: r.read_at,
    })),
    unreadClients: unreadClients.map((u) => ({ userId: u.user_id, displayName: u.display_name })),
  };
}

export async function getUpdateDetail(
  db: Db,
  updateId: string,
  viewer: { userId: string; role: 'lawyer' | 'client' },
): Promise<UpdateDetail> {
  const row = await db
    .selectFrom('updates as u')
    .innerJoin('cases as c', 'c.id', 'u.case_id')
    .select(['u.id', 'u.case_id', 'u.current_version_id', 'c.title as case_title'])
    .where('u.id', '=', updateId)
    .executeTakeFirstOrThrow();
  const versions = await listVersions(db, updateId);
  const mine = await findReceipt(db, row.current_version_id, viewer.userId);
  const detail: UpdateDetail = {
    id: row.id,
    caseId: row.case_id,
    caseTitle: row.case_title,
    versions,
    corrected: versions.length > 1,
    myReadAt: mine?.read_at ?? null,
  };
  if (viewer.role === 'lawyer') {
    detail.receipts = await receiptsFor(db, row.case_id, updateId, row.current_version_id);
  }
  return detail;
}

/** One page of the case timeline, newest first, by keyset on (created_at, id): flat in case size. */
export async function timelinePage(
  db: Db,
  args: {
    caseId: string;
    viewer: { userId: string; role: 'lawyer' | 'client' };
    after: { createdAt: string; id: string } | null;
    limit: number;
  },
): Promise<{ entries: TimelineEntry[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('updates as u')
    .innerJoin('update_versions as v', 'v.id', 'u.current_version_id')
    .innerJoin('users as a', 'a.id', 'u.created_by')
    .select([
      'u.id',
      'u.created_at',
      'u.current_version_no',
      'u.current_version_at',
      'v.title',
      sql<string>`substr(v.body, 1, 120)`.as('excerpt'),
      'v.stage_index',
      'v.stage_name',
      'a.display_name as author_name',
      (eb) =>
        eb
          .selectFrom('read_receipts as r')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('r.version_id', '=', 'u.current_version_id')
          .where('r.user_id', '=', args.viewer.userId)
          .as('mine'),
      // Only lawyers see how many clients read an entry; clients' pages skip the count.
      (eb) =>
        args.viewer.role === 'lawyer'
          ? eb
              .selectFrom('read_receipts as r')
              .innerJoin('case_members as m', (j) =>
                j.onRef('m.user_id', '=', 'r.user_id').on('m.case_id', '=', args.caseId),
              )
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('r.version_id', '=', 'u.current_version_id')
              .where('m.role', '=', 'client')
              .as('read_by')
          : eb.val(0).as('read_by'),
    ])
    .where('u.case_id', '=', args.caseId)
    .orderBy('u.created_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(args.limit + 1);
  const after = args.after;
  if (after) {
    query = query.where((e) =>
      e.or([
        e('u.created_at', '<', after.createdAt),
        e.and([e('u.created_at', '=', after.createdAt), e('u.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, args.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((r) => {
      const entry: TimelineEntry = {
        updateId: r.id,
        versionNo: Number(r.current_version_no),
        title: r.title,
        excerpt: r.excerpt,
        publishedAt: r.created_at,
        versionAt: r.current_version_at,
        corrected: Number(r.current_version_no) > 1,
        stageChange:
          r.stage_index === null ? null : { index: Number(r.stage_index), name: r.stage_name ?? '' },
        authorName: r.author_name,
        read: Number(r.mine) > 0,
      };
      if (args.viewer.role === 'lawyer') entry.readBy = Number(r.read_by);
      return entry;
    }),
    nextCursor: rows.length > args.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}
