import { NOTIFY_LIMITS, type NoticeKind } from '../../contract/notifications';
import { newId } from '../../server/platform/crypto';
import { queueNotices } from '../../server/notifications/notices.store';
import { DEMO_NOTIFY, NOTIFY_OFF, type NotifyConfig } from '../../server/notifications/notify-config';
import {
  openCaseWithClient,
  openHarness,
  sampleUpdate,
  setUpFirm,
  type Firm,
  type Harness,
} from '../fixtures/api-harness';
import { memoInputOf, publishMemo } from '../fixtures/memos';
import { writeRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';
import { assignTask, userIdOf } from '../fixtures/tasks';

const HOUR = 3600_000;
const SECOND_CLIENT = 'wx:o-client-second';

let h: Harness;
let firm: Firm;
let ids: { lawyer: string; client: string; second: string };

async function open(config?: NotifyConfig) {
  h = await openHarness(config ? { config: { notify: config } } : {});
  firm = await setUpFirm(h);
  const invite = await h.ok(firm.lawyer, 'invite.createClient', {
    caseId: firm.caseId,
    clientName: '王先生',
  });
  await h.ok(SECOND_CLIENT, 'invite.redeem', { code: invite.code });
  ids = {
    lawyer: await userIdOf(h, firm.lawyer),
    client: await userIdOf(h, firm.client),
    second: await userIdOf(h, SECOND_CLIENT),
  };
}
afterEach(() => h.close());

interface Row {
  kind: string;
  recipient_user_id: string;
  created_by: string;
  subject_id: string;
  payload: string;
  status: string;
}

const outbox = (): Promise<Row[]> =>
  h.db.selectFrom('notification_outbox').selectAll().orderBy('created_at').orderBy('id').execute();

/** Runs `act` and returns the outbox rows it added, as [kind, recipient, subject] sorted. */
async function queuedBy(act: () => Promise<unknown>): Promise<Row[]> {
  const before = new Set(
    (await h.db.selectFrom('notification_outbox').select('id').execute()).map((r) => r.id),
  );
  await act();
  const after = await h.db.selectFrom('notification_outbox').selectAll().execute();
  return after.filter((r) => !before.has(r.id));
}

const summary = (rows: Row[]) =>
  rows.map((r) => [r.kind, r.recipient_user_id, r.subject_id] as [string, string, string]).sort();

/** Runs a refused act and checks it answered `code` and queued nothing. */
async function refusedQueuesNothing(act: () => Promise<{ code: string }>, code: string) {
  const count = (await outbox()).length;
  expect((await act()).code).toBe(code);
  expect(await outbox()).toHaveLength(count);
}

async function waiting(subject: string): Promise<number> {
  const list = await h.ok(subject, 'case.list', {});
  return list.cases.find((c) => c.id === firm.caseId)!.waiting;
}

describe('every act queues what its readers should learn, in its own transaction', () => {
  beforeEach(() => open());

  it('an update, published and corrected, reaches each client of the case', async () => {
    const published = await queuedBy(() =>
      h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate }),
    );
    const updateId = published[0].subject_id;
    expect(summary(published)).toEqual(
      summary([
        { kind: 'update.published', recipient_user_id: ids.client, subject_id: updateId } as Row,
        { kind: 'update.published', recipient_user_id: ids.second, subject_id: updateId } as Row,
      ]),
    );
    for (const r of published) {
      expect(r).toMatchObject({ created_by: ids.lawyer, status: 'pending' });
      expect(JSON.parse(r.payload)).toEqual({ title: sampleUpdate.title });
    }

    const corrected = await queuedBy(() =>
      h.ok(firm.lawyer, 'update.correct', {
        updateId,
        ...sampleUpdate,
        title: '已提交起诉材料（更正）',
        reason: '标题有误',
      }),
    );
    expect(summary(corrected).map(([kind, to]) => [kind, to])).toEqual(
      [
        ['update.published', ids.client],
        ['update.published', ids.second],
      ].sort(),
    );
    expect(JSON.parse(corrected[0].payload).title).toBe('已提交起诉材料（更正）');

    await refusedQueuesNothing(
      () =>
        h.err(firm.lawyer, 'update.correct', {
          updateId,
          ...sampleUpdate,
          title: '已提交起诉材料（更正）',
          reason: '再次',
        }),
      'UPDATE.NOTHING_CHANGED',
    );
    await refusedQueuesNothing(
      () => h.err(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate, stageIndex: 99 }),
      'CASE.STAGE_NOT_FOUND',
    );
  });

  it('a statement reaches the clients; a question the lawyers; the answer only the one who asked', async () => {
    const published = await queuedBy(() => publishStatement(h, firm.lawyer, firm.caseId));
    const statementId = published[0].subject_id;
    expect(summary(published)).toEqual(
      [
        ['statement.published', ids.client, statementId],
        ['statement.published', ids.second, statementId],
      ].sort(),
    );
    const detail = await h.ok(firm.client, 'statement.get', { statementId });
    const [itemId] = statementItemIds(detail);

    await refusedQueuesNothing(
      () =>
        h.err(firm.client, 'statement.ask', { statementId, versionNo: 1, itemId: 'no-such', question: '?' }),
      'STATEMENT.ITEM_NOT_FOUND',
    );
    let questionId = '';
    const asked = await queuedBy(async () => {
      questionId = (
        await h.ok(firm.client, 'statement.ask', {
          statementId,
          versionNo: 1,
          itemId,
          question: '公告送达要多久？',
        })
      ).id;
    });
    expect(summary(asked)).toEqual([['question.asked', ids.lawyer, statementId]]);
    expect(asked[0].created_by).toBe(ids.client);

    const answered = await queuedBy(() =>
      h.ok(firm.lawyer, 'statement.answer', { questionId, answer: '一般需要 30 日。' }),
    );
    expect(summary(answered)).toEqual([['question.answered', ids.client, statementId]]);
    expect(JSON.parse(answered[0].payload).title).toBe(detail.current!.content.title);
    await refusedQueuesNothing(
      () => h.err(firm.lawyer, 'statement.answer', { questionId, answer: '再答一次' }),
      'STATEMENT.QUESTION_ANSWERED',
    );
  });

  it('a memo reaches the clients; a dispute the lawyers; a superseded or repeated dispute nothing', async () => {
    let memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const memoRows = (await outbox()).filter((r) => r.kind === 'memo.published');
    expect(summary(memoRows)).toEqual(
      [
        ['memo.published', ids.client, memo.id],
        ['memo.published', ids.second, memo.id],
      ].sort(),
    );
    const conclusionId = memo.current.content.conclusions[1].id;
    const dispute = { memoId: memo.id, versionNo: 1, conclusionId, reason: '我希望申请财产保全。' };
    const disputed = await queuedBy(() => h.ok(firm.client, 'memo.dispute', dispute));
    expect(summary(disputed)).toEqual([['memo.disputed', ids.lawyer, memo.id]]);
    // The same dispute again answers with the first: nothing new to learn.
    expect(await queuedBy(() => h.ok(firm.client, 'memo.dispute', dispute))).toEqual([]);

    const corrected = await queuedBy(async () => {
      memo = await h.ok(firm.lawyer, 'memo.correct', {
        memoId: memo.id,
        memo: memoInputOf(memo, {
          conclusions: [memo.current.content.conclusions[0], { text: '申请财产保全。' }],
        }),
        reason: '按李女士意见更正',
        resolves: [],
      });
    });
    expect(summary(corrected).map(([kind, to]) => [kind, to])).toEqual(
      [
        ['memo.published', ids.client],
        ['memo.published', ids.second],
      ].sort(),
    );
    await refusedQueuesNothing(
      () => h.err(SECOND_CLIENT, 'memo.dispute', { ...dispute, versionNo: 1 }),
      'MEMO.SUPERSEDED',
    );
  });

  it('a request reaches the lawyers; its answer only the client who wrote it', async () => {
    let requestId = '';
    const created = await queuedBy(async () => {
      requestId = (await writeRequest(h, firm.client, firm.caseId)).id;
    });
    expect(summary(created)).toEqual([['request.created', ids.lawyer, requestId]]);
    expect(JSON.parse(created[0].payload).title).toBe('请求办理');

    const answer = { requestId, kind: 'reply' as const, text: '已向法院提交调查令申请。', dueBy: null };
    const answered = await queuedBy(() => h.ok(firm.lawyer, 'request.answer', answer));
    expect(summary(answered)).toEqual([['request.answered', ids.client, requestId]]);
    await refusedQueuesNothing(
      () => h.err(firm.lawyer, 'request.answer', answer),
      'REQUEST.ALREADY_ANSWERED',
    );
  });

  it('a task: assigned to its client, done to the lawyers, returned and accepted to its client', async () => {
    let taskId = '';
    const assigned = await queuedBy(async () => {
      taskId = (await assignTask(h, firm.lawyer, firm.caseId, ids.client)).id;
    });
    expect(summary(assigned)).toEqual([['task.assigned', ids.client, taskId]]);
    expect(JSON.parse(assigned[0].payload).title).toBe('提供借条原件');

    await refusedQueuesNothing(
      () => h.err(SECOND_CLIENT, 'task.complete', { taskId, note: null }),
      'TASK.NOT_ASSIGNEE',
    );
    const done = () => h.ok(firm.client, 'task.complete', { taskId, note: null });
    expect(summary(await queuedBy(done))).toEqual([['task.completed', ids.lawyer, taskId]]);
    await refusedQueuesNothing(
      () => h.err(firm.client, 'task.complete', { taskId, note: null }),
      'TASK.WRONG_STATE',
    );
    const returned = await queuedBy(() =>
      h.ok(firm.lawyer, 'task.review', { taskId, decision: 'return', reason: '照片看不清' }),
    );
    expect(summary(returned)).toEqual([['task.returned', ids.client, taskId]]);
    await queuedBy(done);
    const accepted = await queuedBy(() =>
      h.ok(firm.lawyer, 'task.review', { taskId, decision: 'accept', reason: null }),
    );
    expect(summary(accepted)).toEqual([['task.accepted', ids.client, taskId]]);
  });

  it('never notifies the author of an act', async () => {
    await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    await writeRequest(h, firm.client, firm.caseId);
    const queued = await queueNotices(h.db, {
      kind: 'update.published',
      caseId: firm.caseId,
      recipients: [ids.lawyer, ids.client],
      recordId: 'r',
      title: 't',
      createdBy: ids.lawyer,
      now: h.now().toISOString(),
      mode: 'demo',
    });
    expect(queued).toHaveLength(1);
    const rows = await outbox();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.recipient_user_id === r.created_by)).toEqual([]);
  });
});

