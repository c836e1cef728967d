/**
 * The sender against a stand-in for WeChat on loopback, through the real HTTP transport: what is sent, coalesced,
 * skipped, deferred for the recipient's quiet hours, retried with backoff, dead-lettered; credits reserved, given
 * back, spent; the access token refreshed. Clocks are the harness's; nothing sleeps.
 */
import vm from 'node:vm';
import { openSenderBench, type SenderBench } from '../fixtures/notify-sender';

let b: SenderBench;
afterEach(() => b?.close());

const MINUTE = 60_000;

describe('sending', () => {
  beforeEach(async () => {
    b = await openSenderBench();
  });

  it('sends one notice as one message to the right page, and spends one credit', async () => {
    const { firm, wx } = b;
    await b.grant(firm.clientId, 'tpl-progress', 2);
    const id = await b.queue('update.published', firm.clientId, { recordId: 'u-42' });
    expect(await b.delivery(id)).toMatchObject({ state: 'queued' });

    expect(await b.drain()).toMatchObject({ attempted: 1, sent: 1 });
    expect(wx.sends).toHaveLength(1);
    expect(wx.sends[0]).toMatchObject({
      touser: 'o-client',
      template_id: 'tpl-progress',
      page: 'pages/update/index?id=u-42',
      miniprogram_state: 'formal',
      data: {
        thing1: { value: '李女士诉某公司民间借贷纠纷' },
        thing2: { value: '新进展：一审开庭时间确定' },
        time3: { value: '2026-03-02 09:00' },
      },
    });
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(1);
    expect(await b.delivery(id)).toEqual({ state: 'sent', at: b.h.now().toISOString(), reason: null });
    // Drained: nothing more goes out.
    expect(await b.drain()).toMatchObject({ attempted: 0 });
    expect(wx.sends).toHaveLength(1);
  });

  it('coalesces three notices for one person and case into one todo message; another case gets its own', async () => {
    const { firm, wx } = b;
    await b.grant(firm.clientId, 'tpl-todo', 5);
    const second = await b.openAnotherCase();
    const ids: string[] = [];
    for (const kind of ['update.published', 'statement.published', 'task.assigned'] as const) {
      ids.push(await b.queue(kind, firm.clientId));
      b.h.advance(1000);
    }
    const other = await b.queue('memo.published', firm.clientId, { caseId: second, recordId: 'm-1' });

    expect(await b.drain()).toMatchObject({ attempted: 2, sent: 2 });
    expect(wx.sends).toHaveLength(2);
    const bySameCase = wx.sends.find((s) => s.page.startsWith('pages/case/'));
    expect(bySameCase).toMatchObject({
      template_id: 'tpl-todo',
      page: `pages/case/index?id=${encodeURIComponent(firm.caseId)}`,
      data: { thing2: { value: '3条新消息：新的配合事项' } }, // the newest named
    });
    expect(wx.sends.find((s) => s !== bySameCase)).toMatchObject({ page: 'comm/memo/index?id=m-1' });
    const items = await Promise.all(ids.map(b.item));
    expect(new Set(items.map((i) => i.message_id)).size).toBe(1);
    expect((await b.item(other)).message_id).not.toBe(items[0].message_id);
    expect(await b.credits(firm.clientId, 'tpl-todo')).toBe(3);
  });

  it('skips a recipient without consent (no_consent), and falls back to another template of the audience', async () => {
    const { firm, wx } = b;
    const none = await b.queue('request.created', firm.lawyerId);
    await b.grant(firm.clientId, 'tpl-progress');
    const todo = await b.queue('statement.published', firm.clientId, { recordId: 's-1' });

    expect(await b.drain()).toMatchObject({ skipped: 1, sent: 1 });
    expect(await b.item(none)).toMatchObject({ status: 'skipped', reason: 'no_consent' });
    expect(await b.delivery(none)).toMatchObject({ state: 'noConsent' });
    expect(wx.sends).toHaveLength(1);
    expect(wx.sends[0]).toMatchObject({
      touser: 'o-client',
      template_id: 'tpl-progress',
      page: 'statement/view/index?id=s-1',
    });
    expect(await b.delivery(todo)).toMatchObject({ state: 'sent' });
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(0);
  });

  it('skips a recipient whose subject is not a WeChat openid (no_openid)', async () => {
    const { firm, h } = b;
    await b.grant(firm.clientId, 'tpl-progress');
    await h.db.updateTable('users').set({ subject: 'dev:client' }).where('id', '=', firm.clientId).execute();
    const id = await b.queue('update.published', firm.clientId);
    expect(await b.drain()).toMatchObject({ skipped: 1, attempted: 0 });
    expect(await b.item(id)).toMatchObject({ status: 'skipped', reason: 'no_openid' });
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(1);
  });
});

