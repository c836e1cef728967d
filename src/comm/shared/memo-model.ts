import type { MemoChannel, MemoContent, MemoInput } from '@contract/index';
import { MEMO_LIMITS } from '@contract/limits';
import { promiseWarnings, type PromiseWarning } from '@contract/promise-guard';
import { isApiFailure } from '@/api';

/** The two numbered lists of a memo, in the order the practice writes them. */
export const MEMO_LISTS = [
  { key: 'matters', label: '沟通事项', hint: '谈了哪些事，一条一事' },
  { key: 'conclusions', label: '形成结论', hint: '双方确认的结论；客户会逐条确认或提出异议' },
] as const;
export type MemoListKey = (typeof MEMO_LISTS)[number]['key'];

/** One numbered point in the editor; `id` is the server's point id (kept by a correction), `key` a React key. */
export interface EditorPoint {
  key: string;
  id: string | null;
  text: string;
}

/** The memo editor's state: the time as Asia/Shanghai wall-clock date and time, as the pickers show it. */
export interface MemoForm {
  date: string;
  time: string;
  channel: MemoChannel | null;
  participants: string[];
  matters: EditorPoint[];
  conclusions: EditorPoint[];
  followUp: string;
}

let nextKey = 0;
export const newPoint = (text = ''): EditorPoint => ({ key: `new-${++nextKey}`, id: null, text });

/** A new memo: now (Shanghai), no channel chosen yet, the people present, one empty point in each list. */
export function emptyForm(now: { date: string; time: string }, participants: string[]): MemoForm {
  return {
    date: now.date,
    time: now.time,
    channel: null,
    participants,
    matters: [newPoint()],
    conclusions: [newPoint()],
    followUp: '',
  };
}

/**
 * The form for a correction, from the current version: every point keeps its id, so the server (and the
 * client's diff) can tell a changed point from a new one. `shanghai` turns the stored instant into date and time.
 */
export function formFromContent(
  content: MemoContent,
  shanghai: (iso: string) => { date: string; time: string },
): MemoForm {
  const { date, time } = shanghai(content.communicatedAt);
  const points = (list: MemoContent['matters']) => list.map((p) => ({ key: p.id, id: p.id, text: p.text }));
  return {
    date,
    time,
    channel: content.channel,
    participants: [...content.participants],
    matters: points(content.matters),
    conclusions: points(content.conclusions),
    followUp: content.followUp ?? '',
  };
}

/** The lawyer and the case's clients, as the people present by default (the lawyer first, no repeats). */
export function defaultParticipants(lawyerName: string | null | undefined, clientNames: string[]): string[] {
  return addParticipant([], [lawyerName ?? '', ...clientNames]);
}

/** Adds names (trimmed, blanks and repeats ignored), up to the contract's limit. */
export function addParticipant(list: string[], names: string | string[]): string[] {
  const next = [...list];
  for (const raw of Array.isArray(names) ? names : [names]) {
    const name = raw.trim();
    if (name && !next.includes(name) && next.length < MEMO_LIMITS.participants) next.push(name);
  }
  return next;
}

/** Moves a point up (-1) or down (+1); moves past either end change nothing. */
export function movePoint(points: EditorPoint[], index: number, delta: -1 | 1): EditorPoint[] {
  const target = index + delta;
  if (target < 0 || target >= points.length) return points;
  const next = [...points];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export function removePoint(points: EditorPoint[], index: number): EditorPoint[] {
  return points.filter((_, i) => i !== index);
}

/** The instant the pickers name, in Asia/Shanghai whatever the phone's time zone (UTC+8, no daylight saving). */
export function communicatedAtOf(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

const filled = (points: EditorPoint[]) => points.filter((p) => p.text.trim());

/** What memo.publish / memo.correct take: blank points dropped, ids of kept points carried. */
export function memoInputFromForm(form: MemoForm): MemoInput {
  return {
    communicatedAt: communicatedAtOf(form.date, form.time),
    channel: form.channel as MemoChannel,
    participants: form.participants,
    matters: filled(form.matters).map((p) => ({ id: p.id, text: p.text })),
    conclusions: filled(form.conclusions).map((p) => ({ id: p.id, text: p.text })),
    followUp: form.followUp.trim() ? form.followUp : null,
  };
}

/**
 * What the form can tell before asking the server, keyed like the server's issues: the same messages a
 * missing field would get back, so the lawyer sees them beside the field at once.
 */
export function formProblems(form: MemoForm, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  if (Date.parse(communicatedAtOf(form.date, form.time)) > now)
    problems.communicatedAt = '沟通时间不能晚于现在';
  if (!form.channel) problems.channel = '请选择沟通方式';
  if (form.participants.length === 0) problems.participants = '请至少填写一位参与人员';
  if (filled(form.matters).length === 0) problems.matters = '请至少填写一条沟通事项';
  if (filled(form.conclusions).length === 0) problems.conclusions = '请至少填写一条形成结论';
  return problems;
}

/** Promise phrases across the lawyer's text, with paths by list and position (`conclusions.1`). */
export function memoWarnings(form: MemoForm): PromiseWarning[] {
  return promiseWarnings([
    ...MEMO_LISTS.flatMap(({ key }) =>
      filled(form[key]).map((point, index) => ({ path: `${key}.${index}`, text: point.text })),
    ),
    { path: 'followUp', text: form.followUp },
  ]);
}

/** A warning or issue path in the lawyer's words: 形成结论 第 2 条, 后续安排. */
export function describeMemoPath(path: string): string {
  const [key, index] = path.replace(/^memo\./, '').split('.');
  if (key === 'followUp') return '后续安排';
  const list = MEMO_LISTS.find((l) => l.key === key);
  if (!list) return path;
  return index !== undefined && /^\d+$/.test(index) ? `${list.label} 第 ${Number(index) + 1} 条` : list.label;
}

/** Where the server's answer belongs on the form: issue paths (`memo.conclusions.0.text`) and memo codes. */
export function memoFieldErrors(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!isApiFailure(error)) return byField;
  for (const issue of error.issues) {
    const field = issue.path.replace(/^memo\./, '').split('.')[0] || '_';
    if (!(field in byField)) byField[field] = issue.message;
  }
  if (error.code === 'MEMO.IN_FUTURE') byField.communicatedAt = error.message;
  if (error.code === 'MEMO.DISPUTE_NOT_OPEN') byField.resolves = error.message;
  return byField;
}