describe('with WeChat delivery off', () => {
  beforeEach(() => open(NOTIFY_OFF));

  it('keeps each notice in the app only', async () => {
    const rows = await queuedBy(() =>
      h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate }),
    );
    expect(rows.map((r) => r.status)).toEqual(['inApp', 'inApp']);
    const [notice] = (await h.ok(firm.client, 'notification.list', { caseId: firm.caseId })).notices;
    expect(notice.delivery).toEqual({ state: 'inApp', at: null, reason: null });
  });
});

describe('in the app', () => {
  beforeEach(() => open());

  it('counts what waits on the case list, and clears it when seen, at a cost that does not grow', async () => {
    expect(await waiting(firm.client)).toBe(0);
    await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    await assignTask(h, firm.lawyer, firm.caseId, ids.client);
    expect(await waiting(firm.client)).toBe(2);
    expect(await waiting(SECOND_CLIENT)).toBe(1);
    expect(await waiting(firm.lawyer)).toBe(0);

    h.resetQueries();
    await h.ok(firm.client, 'case.list', {});
    const costWithTwo = h.queries();

    const seen = await h.ok(firm.client, 'notification.markSeen', { caseId: firm.caseId });
    expect(seen).toEqual({ caseId: firm.caseId, unseen: 0 });
    expect(await waiting(firm.client)).toBe(0);
    expect(await waiting(SECOND_CLIENT)).toBe(1);
    const list = await h.ok(firm.client, 'notification.list', { caseId: firm.caseId });
    expect(list.notices.map((n) => n.seen)).toEqual([true, true]);

    // Forty more notices: the count is a column, read at the same cost.
    for (let i = 0; i < 40; i++) {
      await queueNotices(h.db, {
        kind: 'update.published',
        caseId: firm.caseId,
        recipients: [ids.client],
        recordId: `u${i}`,
        title: `进展 ${i}`,
        createdBy: ids.lawyer,
        now: h.now().toISOString(),
        mode: 'demo',
      });
    }
    h.resetQueries();
    expect(await waiting(firm.client)).toBe(40);
    expect(h.queries()).toBe(costWithTwo);
    const settings = await h.ok(firm.client, 'notification.settings', {});
    expect(settings.unseen).toBe(40);
  });

  it('lists a case’s notices newest first in pages, received and sent, with names', async () => {
    const total = NOTIFY_LIMITS.pageSize + 5;
    for (let i = 0; i < total; i++) {
      h.advance(1000);
      await queueNotices(h.db, {
        kind: i % 2 ? 'task.assigned' : 'update.published',
        caseId: firm.caseId,
        recipients: [ids.client],
        recordId: `r${i}`,
        title: `第 ${i} 条`,
        createdBy: ids.lawyer,
        now: h.now().toISOString(),
        mode: 'demo',
      });
    }
    // Another case's notice for the same client stays out of this case's list.
    const other = await openCaseWithClient(h, firm.lawyer, firm.client);
    await h.ok(firm.lawyer, 'update.publish', { caseId: other, ...sampleUpdate });

    h.resetQueries();
    const first = await h.ok(firm.client, 'notification.list', { caseId: firm.caseId });
    const listCost = h.queries();
    expect(first.notices).toHaveLength(NOTIFY_LIMITS.pageSize);
    expect(first.notices[0]).toMatchObject({
      kind: 'update.published',
      caseId: firm.caseId,
      recordId: `r${total - 1}`,
      title: `第 ${total - 1} 条`,
      fromName: '张律师',
      toName: '李女士',
      seen: false,
      delivery: { state: 'queued', at: null, reason: null },
    });
    expect(first.next).not.toBeNull();
    h.resetQueries();
    const second = await h.ok(firm.client, 'notification.list', { caseId: firm.caseId, before: first.next });
    expect(h.queries()).toBe(listCost);
    expect(second.next).toBeNull();
    const titles = [...first.notices, ...second.notices].map((n) => n.title);
    expect(titles).toEqual(Array.from({ length: total }, (_, i) => `第 ${total - 1 - i} 条`));

    const sent = await h.ok(firm.lawyer, 'notification.list', { caseId: firm.caseId, box: 'sent' });
    expect(sent.notices).toHaveLength(NOTIFY_LIMITS.pageSize);
    expect(sent.notices.every((n) => n.fromName === '张律师' && n.toName === '李女士')).toBe(true);
    expect((await h.ok(firm.lawyer, 'notification.list', { caseId: firm.caseId })).notices).toEqual([]);

    const bad = await h.err(firm.client, 'notification.list', {
      caseId: firm.caseId,
      before: 'not-a-cursor',
    });
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect((await h.err('wx:o-stranger', 'notification.list', { caseId: firm.caseId })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('consent credits', () => {
  beforeEach(() => open());

  const credits = () => h.db.selectFrom('notify_credits').selectAll().orderBy('template_id').execute();

  it('stores one credit per accepted template, capped, and refuses unknown templates changing nothing', async () => {
    const start = await h.ok(firm.client, 'notification.settings', {});
    expect(start).toMatchObject({
      mode: 'demo',
      credits: { progress: 0, todo: 0, message: 0 },
      quietHours: { start: '22:00', end: '08:00' },
      unseen: 0,
    });
    expect(start.templates.map((t) => [t.key, t.templateId, t.audience])).toEqual([
      ['progress', 'demo-progress', 'client'],
      ['todo', 'demo-todo', 'client'],
      ['message', 'demo-message', 'lawyer'],
    ]);
    expect(start.templates[0].title).toBe('案件进展通知');

    const after = await h.ok(firm.client, 'notification.subscribe', {
      results: { 'demo-progress': 'accept', 'demo-todo': 'reject' },
    });
    expect(after.credits).toEqual({ progress: 1, todo: 0, message: 0 });

    const before = await credits();
    const unknown = await h.err(firm.client, 'notification.subscribe', {
      results: { 'demo-progress': 'accept', 'someone-elses': 'accept' },
    });
    expect(unknown.code).toBe('NOTIFY.UNKNOWN_TEMPLATE');
    expect(unknown.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await credits()).toEqual(before);
    const tooMany = await h.err(firm.client, 'notification.subscribe', {
      results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' },
    });
    expect(tooMany.code).toBe('INVALID_ARGUMENT');
    expect(await credits()).toEqual(before);

    for (let i = 0; i < NOTIFY_LIMITS.maxCredits + 3; i++)
      await h.ok(firm.client, 'notification.subscribe', { results: { 'demo-progress': 'accept' } });
    const capped = await h.ok(firm.client, 'notification.settings', {});
    expect(capped.credits.progress).toBe(NOTIFY_LIMITS.maxCredits);
  });

  it('tells a lawyer their own quiet hours', async () => {
    await h.ok(firm.lawyer, 'profile.update', {
      name: '张律师',
      firm: '示例律师事务所',
      licenseNo: '13101201810000001',
      phone: null,
      quietHours: { start: '21:00', end: '07:30' },
    });
    const settings = await h.ok(firm.lawyer, 'notification.settings', {});
    expect(settings.quietHours).toEqual({ start: '21:00', end: '07:30' });
  });

  it('answers nothing to a stranger without an account', async () => {
    expect((await h.err('wx:o-nobody', 'notification.settings', {})).code).toBe('UNAUTHENTICATED');
  });
});

describe('the reminder says what really happens', () => {
  let statementId: string;
  const remind = () => h.ok(firm.lawyer, 'statement.remind', { statementId, clientUserId: ids.client });
  const lastDelivery = async () => {
    const detail = await h.ok(firm.lawyer, 'statement.get', { statementId });
    return detail.clients!.find((c) => c.userId === ids.client)!.lastReminderDelivery;
  };

  async function setUp(config?: NotifyConfig) {
    await open(config);
    statementId = (await publishStatement(h, firm.lawyer, firm.caseId)).id;
  }

  it('not possible while the client has allowed no notifications', async () => {
    await setUp();
    const answer = await remind();
    expect(answer.delivery).toEqual({ state: 'noConsent', at: null, reason: null });
  });

  it('queued in the daytime once the client has allowed one', async () => {
    await setUp();
    await h.ok(firm.client, 'notification.subscribe', { results: { 'demo-todo': 'accept' } });
    expect(await lastDelivery()).toBeNull();
    const answer = await remind();
    expect(answer.delivery).toEqual({ state: 'queued', at: null, reason: null });
    expect(await lastDelivery()).toEqual({ state: 'queued', at: null, reason: null });
  });

  it('deferred to the end of the client’s quiet hours at night, whatever the lawyer’s', async () => {
    await setUp();
    await h.ok(firm.client, 'notification.subscribe', { results: { 'demo-progress': 'accept' } });
    h.advance(14 * HOUR); // 23:00 in Shanghai
    const answer = await remind();
    const end = '2026-03-03T00:00:00.000Z'; // 08:00 the next morning in Shanghai
    expect(answer.delivery).toEqual({ state: 'deferred', at: end, reason: expect.stringMatching(/免打扰/) });
    const row = await h.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('id', '=', answer.outboxId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', reason: 'quiet_hours', not_before: end });
    expect(await lastDelivery()).toMatchObject({ state: 'deferred', at: end });
    h.advance(9 * HOUR);
    expect(await lastDelivery()).toMatchObject({ state: 'queued' });
  });

  it('in the app only when this deployment sends no messages', async () => {
    await setUp(NOTIFY_OFF);
    expect((await remind()).delivery).toEqual({ state: 'inApp', at: null, reason: null });
    expect(await lastDelivery()).toEqual({ state: 'inApp', at: null, reason: null });
  });

  it('reads each client’s last reminder with its message, in a fixed number of queries', async () => {
    await setUp();
    const first = await remind();
    // The sender put it in a message that failed once.
    const messageId = newId();
    await h.db
      .insertInto('notification_messages')
      .values({
        id: messageId,
        recipient_user_id: ids.client,
        case_id: firm.caseId,
        template: 'todo',
        template_id: 'demo-todo',
        page: `statement/view/index?id=${statementId}`,
        data: '{}',
        transport: 'demo',
        status: 'retry',
        attempts: 1,
        next_attempt_at: '2026-03-02T01:05:00.000Z',
        claimed_at: null,
        sent_at: null,
        last_error: 'quota: http 200 errcode 45009',
        created_at: h.now().toISOString(),
      })
      .execute();
    await h.db
      .updateTable('notification_outbox')
      .set({ status: 'sending', message_id: messageId })
      .where('id', '=', first.outboxId)
      .execute();
    expect(await lastDelivery()).toEqual({
      state: 'retrying',
      at: '2026-03-02T01:05:00.000Z',
      reason: '今日消息发送次数已达上限',
    });
    h.resetQueries();
    await lastDelivery();
    const cost = h.queries();
    h.advance(25 * HOUR);
    await h.ok(firm.lawyer, 'statement.remind', { statementId, clientUserId: ids.second });
    const second = await remind();
    // Until the sender takes it, the newest reminder waits in the outbox; then it is what the sender made of it.
    expect(await lastDelivery()).toEqual({ state: 'queued', at: null, reason: null });
    await h.db
      .updateTable('notification_outbox')
      .set({ status: 'skipped', reason: 'no_consent' })
      .where('id', '=', second.outboxId)
      .execute();
    h.resetQueries();
    expect(await lastDelivery()).toEqual({ state: 'noConsent', at: null, reason: null });
    expect(h.queries()).toBe(cost);
  });
});

describe('the demo’s message preview', () => {
  it('is not found outside the demo', async () => {
    await open(NOTIFY_OFF);
    expect((await h.err(firm.client, 'notification.preview', {})).code).toBe('NOT_FOUND');
    await h.close();
    await open({ ...DEMO_NOTIFY, mode: 'wechat' });
    expect((await h.err(firm.client, 'notification.preview', {})).code).toBe('NOT_FOUND');
  });

  it('shows each persona’s credits, messages with labelled fields, and what waits with why', async () => {
    await open();
    await h.ok(firm.client, 'notification.subscribe', { results: { 'demo-progress': 'accept' } });
    const rows = await queuedBy(() =>
      h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate }),
    );
    const mine = rows.find((r) => r.recipient_user_id === ids.client)!;
    const messageId = newId();
    const data = {
      thing1: { value: '李女士诉某公司民间借贷纠纷' },
      thing2: { value: '新进展：已向法院提交起诉材料' },
      time3: { value: '2026-03-02 09:00' },
      thing4: { value: '点击查看详情' },
    };
    await h.db
      .insertInto('notification_messages')
      .values({
        id: messageId,
        recipient_user_id: ids.client,
        case_id: firm.caseId,
        template: 'progress',
        template_id: 'demo-progress',
        page: `pages/update/index?id=${mine.subject_id}`,
        data: JSON.stringify(data),
        transport: 'demo',
        status: 'sent',
        attempts: 1,
        next_attempt_at: h.now().toISOString(),
        claimed_at: h.now().toISOString(),
        sent_at: h.now().toISOString(),
        last_error: null,
        created_at: h.now().toISOString(),
      })
      .execute();
    await h.db
      .updateTable('notification_outbox')
      .set({ status: 'sending', message_id: messageId })
      .where('subject_id', '=', mine.subject_id)
      .where('recipient_user_id', '=', ids.client)
      .execute();
    await h.db
      .updateTable('notification_outbox')
      .set({ status: 'skipped', reason: 'no_consent' })
      .where('recipient_user_id', '=', ids.second)
      .execute();

    const preview = await h.ok(firm.lawyer, 'notification.preview', {});
    expect(preview.generatedAt).toBe(h.now().toISOString());
    const byName = new Map(preview.personas.map((p) => [p.displayName, p]));
    expect([...byName.keys()].sort()).toEqual(['李女士', '王先生'].sort());
    const li = byName.get('李女士')!;
    expect(li.credits).toEqual({ progress: 1, todo: 0, message: 0 });
    expect(li.messages).toHaveLength(1);
    expect(li.messages[0]).toMatchObject({
      caseTitle: '李女士诉某公司民间借贷纠纷',
      templateTitle: '案件进展通知',
      page: `pages/update/index?id=${mine.subject_id}`,
      status: 'sent',
      kinds: ['update.published' satisfies NoticeKind],
      fields: [
        { label: '案件名称', value: '李女士诉某公司民间借贷纠纷' },
        { label: '通知内容', value: '新进展：已向法院提交起诉材料' },
        { label: '时间', value: '2026-03-02 09:00' },
        { label: '备注', value: '点击查看详情' },
      ],
    });
    expect(li.waiting).toEqual([]);
    const wang = byName.get('王先生')!;
    expect(wang.messages).toEqual([]);
    expect(wang.waiting.map((n) => [n.kind, n.delivery.state])).toEqual([['update.published', 'noConsent']]);
  });
});
