/**
 * What a notification can be about, which subscribe-message template carries it and which page it opens. Kept
 * free of zod so the mini-program shows the labels without the schema library; contract/notifications.ts
 * re-exports it.
 */

/**
 * The firm's three one-time subscribe-message templates (a law-firm mini-program may only use one-time ones; one
 * tap of consent allows one message). At most three can be asked for in one `requestSubscribeMessage`.
 */
export const NOTICE_TEMPLATES = ['progress', 'todo', 'message'] as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];

export const TEMPLATE_INFO: {
  readonly [T in NoticeTemplate]: { title: string; purpose: string; audience: 'client' | 'lawyer' };
} = {
  progress: {
    title: '案件进展通知',
    purpose: '律师发布新进展、答复您的提问或请求时通知您',
    audience: 'client',
  },
  todo: {
    title: '待办事项提醒',
    purpose: '有告知书需要您知悉、备忘录需要您确认，或有需要您配合的事项时提醒您',
    audience: 'client',
  },
  message: {
    title: '客户留言提醒',
    purpose: '客户提问、提交请求、对备忘录提出异议或完成配合事项时通知您',
    audience: 'lawyer',
  },
};

/** The record a notice is about, which decides the page it opens. */
export type NoticeTarget = 'update' | 'statement' | 'memo' | 'request' | 'task';

export const NOTICE_KINDS = {
  // To clients
  'update.published': { template: 'progress', label: '新进展', target: 'update' },
  'statement.published': { template: 'todo', label: '告知书待知悉', target: 'statement' },
  'statement.reminder': { template: 'todo', label: '告知书知悉提醒', target: 'statement' },
  'memo.published': { template: 'todo', label: '备忘录待确认', target: 'memo' },
  'question.answered': { template: 'progress', label: '提问已答复', target: 'statement' },
  'request.answered': { template: 'progress', label: '请求已答复', target: 'request' },
  'task.assigned': { template: 'todo', label: '新的配合事项', target: 'task' },
  'task.returned': { template: 'todo', label: '配合事项被退回', target: 'task' },
  'task.accepted': { template: 'progress', label: '配合事项已验收', target: 'task' },
  'task.dueSoon': { template: 'todo', label: '配合事项明日到期', target: 'task' },
  // To lawyers
  'question.asked': { template: 'message', label: '客户提问', target: 'statement' },
  'request.created': { template: 'message', label: '客户请求', target: 'request' },
  'memo.disputed': { template: 'message', label: '备忘录异议', target: 'memo' },
  'task.completed': { template: 'message', label: '配合事项已完成', target: 'task' },
} as const satisfies Record<string, { template: NoticeTemplate; label: string; target: NoticeTarget }>;

export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_NAMES = Object.keys(NOTICE_KINDS) as [NoticeKind, ...NoticeKind[]];

/** Quiet hours of a recipient who has set none (clients; a lawyer sets their own on the profile). */
export { DEFAULT_QUIET_HOURS } from './limits';

/**
 * Where a notice stands, as the person who caused it and the recipient see it:
 * - `queued`: will be sent at the next drain;
 * - `deferred`: waits for the recipient's quiet hours to end (`at`);
 * - `sending`: handed to WeChat, answer not yet recorded;
 * - `retrying`: a try failed (`reason`), the next is at `at`;
 * - `sent`: WeChat accepted it (`at`);
 * - `noConsent`: not sent: the recipient has not allowed notifications; shown in the app only;
 * - `failed`: given up after repeated failures (`reason`); shown in the app only;
 * - `inApp`: this deployment sends no WeChat messages; shown in the app only.
 */
export const DELIVERY_STATES = [
  'queued',
  'deferred',
  'sending',
  'retrying',
  'sent',
  'noConsent',
  'failed',
  'inApp',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DELIVERY_LABELS: { readonly [S in DeliveryState]: string } = {
  queued: '待发送',
  deferred: '免打扰时段，稍后发送',
  sending: '发送中',
  retrying: '发送失败，稍后重试',
  sent: '已发送到微信',
  noConsent: '对方未开启微信通知，仅在小程序内提示',
  failed: '未能送达微信，仅在小程序内提示',
  inApp: '仅在小程序内提示',
};
