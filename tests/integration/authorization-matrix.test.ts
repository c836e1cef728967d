import { ACTION_NAMES, DENY_CODES, type ActionInput, type ActionName } from '../../contract/index';
import { ACCOUNT_DELETE_CONFIRMATION } from '../../contract/privacy';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import { AUTHORIZATION_MATRIX, ROLES, type MatrixRole } from '../../server/authorization-matrix';
import { ADMIN, openHarness, sampleUpdate, setUpFirm, type Harness } from '../fixtures/api-harness';
import { memoInputOf, publishMemo, sampleMemo } from '../fixtures/memos';
import { writeRequest } from '../fixtures/requests';
import { publishStatement, sampleStatement, statementItemIds } from '../fixtures/statements';
import { assignTask, shanghaiDayAfter } from '../fixtures/tasks';

interface Fixture {
  h: Harness;
  caseId: string;
  updateId: string;
  statementId: string;
  itemIds: string[];
  questionId: string;
  clientUserId: string;
  memoId: string;
  requestId: string;
  taskId: string;
  subjects: Record<MatrixRole, string>;
}

/** A valid payload for each action, so that only the caller's role can make it fail with a deny code. */
const PAYLOADS: { [A in ActionName]: (fx: Fixture, role: MatrixRole) => Promise<ActionInput<A>> } = {
  'session.me': async () => ({}),
  'session.signOutEverywhere': async () => ({}),
  'profile.update': async () => ({
    name: '张律师',
    firm: '示例律师事务所',
    licenseNo: '13101201810000001',
    phone: null,
  }),
  'admin.inviteLawyer': async () => ({ name: '赵律师' }),
  'admin.listLawyers': async () => ({}),
  'invite.createClient': async (fx) => ({ caseId: fx.caseId, clientName: null }),
  'invite.redeem': async (fx) => ({
    code: (await fx.h.ok(fx.subjects.lawyer, 'invite.createClient', { caseId: fx.caseId, clientName: null }))
      .code,
  }),
  'invite.preview': async (fx) => ({
    code: (await fx.h.ok(fx.subjects.lawyer, 'invite.createClient', { caseId: fx.caseId, clientName: null }))
      .code,
  }),
  'invite.list': async (fx) => ({ caseId: fx.caseId }),
  'invite.revoke': async (fx) => ({
    inviteId: (
      await fx.h.ok(fx.subjects.lawyer, 'invite.createClient', { caseId: fx.caseId, clientName: null })
    ).inviteId,
  }),
  'member.remove': async (fx, role) => {
    const subject = `wx:o-removable-${role}`;
    const invite = await fx.h.ok(fx.subjects.lawyer, 'invite.createClient', {
      caseId: fx.caseId,
      clientName: null,
    });
    await fx.h.ok(subject, 'invite.redeem', { code: invite.code });
    return { caseId: fx.caseId, userId: (await fx.h.ok(subject, 'session.me', {})).userId };
  },
  'admin.confirmLawyer': async (fx, role) => ({
    inviteId: await redeemedLawyerInvite(fx, `confirm-${role}`),
  }),
  'admin.rejectLawyer': async (fx, role) => ({ inviteId: await redeemedLawyerInvite(fx, `reject-${role}`) }),
  'case.create': async () => ({
    title: '新案件',
    caseType: '民事',
    caseNumber: null,
    court: null,
    opposingParty: null,
  }),
  'case.list': async () => ({}),
  'case.get': async (fx) => ({ caseId: fx.caseId }),
  'case.timeline': async (fx) => ({ caseId: fx.caseId }),
  'case.verifyLog': async (fx) => ({ caseId: fx.caseId }),
  'evidence.seal': async () => ({}),
  'case.export': async (fx) => ({ caseId: fx.caseId }),
  'update.publish': async (fx) => ({ caseId: fx.caseId, ...sampleUpdate }),
  'update.correct': async (fx, role) => ({
    updateId: fx.updateId,
    ...sampleUpdate,
    body: `更正 ${role}`,
    reason: '更正',
  }),
  'update.get': async (fx) => ({ updateId: fx.updateId }),
  'update.markRead': async (fx) => ({ updateId: fx.updateId }),
  'statement.templates': async () => ({}),
  'statement.createDraft': async (fx) => ({ caseId: fx.caseId, templateKey: null }),
  'statement.saveDraft': async (fx) => ({ statementId: fx.statementId, content: sampleStatement }),
  'statement.publish': async (fx) => ({ statementId: fx.statementId, changeNote: '补充说明' }),
  'statement.list': async (fx) => ({ caseId: fx.caseId }),
  'statement.get': async (fx) => ({ statementId: fx.statementId }),
  'statement.markViewed': async (fx) => ({ statementId: fx.statementId, versionNo: 1 }),
  'statement.acknowledge': async (fx) => ({ statementId: fx.statementId, versionNo: 1, itemIds: fx.itemIds }),
  'statement.ask': async (fx) => ({
    statementId: fx.statementId,
    versionNo: 1,
    itemId: fx.itemIds[0],
    question: '这一条是什么意思？',
  }),
  'statement.answer': async (fx) => ({ questionId: fx.questionId, answer: '意思是……' }),
  'statement.remind': async (fx) => ({ statementId: fx.statementId, clientUserId: fx.clientUserId }),
  'statement.mine': async () => ({}),
  'case.contact': async (fx) => ({ caseId: fx.caseId }),
  'memo.publish': async (fx) => ({ caseId: fx.caseId, memo: sampleMemo }),
  'memo.correct': async (fx, role) => ({
    memoId: fx.memoId,
    memo: memoInputOf(await fx.h.ok(fx.subjects.lawyer, 'memo.get', { memoId: fx.memoId }), {
      followUp: `更正 ${role}`,
    }),
    reason: '补充后续安排',
  }),
  'memo.get': async (fx) => ({ memoId: fx.memoId }),
  'memo.list': async (fx) => ({ caseId: fx.caseId }),
  'memo.markViewed': async (fx) => ({ memoId: fx.memoId, versionNo: 1 }),
  'memo.confirm': async (fx) => ({ memoId: fx.memoId, versionNo: 1 }),
  'memo.dispute': async (fx) => ({ memoId: fx.memoId, versionNo: 1, reason: '第二条结论与通话内容不符' }),
  'request.create': async (fx) => ({ caseId: fx.caseId, category: 'consult', body: '开庭需要我到场吗？' }),
  'request.answer': async (fx) => ({ requestId: fx.requestId, kind: 'reply', text: '需要到场。' }),
  'request.get': async (fx) => ({ requestId: fx.requestId }),
  'request.list': async (fx) => ({ caseId: fx.caseId }),
  'request.markRead': async (fx) => ({ requestId: fx.requestId }),
  'task.assign': async (fx) => ({
    caseId: fx.caseId,
    title: '提供借条原件',
    dueDate: shanghaiDayAfter(fx.h, 3),
    assigneeId: fx.clientUserId,
  }),
  'task.complete': async (fx) => ({ taskId: fx.taskId, note: '已寄出' }),
  'task.review': async (fx) => ({ taskId: fx.taskId, decision: 'return', reason: '照片不清楚' }),
  'task.get': async (fx) => ({ taskId: fx.taskId }),
  'task.list': async (fx) => ({ caseId: fx.caseId }),
  'workbench.get': async () => ({}),
  'notification.settings': async () => ({}),
  'notification.subscribe': async () => ({ results: { 'demo-progress': 'accept' } }),
  'notification.list': async (fx) => ({ caseId: fx.caseId }),
  'notification.markSeen': async (fx) => ({ caseId: fx.caseId }),
  'notification.preview': async () => ({}),
  'privacy.status': async () => ({}),
  'privacy.consent': async () => ({ version: PRIVACY_NOTICE_VERSION }),
  'privacy.withdraw': async () => ({}),
  'account.export': async () => ({}),
  'account.delete': async () => ({ confirm: ACCOUNT_DELETE_CONFIRMATION }),
};