describe('failures', () => {
  beforeEach(async () => {
    b = await openSenderBench({ timeoutMs: 300 });
  });

  it('retries with backoff 1, 2, 4, 8 min, then dead after five tries; the credit comes back each time', async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.clientId, 'tpl-progress');
    wx.script('busy', 'http500', 'busy', 'http500', 'busy', 'ok');
    const id = await b.queue('update.published', firm.clientId);

    await b.drain();
    expect(wx.sends).toHaveLength(1);
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(1); // given back: WeChat spent nothing
    expect(await b.delivery(id)).toEqual({
      state: 'retrying',
      at: new Date(h.now().getTime() + MINUTE).toISOString(),
      reason: '微信系统繁忙',
    });
    for (const wait of [1, 2, 4, 8]) {
      h.advance(wait * MINUTE - 1);
      await b.drain(); // not yet due
      const before = wx.sends.length;
      h.advance(1);
      await b.drain();
      expect(wx.sends.length).toBe(before + 1);
    }
    const [message] = await b.messages();
    expect(message).toMatchObject({ status: 'dead', attempts: 5, last_error: 'system: http 200 errcode -1' });
    expect(await b.delivery(id)).toEqual({ state: 'failed', at: null, reason: '微信系统繁忙' });
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(1);
    // Dead is final: no sixth try, however long we wait.
    h.advance(60 * MINUTE);
    await b.drain();
    expect(wx.sends).toHaveLength(5);
  });

  it('a refusal (43101) zeroes the credit and marks the items no_consent; no retry', async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.clientId, 'tpl-todo', 3);
    wx.script('refused');
    const id = await b.queue('task.assigned', firm.clientId);
    expect(await b.drain()).toMatchObject({ dead: 1 });
    expect(await b.credits(firm.clientId, 'tpl-todo')).toBe(0);
    expect(await b.item(id)).toMatchObject({ status: 'skipped', reason: 'no_consent' });
    expect(await b.delivery(id)).toMatchObject({ state: 'noConsent' });
    h.advance(30 * MINUTE);
    await b.drain();
    expect(wx.sends).toHaveLength(1);
  });

  it('an invalid template (40037) is dead at once, the credit given back', async () => {
    const { firm, wx } = b;
    await b.grant(firm.lawyerId, 'tpl-message');
    wx.script('invalidTemplate');
    const id = await b.queue('request.created', firm.lawyerId);
    expect(await b.drain()).toMatchObject({ dead: 1 });
    expect(await b.delivery(id)).toEqual({ state: 'failed', at: null, reason: '消息模板配置有误' });
    expect(await b.credits(firm.lawyerId, 'tpl-message')).toBe(1);
    expect(wx.sends).toHaveLength(1);
  });

  it('quota reached (45009) is retried later', async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.clientId, 'tpl-progress');
    wx.script('quota');
    const id = await b.queue('update.published', firm.clientId);
    expect(await b.drain()).toMatchObject({ retrying: 1 });
    expect(await b.delivery(id)).toMatchObject({ state: 'retrying', reason: '今日消息发送次数已达上限' });
    h.advance(MINUTE);
    expect(await b.drain()).toMatchObject({ sent: 1 });
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(0);
  });

  it('a WeChat that does not answer times out and is retried', async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.clientId, 'tpl-progress');
    wx.script('hang');
    const id = await b.queue('update.published', firm.clientId);
    expect(await b.drain()).toMatchObject({ retrying: 1 });
    expect(await b.delivery(id)).toMatchObject({ state: 'retrying', reason: '微信接口未在时限内响应' });
    h.advance(MINUTE);
    expect(await b.drain()).toMatchObject({ sent: 1 });
    expect(wx.sends.map((s) => s.answer)).toEqual(['hang', 'ok']);
  });

  it('an expired or invalidated token is fetched again once and the message sent again; a token is renewed before it expires', async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.clientId, 'tpl-progress', 10);
    await b.queue('update.published', firm.clientId, { recordId: 'u-1' });
    await b.drain();
    expect(wx.tokenRequests).toBe(1);

    wx.expireTokens(); // WeChat answers 40001 to the cached token
    await b.queue('update.published', firm.clientId, { recordId: 'u-2' });
    expect(await b.drain()).toMatchObject({ sent: 1 });
    expect(wx.tokenRequests).toBe(2);
    expect(wx.sends.map((s) => s.answer)).toEqual(['ok', 'badToken', 'ok']);

    wx.script('expired'); // 42001
    await b.queue('update.published', firm.clientId, { recordId: 'u-3' });
    expect(await b.drain()).toMatchObject({ sent: 1 });
    expect(wx.tokenRequests).toBe(3);

    // Within its life the token is reused; near its end (7200 s less five minutes) it is renewed first.
    h.advance(60 * MINUTE);
    await b.queue('update.published', firm.clientId, { recordId: 'u-4' });
    await b.drain();
    expect(wx.tokenRequests).toBe(3);
    h.advance(56 * MINUTE);
    await b.queue('update.published', firm.clientId, { recordId: 'u-5' });
    await b.drain();
    expect(wx.tokenRequests).toBe(4);
    expect(wx.sends.filter((s) => s.answer !== 'ok')).toHaveLength(2);
    expect(await b.credits(firm.clientId, 'tpl-progress')).toBe(5);
  });
});

