import { randomUUID } from 'node:crypto';
import type { ApiResponse } from '../../contract/envelope';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { createCasetrail, type Casetrail } from '../../server/casetrail';
import { DEMO_NOTIFY } from '../../server/notifications/notify-config';
import type { Db } from '../../server/platform/migrate';
import { seedDemo } from '../../server/seed/demo-seed';
import type { IdPools } from './arbitraries';

/** Who calls: every role a caller can have towards the demo firm's case. */
export const ROLES = [
  'admin',
  'lawyer',
  'client',
  'otherLawyer',
  'otherClient',
  'stranger',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

export const SUBJECTS: Record<Role, string | null> = {
  admin: 'dev:admin',
  lawyer: 'dev:lawyer',
  client: 'dev:client',
  otherLawyer: 'wx:o-fuzz-lawyer-b',
  otherClient: 'wx:o-fuzz-client-b',
  stranger: 'wx:o-fuzz-stranger',
  anonymous: null,
};

/** A second client of the demo case: what they write must never reach 李女士 (dev:client). */
export const CO_CLIENT = { subject: 'wx:o-fuzz-client-a2', name: '周先生' };
/** The other case's people and title: nothing of it may reach the demo case's members. */
export const OTHER_CASE = {
  title: '孙先生劳动争议仲裁',
  lawyerName: '钱律师',
  lawyerPhone: '010-8888 0199',
  clientName: '孙先生',
};

export interface FuzzFirm {
  app: Casetrail;
  db: Db;
  caseId: string;
  otherCaseId: string;
  pools: IdPools;
  /** What the server logged as unexpected (must stay empty). */
  logged: string[];
  /** Moves the clock on: each call happens a second after the last. */
  tick(): void;
  send(subject: string | null, action: string, payload: unknown): Promise<ApiResponse<unknown>>;
  /** Like send, but throws unless the answer is ok. */
  ok<T = Record<string, unknown>>(subject: string | null, action: string, payload: unknown): Promise<T>;
}

/** When the demo firm's story ends (the seed writes its history in the nine days before). */
export const FIRM_NOW = new Date('2026-03-10T02:00:00.000Z');

/**
 * The demo firm (server/seed/demo-seed.ts, written through the real API), plus what a fuzzer needs around it:
 * a second client of the demo case who asks, disputes and is assigned a task, and a second case of another
 * lawyer and client. Everything goes through `handle`, so records, hashes and the chain are genuine.
 */
export async function buildFirm(db: Db): Promise<FuzzFirm> {
  await seedDemo(db, FIRM_NOW);
  let at = FIRM_NOW.getTime() + 3 * 3600_000;
  const logged: string[] = [];
  const app = await createCasetrail({
    db,
    adminSubjects: ['dev:admin'],
    clock: () => new Date(at),
    logError: (message, error) => {
      logged.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
    config: { notify: DEMO_NOTIFY },
  });
  const send = (subject: string | null, action: string, payload: unknown) =>
    app.handle({ action, payload, requestId: `firm-${randomUUID()}` }, { subject, sourceIp: '10.0.0.9' });
  async function ok<T = Record<string, unknown>>(subject: string | null, action: string, payload: unknown) {
    const res = await send(subject, action, payload);
    if (!res.ok)
      throw new Error(`fuzz firm: ${action} failed: ${res.error.code} ${JSON.stringify(res.error.issues)}`);
    return res.data as T;
  }

  const caseId = (await db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;

  // Everyone but the anonymous caller has agreed to the privacy notice (the demo's people in the seed), so
  // authorization and the rules, not the consent gate, are what the fuzzer meets; the stranger is signed in
  // and in no case.
  for (const subject of [SUBJECTS.otherLawyer, SUBJECTS.otherClient, SUBJECTS.stranger, CO_CLIENT.subject]) {
    await ok(subject, 'privacy.consent', { version: PRIVACY_NOTICE_VERSION });
  }

  // The other case: another lawyer (enrolled through the admin, confirmed where enrolment asks for it).
  const invite = await ok<{ code: string; inviteId: string }>(SUBJECTS.admin, 'admin.inviteLawyer', {
    name: OTHER_CASE.lawyerName,
  });
  const redeemed = await ok<{ pending?: boolean }>(SUBJECTS.otherLawyer, 'invite.redeem', {
    code: invite.code,
  });
  if (redeemed.pending) await ok(SUBJECTS.admin, 'admin.confirmLawyer', { inviteId: invite.inviteId });
  await ok(SUBJECTS.otherLawyer, 'profile.update', {
    name: OTHER_CASE.lawyerName,
    firm: '示例律师事务所',
    licenseNo: '11101201910000002',
    phone: OTHER_CASE.lawyerPhone,
    contact: { showPhone: true, wechatId: null, showWechat: false, officeAddress: null, showAddress: false },
  });
  const other = await ok<{ id: string }>(SUBJECTS.otherLawyer, 'case.create', {
    title: OTHER_CASE.title,
    caseType: '劳动',
    caseNumber: '京劳人仲字〔2026〕第 118 号',
    court: null,
    opposingParty: '某餐饮管理有限公司',
  });
  const otherInvite = await ok<{ code: string }>(SUBJECTS.otherLawyer, 'invite.createClient', {
    caseId: other.id,
    clientName: OTHER_CASE.clientName,
  });
  await ok(SUBJECTS.otherClient, 'invite.redeem', { code: otherInvite.code });
  await ok(SUBJECTS.otherLawyer, 'update.publish', {
    caseId: other.id,
    title: '已提交仲裁申请',
    body: '仲裁申请书已提交，等待受理通知。',
    nextSteps: null,
    risks: null,
  });
  await ok(SUBJECTS.otherClient, 'request.create', {
    caseId: other.id,
    category: 'consult',
    body: '孙先生的私人问题：加班费如何计算？',
  });

  // A second client of the demo case, with a journey of their own.
  const coInvite = await ok<{ code: string }>(SUBJECTS.lawyer, 'invite.createClient', {
    caseId,
    clientName: CO_CLIENT.name,
  });
  await ok(CO_CLIENT.subject, 'invite.redeem', { code: coInvite.code });
  const statement = (
    await ok<{ statements: { id: string; versionNo: number }[] }>(SUBJECTS.lawyer, 'statement.list', {
      caseId,
    })
  ).statements[0];
  const detail = await ok<{ current: { content: { sections: Record<string, { id: string }[]> } } }>(
    CO_CLIENT.subject,
    'statement.get',
    { statementId: statement.id },
  );
  const itemIds = Object.values(detail.current.content.sections).flatMap((items) => items.map((i) => i.id));
  await ok(CO_CLIENT.subject, 'statement.markViewed', {
    statementId: statement.id,
    versionNo: statement.versionNo,
  });
  const question = await ok<{ id: string }>(CO_CLIENT.subject, 'statement.ask', {
    statementId: statement.id,
    versionNo: statement.versionNo,
    itemId: itemIds[0],
    question: '周先生的疑问：如果败诉，诉讼费由谁承担？',
  });
  await ok(SUBJECTS.lawyer, 'statement.answer', {
    questionId: question.id,
    answer: '按判决确定的比例承担。',
  });
  await ok(CO_CLIENT.subject, 'statement.ask', {
    statementId: statement.id,
    versionNo: statement.versionNo,
    itemId: itemIds[1],
    question: '周先生尚未得到答复的问题。',
  });
  const memo = (
    await ok<{ memos: { id: string; versionNo: number }[] }>(SUBJECTS.lawyer, 'memo.list', { caseId })
  ).memos[0];
  await ok(CO_CLIENT.subject, 'memo.markViewed', { memoId: memo.id, versionNo: memo.versionNo });
  await ok(CO_CLIENT.subject, 'memo.dispute', {
    memoId: memo.id,
    versionNo: memo.versionNo,
    reason: '周先生的异议：现金交付的金额记错了。',
  });
  const asked = await ok<{ id: string }>(CO_CLIENT.subject, 'request.create', {
    caseId,
    category: 'consult',
    body: '周先生的请求：请把开庭通知发给我。',
  });
  await ok(SUBJECTS.lawyer, 'request.answer', {
    requestId: asked.id,
    kind: 'accept',
    text: '好的，收到通知后转给您。',
    dueBy: '2026-03-20',
  });
  const coUser = await db
    .selectFrom('users')
    .select('id')
    .where('subject', '=', CO_CLIENT.subject)
    .executeTakeFirstOrThrow();
  const task = await ok<{ id: string }>(SUBJECTS.lawyer, 'task.assign', {
    caseId,
    title: '周先生提供身份证复印件',
    details: '周先生的私人事项。',
    dueDate: '2026-03-25',
    assigneeId: coUser.id,
    statementItem: null,
  });
  await ok(CO_CLIENT.subject, 'task.complete', { taskId: task.id, note: '周先生已上传。' });
  const clientUser = await db
    .selectFrom('users')
    .select('id')
    .where('subject', '=', SUBJECTS.client!)
    .executeTakeFirstOrThrow();
  await ok(SUBJECTS.lawyer, 'statement.remind', { statementId: statement.id, clientUserId: clientUser.id });
  await ok(SUBJECTS.client, 'notification.markSeen', { caseId });

  return {
    app,
    db,
    caseId,
    otherCaseId: other.id,
    pools: await idPools(db),
    logged,
    tick: () => {
      at += 1000;
    },
    send,
    ok,
  };
}

/** Every id in the firm, by the input field that names it. */
async function idPools(db: Db): Promise<IdPools> {
  const ids = async (table: 'cases' | 'users' | 'record_questions' | 'record_responses' | 'invites') =>
    (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
  const records = await db.selectFrom('records').select(['id', 'kind']).execute();
  const ofKind = (kind: string) => records.filter((r) => r.kind === kind).map((r) => r.id);
  const contents = await db.selectFrom('record_versions').select('content').execute();
  const itemIds = [
    ...new Set(
      contents.flatMap((c) => [...c.content.matchAll(/"id":"([A-Za-z0-9_-]{1,64})"/g)].map((m) => m[1])),
    ),
  ];
  const users = await ids('users');
  const byField: Record<string, string[]> = {
    caseId: await ids('cases'),
    updateId: ofKind('update'),
    statementId: ofKind('statement'),
    memoId: ofKind('memo'),
    requestId: ofKind('request'),
    taskId: ofKind('task'),
    questionId: await ids('record_questions'),
    inviteId: await ids('invites'),
    userId: users,
    clientUserId: users,
    assigneeId: users,
    aboutUpdateId: ofKind('update'),
    itemId: itemIds,
    itemIds: itemIds,
    conclusionId: itemIds,
    id: itemIds,
    resolves: await ids('record_responses'),
    templateKey: ['private-lending', 'labor-dispute-employee', 'general'],
  };
  return {
    byField,
    all: [...new Set(Object.values(byField).flat())],
    mapKeys: Object.values(DEMO_NOTIFY.templates).map((t) => t!.id),
  };
}
