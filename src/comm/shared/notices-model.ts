import type { ActionOutput } from '@contract/index';
import { DELIVERY_LABELS, NOTICE_KINDS, TEMPLATE_INFO, type NoticeTemplate } from '@contract/notice-kinds';
import { PAGE_PATHS } from '@contract/page-paths';
import { formatExactTime } from '@/time/format-time';

export type Notice = ActionOutput<'notification.list'>['notices'][number];
export type Delivery = Notice['delivery'];
export type PreviewPersona = ActionOutput<'notification.preview'>['personas'][number];
export type PreviewMessage = PreviewPersona['messages'][number];
export type NoticeBox = 'received' | 'sent';

export type Tone = 'brand' | 'warning' | 'success' | 'neutral' | 'danger';

/** A delivery in plain words: the state's label, then when (or why) — e.g. 免打扰时段，稍后发送 · 将于 … 发送. */
export interface DeliveryLine {
  label: string;
  detail: string | null;
  tone: Tone;
}

const TONES: { readonly [S in Delivery['state']]: Tone } = {
  queued: 'neutral',
  deferred: 'warning',
  sending: 'neutral',
  retrying: 'warning',
  sent: 'success',
  noConsent: 'warning',
  failed: 'danger',
  inApp: 'neutral',
};

export function deliveryLine(delivery: Delivery): DeliveryLine {
  const { state, at, reason } = delivery;
  const when = at ? formatExactTime(at) : null;
  const parts: string[] = [];
  if (state === 'sent' && when) parts.push(`发送于 ${when}`);
  if (state === 'deferred' && when) parts.push(`将于 ${when} 发送`);
  if ((state === 'retrying' || state === 'failed') && reason) parts.push(`原因：${reason}`);
  if (state === 'retrying' && when) parts.push(`下次尝试 ${when}`);
  return {
    label: DELIVERY_LABELS[state],
    detail: parts.length ? parts.join('，') : null,
    tone: TONES[state],
  };
}

/** The page a notice opens: its record's page, chosen by the kind's target. */
export function noticeUrl(notice: Pick<Notice, 'kind' | 'recordId'>): string {
  return PAGE_PATHS[NOTICE_KINDS[notice.kind].target](notice.recordId);
}

export const noticeLabel = (kind: Notice['kind']): string => NOTICE_KINDS[kind].label;

/** Remaining one-time consents, per template that has any (`案件进展通知：剩余 2 次`); empty when none is left. */
export function creditLines(credits: Partial<Record<NoticeTemplate, number>>): string[] {
  return (Object.keys(credits) as NoticeTemplate[])
    .filter((key) => key in TEMPLATE_INFO && (credits[key] ?? 0) > 0)
    .map((key) => `${TEMPLATE_INFO[key].title}：剩余 ${credits[key]} 次`);
}

/** What still may go out comes first (deferred, queued, retrying), then what will not, then what is in-app only. */
const WAITING_ORDER: Delivery['state'][] = [
  'deferred',
  'queued',
  'sending',
  'retrying',
  'failed',
  'noConsent',
  'sent',
  'inApp',
];

export function byWaitingOrder<T extends { delivery: Delivery }>(notices: T[]): T[] {
  const rank = (n: T) => WAITING_ORDER.indexOf(n.delivery.state);
  return [...notices].sort((a, b) => rank(a) - rank(b));
}

/** A recorded message's status as its recipient's WeChat would (or would not) have shown it. */
export function messageStatus(
  message: Pick<PreviewMessage, 'status' | 'attempts' | 'sentAt' | 'lastError'>,
): {
  label: string;
  detail: string | null;
  tone: Tone;
} {
  const reason = message.lastError ? `原因：${message.lastError}` : null;
  switch (message.status) {
    case 'sent':
      return {
        label: '已送达',
        detail: message.sentAt ? `发送于 ${formatExactTime(message.sentAt)}` : null,
        tone: 'success',
      };
    case 'retry':
      return { label: `第 ${message.attempts} 次发送失败，稍后重试`, detail: reason, tone: 'warning' };
    case 'dead':
      return { label: `发送 ${message.attempts} 次均失败，已放弃`, detail: reason, tone: 'danger' };
    default:
      return { label: '发送中', detail: null, tone: 'neutral' };
  }
}

/** The mini-program page a message opens, as WeChat gets it (no leading slash), in words a reader follows. */
export function describePage(page: string): string {
  const path = page.replace(/^\//, '').split('?')[0];
  const names: Record<string, string> = {
    'pages/case/index': '案件详情',
    'pages/update/index': '进展详情',
    'statement/view/index': '告知书',
    'comm/memo/index': '沟通备忘录',
    'comm/request/index': '请求详情',
    'comm/task/index': '配合事项',
    'comm/notices/index': '案件通知',
  };
  return names[path] ?? '小程序首页';
}
