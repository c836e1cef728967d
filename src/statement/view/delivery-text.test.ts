import { DELIVERY_STATES, type DeliveryState } from '@contract/notice-kinds';
import { deliveryText } from './delivery-text';

const text = (state: DeliveryState, at: string | null = null, reason: string | null = null) =>
  deliveryText({ state, at, reason });

describe('deliveryText', () => {
  it('says 已发送 only for a message WeChat accepted', () => {
    const claimsSent = /已发送|已于.*发送/;
    for (const state of DELIVERY_STATES) {
      for (const at of [null, '2026-11-29T00:00:00Z']) {
        expect([state, claimsSent.test(text(state, at, '网络超时'))]).toEqual([state, state === 'sent']);
      }
    }
    expect(text('sent', '2026-11-29T00:05:00Z')).toBe('已于 11月29日 08:05 发送到微信');
  });

  it('names the Shanghai time a deferred or retried message goes, and why a try failed', () => {
    expect(text('deferred', '2026-11-29T00:00:00Z')).toBe('免打扰时段，将于 11月29日 08:00 发送');
    expect(text('retrying', '2026-11-28T02:04:00Z', '微信暂时无法接收')).toBe(
      '发送失败（微信暂时无法接收），将于 11月28日 10:04 重试',
    );
    expect(text('queued')).toBe('已排队，即将发送到微信');
    expect(text('noConsent')).toBe('对方未开启微信通知，已在小程序内提示');
    expect(text('failed', null, '模板已失效')).toBe('未能送达微信（模板已失效），已在小程序内提示');
  });
});
