import { createCloudMain } from '../../server/cloud/cloud-main';
import type { WeChatPlatform } from '../../server/cloud/wechat-platform';
import { openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';

/** Stands in for wx-server-sdk, which cannot run off WeChat's servers. */
function fakeWeChat(context: ReturnType<WeChatPlatform['getWXContext']>): WeChatPlatform & { calls: number } {
  const platform = {
    calls: 0,
    getWXContext() {
      platform.calls++;
      return context;
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
