/**
 * Pure decisions of the sender (sender.ts): which template a group of notices goes out with, what the message
 * says (WeChat's `data`, within its value limits) and which page it opens, when a failed try is tried again,
 * and how WeChat's answer is classified. Times are instants (ISO UTC); what people read is Asia/Shanghai time,
 * computed as the instant plus eight hours, never from the machine's time zone.
 */
import { shanghaiParts } from '../../contract/office-hours';
import { PAGE_PATHS } from '../../contract/page-paths';
import {
  NOTICE_KINDS,
  NOTICE_TEMPLATES,
  TEMPLATE_INFO,
  type NoticeKind,
  type NoticeTemplate,
} from '../../contract/notice-kinds';
import type { NotifyConfig, TemplateConfig } from './notify-config';
import type { SendFailure } from './send-errors';

/** At most this many tries of one message; then it is dead. */
export const MAX_ATTEMPTS = 5;

/**
 * Minutes to wait after the n-th failed try (n = 1…): 1, 2, 4, 8 (a fifth failure is final, so 16 is never
 * waited).
 */
export function retryDelayMinutes(attempts: number): number {
  return 2 ** Math.max(0, attempts - 1);
}

/** When a message whose `attempts`-th try failed at `now` is tried again. */
export function nextAttemptAt(now: string, attempts: number): string {
  return new Date(Date.parse(now) + retryDelayMinutes(attempts) * 60_000).toISOString();
}

/** One outbox item as the sender groups it. */
export interface GroupItem {
  id: string;
  kind: NoticeKind;
  template: NoticeTemplate;
  subjectId: string;
  title: string;
  createdAt: string;
}

/**
 * The template a group goes out with, or why none can carry it.
 * Wanted: `todo` if any item needs the recipient to act, else `message` (lawyers), else `progress`. Without a
 * credit for it, another configured template of the same audience with a credit; without any, `no_consent`; with
 * no template of that audience configured at all, `template_missing`.
 * @param credits unspent consents per template key (templates resolved to their configured ids by the caller)
 */
export function chooseTemplate(
  templates: readonly NoticeTemplate[],
  configured: NotifyConfig['templates'],
  credits: Partial<Record<NoticeTemplate, number>>,
): { template: NoticeTemplate } | { skip: 'no_consent' | 'template_missing' } {
  const wanted: NoticeTemplate = templates.includes('todo')
    ? 'todo'
    : templates.includes('message')
      ? 'message'
      : 'progress';
  const audience = TEMPLATE_INFO[wanted].audience;
  const candidates = [wanted, ...NOTICE_TEMPLATES.filter((t) => t !== wanted)].filter(
    (t) => TEMPLATE_INFO[t].audience === audience && configured[t],
  );
  if (candidates.length === 0) return { skip: 'template_missing' };
  const usable = candidates.find((t) => (credits[t] ?? 0) > 0);
  return usable ? { template: usable } : { skip: 'no_consent' };
}

/** WeChat's `thing` values: at most 20 characters (code points), never empty. */
export const THING_MAX = 20;

/** Cuts `text` to `max` characters, ending in … when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('') || '—';
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, as WeChat's `time` keyword takes it. */
export function shanghaiMinute(at: string): string {
  const { date, time } = shanghaiParts(at);
  return `${date} ${time}`;
}

/**
 * A value as the keyword's type accepts it: `thing` ≤ 20 characters, `phrase` ≤ 5, `character_string` ≤ 32,
 * `time`/`date` the instant as `YYYY-MM-DD HH:mm` (Shanghai).
 */
export function keywordValue(keyword: string, value: string, instant?: string): string {
  if (/^(time|date)\d*$/.test(keyword)) return shanghaiMinute(instant ?? value);
  if (/^phrase\d*$/.test(keyword)) return clip(value, 5);
  if (/^character_string\d*$/.test(keyword)) return clip(value, 32);
  return clip(value, THING_MAX);
}

export interface MessageContent {
  page: string;
  /** WeChat's `data`: `{ thing1: { value }, … }`. */
  data: Record<string, { value: string }>;
}