/**
 * Quiet hours are the recipient's, in Asia/Shanghai, whatever the machine's zone: the same tests in both zones.
 * Node re-reads process.env.TZ when it is assigned — on the real process: Jest hands tests a copy of process.env,
 * so the zone is set on the process this realm runs in (vm.runInThisContext), and checked below.
 */
describe.each([
  ['UTC', 0],
  ['Asia/Shanghai', -480],
])('quiet hours with TZ=%s', (tz, offset) => {
  const realEnv = (vm.runInThisContext('process') as NodeJS.Process).env;
  const saved = realEnv.TZ;
  const setTz = (value: string | undefined) => {
    if (value === undefined) delete realEnv.TZ;
    else realEnv.TZ = value;
  };
  beforeAll(() => setTz(tz));
  afterAll(() => setTz(saved));
  beforeEach(async () => {
    b = await openSenderBench();
  });

  it('runs in that zone', () => {
    expect(new Date('2026-03-02T15:00:00.000Z').getTimezoneOffset()).toBe(offset);
  });

  it("defers a client's message at 23:00 Shanghai to 08:00, then sends it", async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.clientId, 'tpl-progress');
    h.advance(14 * 60 * MINUTE); // 2026-03-02T15:00Z = 23:00 in Shanghai
    const id = await b.queue('update.published', firm.clientId);
    expect(await b.drain()).toMatchObject({ deferred: 1, attempted: 0 });
    expect(await b.delivery(id)).toEqual({
      state: 'deferred',
      at: '2026-03-03T00:00:00.000Z',
      reason: '对方处于免打扰时段',
    });
    h.advance(9 * 60 * MINUTE - 1); // 07:59:59.999 Shanghai
    expect(await b.drain()).toMatchObject({ attempted: 0, deferred: 0 });
    expect(wx.sends).toHaveLength(0);
    h.advance(1);
    expect(await b.drain()).toMatchObject({ sent: 1 });
    expect(await b.delivery(id)).toMatchObject({ state: 'sent', at: '2026-03-03T00:00:00.000Z' });
  });

  it("uses a lawyer's own quiet hours, not the client's default, and none when the lawyer set none", async () => {
    const { firm, wx, h } = b;
    await b.grant(firm.lawyerId, 'tpl-message', 2);
    await b.grant(firm.clientId, 'tpl-progress', 2);
    await h.db
      .updateTable('lawyer_profiles')
      .set({ quiet_start: '12:00', quiet_end: '14:00' })
      .where('user_id', '=', firm.lawyerId)
      .execute();
    h.advance(4 * 60 * MINUTE); // 05:00Z = 13:00 Shanghai: the lawyer's lunch, not the client's night
    const toLawyer = await b.queue('request.created', firm.lawyerId);
    const toClient = await b.queue('update.published', firm.clientId);
    expect(await b.drain()).toMatchObject({ deferred: 1, sent: 1 });
    expect(await b.delivery(toLawyer)).toMatchObject({ state: 'deferred', at: '2026-03-02T06:00:00.000Z' });
    expect(await b.delivery(toClient)).toMatchObject({ state: 'sent' });

    await h.db
      .updateTable('lawyer_profiles')
      .set({ quiet_start: null, quiet_end: null })
      .where('user_id', '=', firm.lawyerId)
      .execute();
    h.advance(10 * 60 * MINUTE); // 15:00Z = 23:00 Shanghai
    const late = await b.queue('task.completed', firm.lawyerId);
    await b.drain();
    expect(await b.delivery(late)).toMatchObject({ state: 'sent' });
    // The deferred one's time had come too: both went in one message.
    expect(await b.delivery(toLawyer)).toMatchObject({ state: 'sent' });
    const toTheLawyer = wx.sends.filter((s) => s.touser === 'o-lawyer');
    expect(toTheLawyer).toHaveLength(1);
    expect(toTheLawyer[0].data.thing2.value).toBe('2条新消息：配合事项已完成');
  });
});
