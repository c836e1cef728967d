import { DELIVERY_LABELS } from '@contract/notice-kinds';
import type { Delivery } from '@contract/notifications';
import { formatMonthDayTime } from '@/time/format-time';

/**
 * What really happened to a reminder's WeChat message, in one plain sentence: 「已发送」 only once WeChat accepted
 * it. The in-app notice exists in every case, so the states that reach no WeChat say 「已在小程序内提示」.
 */
export function deliveryText(delivery: Delivery): string {
  const at = delivery.at ? formatMonthDayTime(delivery.at) : null;
  const why = delivery.reason ? `（${delivery.reason}）` : '';
  switch (delivery.state) {
    case 'queued':
      return '已排队，即将发送到微信';
    case 'deferred':
      return at ? `免打扰时段，将于 ${at} 发送` : DELIVERY_LABELS.deferred;
    case 'sending':
      return '正在发送到微信';
    case 'retrying':
      return at ? `发送失败${why}，将于 ${at} 重试` : `${DELIVERY_LABELS.retrying}${why}`;
    case 'sent':
      return at ? `已于 ${at} 发送到微信` : DELIVERY_LABELS.sent;
    case 'noConsent':
      return '对方未开启微信通知，已在小程序内提示';
    case 'failed':
      return `未能送达微信${why}，已在小程序内提示`;
    case 'inApp':
      return '已在小程序内提示';
  }
}
