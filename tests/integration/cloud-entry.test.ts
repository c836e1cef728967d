import { createCloudMain } from '../../server/cloud/cloud-main';
import type { WeChatPlatform } from '../../server/cloud/wechat-platform';
import { queueNotices } from '../../server/notifications/notices.store';
import { openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';
import { userIdOf, WECHAT_NOTIFY } from '../fixtures/notify-sender';

type SubscribeRequest = Parameters<WeChatPlatform['subscribeMessage']['send']>[0];

/** Stands in for wx-server-sdk, which cannot run off WeChat's servers. */
function fakeWeChat(
  context: ReturnType<WeChatPlatform['getWXContext']>,
  answers: Array<{ errCode: number } | Error> = [],
): WeChatPlatform & { calls: number; sent: SubscribeRequest[] } {
  const platform = {
    calls: 0,
    sent: [] as SubscribeRequest[],
    getWXContext() {
      platform.calls++;
      return context;
    },
    subscribeMessage: {
      async send(request: SubscribeRequest) {
        platform.sent.push(request);
        const answer = answers.shift() ?? { errCode: 0 };
        if (answer instanceof Error) throw answer;
        return { ...answer, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
    },
  };
  return platform;
}

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('the cloud-function entry', () => {
  it('takes identity from getWXContext().OPENID and ignores any openid inside the event', async () => {
    const firm = await setUpFirm(h);
    const wx = fakeWeChat({ OPENID: 'o-stranger', CLIENTIP: '1.2.3.4' });
    const main = createCloudMain(wx, async () => h.app);
    const res = await main({
      action: 'case.get',
      payload: { caseId: firm.caseId },
      requestId: 'req-cloud-001',
      openid: firm.lawyer.replace('wx:', ''),
      userInfo: { openId: firm.lawyer.replace('wx:', ''), appId: 'wx0' },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(wx.calls).toBe(1);

    const asLawyer = createCloudMain(
      fakeWeChat({ OPENID: firm.lawyer.replace('wx:', '') }),
      async () => h.app,
    );
    const ok = await asLawyer({
      action: 'case.get',
      payload: { caseId: firm.caseId },
      requestId: 'req-cloud-002',
    });
    expect(ok).toMatchObject({ ok: true, data: { id: firm.caseId } });
  });

  it('answers UNAUTHENTICATED when WeChat gives no OPENID', async () => {
    const main = createCloudMain(fakeWeChat({}), async () => h.app);
    const res = await main({ action: 'case.list', payload: {}, requestId: 'req-cloud-003' });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('seals the firm log on its timer trigger, and never for a user who sends the same event', async () => {
    const firm = await setUpFirm(h);
    const asUser = createCloudMain(fakeWeChat({ OPENID: firm.lawyer.replace('wx:', '') }), async () => h.app);
    const forged = await asUser({ Type: 'Timer', TriggerName: 'seal' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect((await h.counts()).firm_log).toBe(0);

    const timer = createCloudMain(fakeWeChat({}), async () => h.app);
    const sealed = await timer({ Type: 'Timer', TriggerName: 'seal', Time: '2026-11-28T18:00:00Z' });
    expect(sealed).toMatchObject({ ok: true, data: { appended: 1, firmSeq: 1, timestamp: null } });
    expect((await h.counts()).firm_log).toBe(1);
    // Nothing moved since: the next round appends nothing.
    expect(await timer({ Type: 'Timer', TriggerName: 'seal' })).toMatchObject({
      ok: true,
      data: { appended: 0 },
    });
  });

  it('drains the notification outbox on its notify timer trigger through subscribeMessage.send, never for a user', async () => {
    const firm = await setUpFirm(h);
    const clientId = await userIdOf(h, firm.client);
    const lawyerId = await userIdOf(h, firm.lawyer);
    await h.db
      .insertInto('notify_credits')
      .values({
        user_id: clientId,
        template_id: 'tpl-progress',
        credits: 2,
        updated_at: h.now().toISOString(),
      })
      .execute();
    const queue = (recordId: string) =>
      queueNotices(h.db, {
        kind: 'update.published',
        caseId: firm.caseId,
        recipients: [clientId],
        recordId,
        title: '已向法院提交起诉材料',
        createdBy: lawyerId,
        now: h.now().toISOString(),
        mode: 'wechat',
      });
    await queue('u-1');
    const options = { notify: () => WECHAT_NOTIFY, clock: () => h.now() };

    const asUser = fakeWeChat({ OPENID: 'o-client' });
    const forged = await createCloudMain(
      asUser,
      async () => h.app,
      options,
    )({ Type: 'Timer', TriggerName: 'notify' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect(asUser.sent).toHaveLength(0);

    // The SDK rejects with errCode on a WeChat error: a system error is retried at the next tick.
    const wx = fakeWeChat({}, [Object.assign(new Error('system error'), { errCode: -1 })]);
    const timer = createCloudMain(wx, async () => h.app, options);
    expect(await timer({ Type: 'Timer', TriggerName: 'notify' })).toMatchObject({
      ok: true,
      data: { attempted: 1, retrying: 1 },
    });
    h.advance(60_000);
    expect(await timer({ Type: 'Timer', TriggerName: 'notify' })).toMatchObject({
      ok: true,
      data: { sent: 1 },
    });
    expect(wx.sent).toHaveLength(2);
    expect(wx.sent[1]).toMatchObject({
      touser: 'o-client',
      templateId: 'tpl-progress',
      page: 'pages/update/index?id=u-1',
      miniprogramState: 'formal',
      data: { thing2: { value: '新进展：已向法院提交起诉材料' } },
    });
    const [message] = await h.db
      .selectFrom('notification_messages')
      .select(['status', 'transport'])
      .execute();
    expect(message).toEqual({ status: 'sent', transport: 'wechat' });

    // With notifications off the trigger does nothing.
    await queue('u-2');
    const off = createCloudMain(fakeWeChat({}), async () => h.app);
    expect(await off({ Type: 'Timer', TriggerName: 'notify' })).toEqual({ ok: true, data: { mode: 'off' } });
  });

  it('opens the API once per instance and retries after a failed start', async () => {
    let opens = 0;
    const main = createCloudMain(fakeWeChat({ OPENID: 'o-x' }), async () => {
      opens++;
      if (opens === 1) throw new Error('database unreachable');
      return h.app;
    });
    await expect(main({ action: 'case.list', payload: {}, requestId: 'req-cloud-004' })).rejects.toThrow();
    await main({ action: 'case.list', payload: {}, requestId: 'req-cloud-005' });
    await main({ action: 'case.list', payload: {}, requestId: 'req-cloud-006' });
    expect(opens).toBe(2);
  });
});
