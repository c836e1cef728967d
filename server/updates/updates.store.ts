import { sql } from 'kysely';
import type { TimelineEntry } from '../../contract/cases';
import type { MemberRole } from '../../contract/roles';
import type { UpdateDetail, UpdateVersion } from '../../contract/updates';
import type { Db } from '../platform/migrate';
import { seesOthersEvidence } from '../records/records.rules';
import { caseOfRecord, findView, loadVersions, type StoredVersion } from '../records/records.store';
import { encodeCursor, type StoredUpdateContent } from './updates.rules';

export const caseOfUpdate = (db: Db, updateId: string) => caseOfRecord(db, updateId, 'update');

export function toUpdateVersion(v: StoredVersion<StoredUpdateContent>): UpdateVersion {
  return {
    id: v.id,
    versionNo: v.versionNo,
    title: v.content.title,
    body: v.content.body,
    nextSteps: v.content.nextSteps,
    risks: v.content.risks,
    stageChange: v.content.stage,
    reason: v.note,
    contentHash: v.contentHash,
    publishedAt: v.publishedAt,
    authorName: v.authorName,
  };
}

/** Every client read of the update (any version), and the case's clients with no read of the current version. */
async function receiptsFor(db: Db, caseId: string, updateId: string, currentVersionId: string) {
  const read = await db
    .selectFrom('record_views as r')
    .innerJoin('record_versions as v', 'v.id', 'r.version_id')
    .innerJoin('case_members as m', (j) =>
      j.onRef('m.user_id', '=', 'r.user_id').on('m.case_id', '=', caseId),
    )
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.display_name', 'v.version_no', 'r.viewed_at'])
    .where('r.record_id', '=', updateId)
    .where('m.role', '=', 'client')
    .orderBy('r.viewed_at', 'desc')
    .execute();
  const unreadClients = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name'])
    .where('m.case_id', '=', caseId)
    .where('m.role', '=', 'client')
    .where('m.removed_at', 'is', null)
    .where((e) =>
      e.not(
        e.exists(
          e
            .selectFrom('record_views as r')
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
      readAt: r.viewed_at,
    })),
    unreadClients: unreadClients.map((u) => ({ userId: u.user_id, displayName: u.display_name })),
  };
}

export async function getUpdateDetail(
  db: Db,
  updateId: string,
  viewer: { userId: string; role: MemberRole },
): Promise<UpdateDetail> {
  const row = await db
    .selectFrom('records as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.case_id', 'r.current_version_id', 'c.title as case_title'])
    .where('r.id', '=', updateId)
    .executeTakeFirstOrThrow();
  const currentVersionId = row.current_version_id as string;
  const versions = (await loadVersions<StoredUpdateContent>(db, updateId)).map(toUpdateVersion);
  const detail: UpdateDetail = {
    id: row.id,
    caseId: row.case_id,
    caseTitle: row.case_title,
    versions,
    corrected: versions.length > 1,
    myReadAt: await findView(db, currentVersionId, viewer.userId),
  };
  if (seesOthersEvidence(viewer.role)) {
    detail.receipts = await receiptsFor(db, row.case_id, updateId, currentVersionId);
  }
  return detail;
}

/** One page of the case timeline, newest first, by keyset on (created_at, id): flat in case size. */
export async function timelinePage(
  db: Db,
  args: {
    caseId: string;
    viewer: { userId: string; role: MemberRole };
    after: { createdAt: string; id: string } | null;
    limit: number;
  },
): Promise<{ entries: TimelineEntry[]; nextCursor: string | null }> {
  const countReaders = seesOthersEvidence(args.viewer.role);
  let query = db
    .selectFrom('records as u')
    .innerJoin('record_versions as v', 'v.id', 'u.current_version_id')
    .select([
      'u.id',
      'u.created_at',
      'u.current_version_no',
      'u.current_version_at',
      'v.title',
      'v.excerpt',
      'v.content',
      'v.author_name',
      (eb) =>
        eb
          .selectFrom('record_views as r')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('r.version_id', '=', 'u.current_version_id')
          .where('r.user_id', '=', args.viewer.userId)
          .as('mine'),
      // Only lawyers see how many clients read an entry; clients' pages skip the count.
      (eb) =>
        countReaders
          ? eb
              .selectFrom('record_views as r')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('r.version_id', '=', 'u.current_version_id')
              .where('r.role', '=', 'client')
              .as('read_by')
          : eb.val(0).as('read_by'),
    ])
    .where('u.case_id', '=', args.caseId)
    .where('u.kind', '=', 'update')
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
      const stage = (JSON.parse(r.content) as StoredUpdateContent).stage;
      const entry: TimelineEntry = {
        updateId: r.id,
        versionNo: Number(r.current_version_no),
        title: r.title,
        excerpt: r.excerpt,
        publishedAt: r.created_at,
        versionAt: r.current_version_at ?? r.created_at,
        corrected: Number(r.current_version_no) > 1,
        stageChange: stage,
        authorName: r.author_name,
        read: Number(r.mine) > 0,
      };
      if (countReaders) entry.readBy = Number(r.read_by);
      return entry;
    }),
    nextCursor: rows.length > args.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}
