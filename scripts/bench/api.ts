/**
 * The parts of every bench database made through the API itself (as a real firm would): the lawyer, the case,
 * its first client, a few real updates and statements. Bulk rows (bulk.ts) come on top of these.
 */
import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/index';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { createCasetrail, type Casetrail } from '../../server/casetrail';
import type { Store } from './engines';

export const ADMIN = 'wx:o-bench-admin';
/** The dev-login persona `lawyer` signs in as this subject: the HTTP bench logs the lawyer in through it. */
export const LAWYER = 'dev:lawyer';
export const CLIENT = 'wx:o-bench-client';

export type Call = <A extends ActionName>(
  subject: string,
  action: A,
  payload: ActionInput<A>,
) => Promise<ActionOutput<A>>;

/** Calls one action through `handle` (the same path as the cloud function and HTTP entries); throws unless ok. */
export function caller(app: Casetrail): Call {
  return async (subject, action, payload) => {
    const res = await app.handle(
      { action, payload, requestId: `bench-${randomUUID()}` },
      { subject, sourceIp: '127.0.0.1' },
    );
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${JSON.stringify(res.error.issues ?? '')}`);
    return res.data as ActionOutput<typeof action>;
  };
}

export interface Firm {
  app: Casetrail;
  call: Call;
  lawyerId: string;
  lawyerName: string;
  clientId: string;
  /** A case with the lawyer and one client, both joined through the API. */
  caseId: string;
}

/** Admin invites the lawyer, the lawyer fills in the profile, opens a case and invites a client, who joins. */
export async function openFirm(store: Store): Promise<Firm> {
  const app = await createCasetrail({ db: store.db, adminSubjects: [ADMIN] });
  const call = caller(app);
  // Each agrees to the privacy notice first, as the apps ask before anything is stored.
  for (const subject of [ADMIN, LAWYER, CLIENT])
    await call(subject, 'privacy.consent', { version: PRIVACY_NOTICE_VERSION });
  const lawyerInvite = await call(ADMIN, 'admin.inviteLawyer', { name: '张律师' });
  await call(LAWYER, 'invite.redeem', { code: lawyerInvite.code });
  await call(ADMIN, 'admin.confirmLawyer', { inviteId: lawyerInvite.inviteId });
  await call(LAWYER, 'profile.update', {
    name: '张律师',
    firm: '示例律师事务所',
    licenseNo: '1310120181',
    phone: null,
  });
  const created = await call(LAWYER, 'case.create', {
    title: '王某诉李某民间借贷纠纷',
    caseType: '民事',
    caseNumber: '(2025)京0105民初12345号',
    court: '北京市朝阳区人民法院',
    opposingParty: '李某',
  });
  const clientInvite = await call(LAWYER, 'invite.createClient', {
    caseId: created.id,
    clientName: '王女士',
  });
  await call(CLIENT, 'invite.redeem', { code: clientInvite.code });
  const me = await call(CLIENT, 'session.me', {});
  const lawyer = await call(LAWYER, 'session.me', {});
  return {
    app,
    call,
    lawyerId: lawyer.userId,
    lawyerName: lawyer.displayName,
    clientId: me.userId,
    caseId: created.id,
  };
}

export const UPDATE_BODY =
  '起诉状、证据目录及证据材料已提交法院立案庭，法院将在 7 日内决定是否受理。受理后会通知缴纳诉讼费，' +
  '请留意短信和电话。对方可能在答辩期内提出管辖权异议，这会使开庭时间推后约一个月。';

/** Publishes `count` real updates through the API; the client reads the first of them through the API. */
export async function publishUpdates(firm: Firm, caseId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const update = await firm.call(LAWYER, 'update.publish', {
      caseId,
      title: `案件进展（API ${i + 1}）`,
      body: UPDATE_BODY,
      nextSteps: '等待法院受理通知',
      risks: null,
    });
    ids.push(update.id);
  }
  if (ids.length) await firm.call(CLIENT, 'update.markRead', { updateId: ids[0] });
  return ids;
}

export interface PublishedStatement {
  recordId: string;
  versionId: string;
  versionNo: number;
  contentHash: string;
  itemIds: string[];
}

/** A statement drafted from a template and published through the API. */
export async function publishStatement(
  firm: Firm,
  caseId: string,
  templateKey: string,
): Promise<PublishedStatement> {
  const draft = await firm.call(LAWYER, 'statement.createDraft', { caseId, templateKey });
  const published = await firm.call(LAWYER, 'statement.publish', { statementId: draft.id });
  const current = published.current;
  if (!current) throw new Error('a published statement has a current version');
  const versionId = await firm.app.db
    .selectFrom('record_versions')
    .select('id')
    .where('record_id', '=', draft.id)
    .where('version_no', '=', current.versionNo)
    .executeTakeFirstOrThrow();
  const sections = current.content.sections;
  return {
    recordId: draft.id,
    versionId: versionId.id,
    versionNo: current.versionNo,
    contentHash: current.contentHash,
    itemIds: [...sections.worstCase, ...sections.weWill, ...sections.weCannot, ...sections.youMust].map(
      (i) => i.id,
    ),
  };
}

/** The API client views and acknowledges a statement through the API. */
export async function acknowledgeAsClient(firm: Firm, s: PublishedStatement): Promise<void> {
  await firm.call(CLIENT, 'statement.markViewed', { statementId: s.recordId, versionNo: s.versionNo });
  await firm.call(CLIENT, 'statement.acknowledge', {
    statementId: s.recordId,
    versionNo: s.versionNo,
    itemIds: s.itemIds,
  });
}
