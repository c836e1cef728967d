/**
 * Where an outbox item stands, as the person who caused it and the recipient see it (contract `delivery`): read
 * from the item and, once it is in a message, that message's row. Pure.
 */
import type { Delivery } from '../../contract/notifications';
import { sendErrorLabel, SEND_FAILURES } from './send-errors';

export interface DeliveryItem {
  status: string;
  reason: string | null;
  not_before: string | null;
}

export interface DeliveryMessage {
  status: string;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** Why an item was not sent, in plain Chinese, for each `reason` the sender writes besides `no_consent`. */
const SKIP_REASONS: Record<string, string> = {
  template_missing: '未配置消息模板',
  no_openid: SEND_FAILURES.invalidUser,
};
const SKIPPED_OTHERWISE = '未能送达微信';

const state = (s: Delivery['state'], at: string | null = null, reason: string | null = null): Delivery => ({
  state: s,
  at,
  reason,
});

/**
 * - pending, waiting for quiet hours to end (`not_before` later than now) → deferred until then; pending
 *   otherwise → queued;
 * - sending → by its message: sending, retrying (next try, why), sent (when), dead → failed (why);
 * - skipped for want of consent → noConsent; skipped otherwise → failed (why);
 * - inApp → inApp.
 */
export function deliveryOf(item: DeliveryItem, message: DeliveryMessage | null, now: string): Delivery {
  switch (item.status) {
    case 'pending':
      return item.reason === 'quiet_hours' && item.not_before && item.not_before > now
        ? state('deferred', item.not_before, '对方处于免打扰时段')
        : state('queued');
    case 'sending':
      if (!message) return state('sending');
      switch (message.status) {
        case 'retry':
          return state('retrying', message.next_attempt_at, sendErrorLabel(message.last_error));
        case 'sent':
          return state('sent', message.sent_at);
        case 'dead':
          return state('failed', null, sendErrorLabel(message.last_error) ?? SKIPPED_OTHERWISE);
        default:
          return state('sending');
      }
    case 'skipped':
      return item.reason === 'no_consent'
        ? state('noConsent')
        : state('failed', null, (item.reason && SKIP_REASONS[item.reason]) ?? SKIPPED_OTHERWISE);
    default:
      return state('inApp');
  }
}
