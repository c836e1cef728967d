import {
  byWaitingOrder,
  creditLines,
  deliveryLine,
  describePage,
  messageStatus,
  noticeUrl,
} from './notices-model';

describe('notices model', () => {
  it('says when a deferred notice goes out, in Shanghai time', () => {
    const line = deliveryLine({ state: 'deferred', at: '2026-11-28T00:00:00.000Z', reason: '免打扰时段' });
    expect(line).toEqual({
      label: '免打扰时段，稍后发送',
      detail: '将于 2026-11-28 08:00 发送',
      tone: 'warning',
    });
  });

  it('gives the reason a notice failed, in red, and when a retry comes', () => {
    expect(deliveryLine({ state: 'failed', at: null, reason: '微信系统繁忙' })).toEqual({
      label: '未能送达微信，仅在小程序内提示',
      detail: '原因：微信系统繁忙',
      tone: 'danger',
    });
    expect(
      deliveryLine({ state: 'retrying', at: '2026-11-27T13:32:00.000Z', reason: '微信接口未在时限内响应' })
        .detail,
    ).toBe('原因：微信接口未在时限内响应，下次尝试 2026-11-27 21:32');
    expect(deliveryLine({ state: 'sent', at: '2026-11-27T13:31:00.000Z', reason: null }).detail).toBe(
      '发送于 2026-11-27 21:31',
    );
    expect(deliveryLine({ state: 'noConsent', at: null, reason: null }).detail).toBeNull();
  });

  it("opens a notice's record page by its kind's target", () => {
    expect(noticeUrl({ kind: 'update.published', recordId: 'u 1' })).toBe('/pages/update/index?id=u%201');
    expect(noticeUrl({ kind: 'question.asked', recordId: 's1' })).toBe('/statement/view/index?id=s1');
    expect(noticeUrl({ kind: 'task.completed', recordId: 't1' })).toBe('/comm/task/index?id=t1');
  });

  it('lists remaining consents per template and names the page a message opens', () => {
    expect(creditLines({ progress: 2, todo: 0, message: 1 })).toEqual([
      '案件进展通知：剩余 2 次',
      '客户留言提醒：剩余 1 次',
    ]);
    expect(creditLines({ progress: 0 })).toEqual([]);
    expect(describePage('pages/update/index?id=u1')).toBe('进展详情');
    expect(describePage('/unknown/page')).toBe('小程序首页');
  });

  it('puts what may still go out before what is kept in the app', () => {
    const n = (state: 'inApp' | 'deferred' | 'noConsent') => ({
      delivery: { state, at: null, reason: null },
    });
    const states = byWaitingOrder([n('inApp'), n('noConsent'), n('deferred')]).map((x) => x.delivery.state);
    expect(states).toEqual(['deferred', 'noConsent', 'inApp']);
  });

  it('describes a recorded message: delivered, retrying or given up with the reason', () => {
    const base = { attempts: 1, sentAt: null, lastError: null };
    expect(messageStatus({ ...base, status: 'sent', sentAt: '2026-11-27T13:31:00.000Z' })).toEqual({
      label: '已送达',
      detail: '发送于 2026-11-27 21:31',
      tone: 'success',
    });
    expect(messageStatus({ ...base, status: 'dead', attempts: 5, lastError: 'timeout: 5000ms' }).tone).toBe(
      'danger',
    );
  });
});
