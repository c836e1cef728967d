/**
 * How a send can fail, as the sender records it in `notification_messages.last_error` (`<kind>: <detail>`, never
 * personal data) and as people are told about it. Pure.
 */
export const SEND_FAILURES = {
  timeout: '微信接口未在时限内响应',
  network: '无法连接微信接口',
  system: '微信系统繁忙',
  token: '接口凭证失效',
  quota: '今日消息发送次数已达上限',
  invalidTemplate: '消息模板配置有误',
  invalidData: '消息内容不符合模板要求',
  noConsent: '对方未开启或已用完微信通知',
  invalidUser: '对方的微信账号无法接收通知',
  unknown: '未知错误',
} as const;
export type SendFailure = keyof typeof SEND_FAILURES;

/** `last_error` as stored: the failure's kind, then a detail for operators (an errcode, an HTTP status). */
export function formatSendError(kind: SendFailure, detail: string): string {
  return `${kind}: ${detail}`.slice(0, 256);
}

/** The plain-Chinese reason for a stored `last_error` (null stays null). */
export function sendErrorLabel(lastError: string | null): string | null {
  if (!lastError) return null;
  const kind = lastError.split(':', 1)[0] as SendFailure;
  return SEND_FAILURES[kind] ?? SEND_FAILURES.unknown;
}