/**
 * The message for a group of items for one person and case: the case, what happened (the one item's label and
 * title, or 「N 条新消息：…」 naming the newest), when (the newest item), and a note. One record → its page (the
 * path without its leading slash, as WeChat wants it); several → the case page.
 */
export function composeMessage(
  items: readonly GroupItem[],
  template: TemplateConfig,
  context: { caseId: string; caseTitle: string },
): MessageContent {
  if (items.length === 0) throw new Error('composeMessage: no items');
  const newest = items.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  const records = new Set(items.map((i) => `${NOTICE_KINDS[i.kind].target}:${i.subjectId}`));
  const summary =
    items.length === 1
      ? `${NOTICE_KINDS[newest.kind].label}：${newest.title}`
      : `${items.length}条新消息：${NOTICE_KINDS[newest.kind].label}`;
  const note = records.size === 1 ? '点击查看详情' : '点击查看案件';
  const { fields } = template;
  const data: Record<string, { value: string }> = {
    [fields.case]: { value: keywordValue(fields.case, context.caseTitle) },
    [fields.summary]: { value: keywordValue(fields.summary, summary) },
    [fields.time]: { value: keywordValue(fields.time, newest.createdAt, newest.createdAt) },
  };
  if (fields.note) data[fields.note] = { value: keywordValue(fields.note, note) };
  const page =
    records.size === 1
      ? PAGE_PATHS[NOTICE_KINDS[newest.kind].target](newest.subjectId)
      : PAGE_PATHS.case(context.caseId);
  return { page: page.replace(/^\//, ''), data };
}

/** What a transport saw: an HTTP status and WeChat's JSON answer, or no answer at all. */
export type RawOutcome =
  | { kind: 'answer'; httpStatus: number; errcode: number | null; errmsg?: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

export type Classified =
  { ok: true } | { ok: false; failure: SendFailure; detail: string; retryable: boolean };

/** WeChat's errcodes the sender knows: what they mean, and whether another try can help. */
const ERRCODES: Record<number, { failure: SendFailure; retryable: boolean }> = {
  [-1]: { failure: 'system', retryable: true },
  40001: { failure: 'token', retryable: true },
  40014: { failure: 'token', retryable: true },
  42001: { failure: 'token', retryable: true },
  40003: { failure: 'invalidUser', retryable: false },
  40037: { failure: 'invalidTemplate', retryable: false },
  41030: { failure: 'invalidData', retryable: false },
  47003: { failure: 'invalidData', retryable: false },
  43101: { failure: 'noConsent', retryable: false },
  45009: { failure: 'quota', retryable: true },
};

/** The token errcodes: the access token expired or was replaced; fetch a new one and send again. */
export const TOKEN_ERRCODES = [40001, 40014, 42001];

/**
 * Classifies one try. An errcode WeChat documents decides; an HTTP 5xx or 429 without one is retried; an answer
 * that is not WeChat's (no errcode, 4xx) is unknown and retried, bounded by MAX_ATTEMPTS like every retry.
 */
export function classifyOutcome(raw: RawOutcome): Classified {
  if (raw.kind === 'timeout') return { ok: false, failure: 'timeout', detail: 'timeout', retryable: true };
  if (raw.kind === 'network')
    return { ok: false, failure: 'network', detail: raw.message.slice(0, 120), retryable: true };
  const { httpStatus, errcode } = raw;
  if (httpStatus === 200 && errcode === 0) return { ok: true };
  const detail = `http ${httpStatus}${errcode != null ? ` errcode ${errcode}` : ''}`;
  if (errcode != null && errcode !== 0) {
    const known = ERRCODES[errcode];
    if (known) return { ok: false, detail, ...known };
    return { ok: false, failure: 'unknown', detail, retryable: true };
  }
  if (httpStatus === 429) return { ok: false, failure: 'quota', detail, retryable: true };
  if (httpStatus >= 500) return { ok: false, failure: 'system', detail, retryable: true };
  return { ok: false, failure: 'unknown', detail, retryable: true };
}
