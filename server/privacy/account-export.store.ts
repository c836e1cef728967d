import type { AccountExport } from '../../contract/privacy';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { Db } from '../platform/migrate';
import { findLawyerProfile } from '../session/users.store';
import { consentLog } from './consent.store';

/**
 * Everything the server holds about one person as a person (个人信息保护法 §45): read by their user id only,
 * one set-based query per concern. Records are named by case and title, never by other people's details.
 */
export async function collectAccountExport(db: Db, userId: string, now: string): Promise<AccountExport> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'is_admin', 'is_lawyer', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

  const memberships = await db
    .selectFrom('case_members as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select(['m.case_id', 'c.title', 'm.role', 'm.joined_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.joined_at')
    .execute();

  const responses = await db
    .selectFrom('record_responses as r')
    .innerJoin('records as rec', 'rec.id', 'r.record_id')
    .innerJoin('record_versions as v', 'v.id', 'r.version_id')
    .select([
      'rec.case_id',
      'r.record_id',
      'rec.kind as record_kind',
      'v.title',
      'r.version_no',
      'r.kind',
      'r.user_name',
      'r.reason',
      'r.item_id',
      'r.content_hash',
      'r.responded_at',
      'r.client_info',
      'r.source_ip',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.responded_at')
    .execute();

  const views = await db
    .selectFrom('record_views as w')
    .innerJoin('records as rec', 'rec.id', 'w.record_id')
    .innerJoin('record_versions as v', 'v.id', 'w.version_id')
    .select([
      'rec.case_id',
      'w.record_id',
      'rec.kind as record_kind',
      'v.title',
      'v.version_no',
      'w.viewed_at',
      'w.client_info',
      'w.source_ip',
    ])
    .where('w.user_id', '=', userId)
    .orderBy('w.viewed_at')
    .execute();

  const questions = await db
    .selectFrom('record_questions as q')
    .innerJoin('records as rec', 'rec.id', 'q.record_id')
    .innerJoin('record_versions as v', 'v.id', 'q.version_id')
    .select([
      'rec.case_id',
      'q.record_id',
      'rec.kind as record_kind',
      'v.title',
      'q.version_no',
      'q.item_text',
      'q.question',
      'q.asked_at',
    ])
    .where('q.asked_by', '=', userId)
    .orderBy('q.asked_at')
    .execute();

  const writings = await db
    .selectFrom('record_versions as v')
    .innerJoin('records as rec', 'rec.id', 'v.record_id')
    .select([
      'rec.case_id',
      'v.record_id',
      'rec.kind as record_kind',
      'v.title',
      'v.version_no',
      'v.content',
      'v.note',
      'v.published_at',
    ])
    .where('v.author_id', '=', userId)
    .orderBy('v.published_at')
    .execute();

  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();

  return {
    exportedAt: now,
    noticeVersion: PRIVACY_NOTICE_VERSION,
    account: {
      userId: user.id,
      displayName: user.display_name,
      isLawyer: !!user.is_lawyer,
      isAdmin: !!user.is_admin,
      createdAt: user.created_at,
    },
    lawyerProfile: user.is_lawyer ? await findLawyerProfile(db, userId) : null,
    consents: await consentLog(db, userId),
    memberships: memberships.map((m) => ({
      caseId: m.case_id,
      caseTitle: m.title,
      role: m.role,
      joinedAt: m.joined_at,
    })),
    responses: responses.map((r) => ({
      caseId: r.case_id,
      recordId: r.record_id,
      recordKind: r.record_kind,
      recordTitle: r.title,
      versionNo: Number(r.version_no),
      kind: r.kind,
      nameRecorded: r.user_name,
      reason: r.reason,
      itemId: r.item_id,
      contentHash: r.content_hash,
      at: r.responded_at,
      clientInfo: r.client_info,
      sourceIp: r.source_ip,
    })),
    views: views.map((w) => ({
      caseId: w.case_id,
      recordId: w.record_id,
      recordKind: w.record_kind,
      recordTitle: w.title,
      versionNo: Number(w.version_no),
      at: w.viewed_at,
      clientInfo: w.client_info,
      sourceIp: w.source_ip,
    })),
    questions: questions.map((q) => ({
      caseId: q.case_id,
      recordId: q.record_id,
      recordKind: q.record_kind,
      recordTitle: q.title,
      versionNo: Number(q.version_no),
      itemText: q.item_text,
      question: q.question,
      at: q.asked_at,
    })),
    writings: writings.map((v) => ({
      caseId: v.case_id,
      recordId: v.record_id,
      recordKind: v.record_kind,
      recordTitle: v.title,
      versionNo: Number(v.version_no),
      title: v.title,
      content: JSON.parse(v.content) as unknown,
      note: v.note,
      at: v.published_at,
    })),
    sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
  };
}