/** A lawyer invite someone redeemed, waiting for the admin's decision. */
async function redeemedLawyerInvite(fx: Fixture, tag: string): Promise<string> {
  const invite = await fx.h.ok(ADMIN, 'admin.inviteLawyer', { name: '赵律师' });
  await fx.h.ok(`wx:o-pending-${tag}`, 'invite.redeem', { code: invite.code });
  return invite.inviteId;
}

async function fixture(): Promise<Fixture> {
  const h = await openHarness();
  const mine = await setUpFirm(h);
  const other = await setUpFirm(h, '-other');
  const update = await h.ok(mine.lawyer, 'update.publish', { caseId: mine.caseId, ...sampleUpdate });
  const stranger = 'wx:o-stranger';
  await h.ok(stranger, 'session.me', {});
  const statement = await publishStatement(h, mine.lawyer, mine.caseId);
  const itemIds = statementItemIds(statement);
  const question = await h.ok(mine.client, 'statement.ask', {
    statementId: statement.id,
    versionNo: 1,
    itemId: itemIds[0],
    question: '什么意思？',
  });
  const clientUserId = (await h.ok(mine.client, 'session.me', {})).userId;
  const memo = await publishMemo(h, mine.lawyer, mine.caseId);
  const request = await writeRequest(h, mine.client, mine.caseId);
  const task = await assignTask(h, mine.lawyer, mine.caseId, clientUserId);
  return {
    h,
    caseId: mine.caseId,
    memoId: memo.id,
    requestId: request.id,
    taskId: task.id,
    updateId: update.id,
    statementId: statement.id,
    itemIds,
    questionId: question.id,
    clientUserId,
    subjects: {
      stranger,
      clientOfOtherCase: other.client,
      client: mine.client,
      lawyerOfOtherCase: other.lawyer,
      lawyer: mine.lawyer,
      admin: ADMIN,
    },
  };
}

describe('the authorization matrix', () => {
  it('has a row for every action of the contract, and no other', () => {
    expect(Object.keys(AUTHORIZATION_MATRIX).sort()).toEqual([...ACTION_NAMES].sort());
    expect(Object.keys(PAYLOADS).sort()).toEqual([...ACTION_NAMES].sort());
  });

  describe.each(ACTION_NAMES)('%s', (action) => {
    let fx: Fixture;
    beforeAll(async () => {
      fx = await fixture();
    });
    afterAll(() => fx.h.close());

    it.each(ROLES)('as %s', async (role) => {
      const allowed = AUTHORIZATION_MATRIX[action].includes(role);
      const payload = await (PAYLOADS[action] as (f: Fixture, r: MatrixRole) => Promise<unknown>)(fx, role);
      const before = await fx.h.counts();
      const res = await fx.h.send(fx.subjects[role], {
        action,
        payload,
        requestId: `req-${action.replace('.', '-')}-${role}`,
      });
      const denied = !res.ok && DENY_CODES.includes(res.error.code);
      expect({ role, action, outcome: denied ? 'deny' : 'allow' }).toEqual({
        role,
        action,
        outcome: allowed ? 'allow' : 'deny',
      });
      if (!res.ok) expect(res.error.code).not.toBe('INVALID_ARGUMENT');
      if (denied) expect(await fx.h.counts()).toEqual(before);
    });
  });

  it('denies every action to a caller the platform did not identify', async () => {
    const fx = await fixture();
    try {
      for (const action of ACTION_NAMES) {
        const payload = await (PAYLOADS[action] as (f: Fixture, r: MatrixRole) => Promise<unknown>)(
          fx,
          'lawyer',
        );
        const res = await fx.h.send(null, { action, payload, requestId: 'req-anonymous' });
        expect(res.ok || res.error.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      await fx.h.close();
    }
  });
});
