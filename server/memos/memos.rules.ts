/**
 * Pure rules of communication memos: point identity, the content a version stores and what a correction must
 * change, when a memo was written too early, which disputes a correction may answer, where a client stands,
 * and what changed since the version a client last confirmed or disputed.
 */
import type { MemoChannel, MemoContent, MemoDiff, MemoPoint, MemoPointChange } from '../../contract/memos';
import { promiseWarnings, type PromiseWarning } from '../../contract/promise-guard';

/** A memo as the lawyer submits it (parsed): points keep the id they had in the version they came from. */
export interface MemoDraft {
  communicatedAt: string;
  channel: MemoChannel;
  participants: string[];
  matters: { id?: string | null; text: string }[];
  conclusions: { id?: string | null; text: string }[];
  followUp: string | null;
}

/**
 * How far ahead of the server's clock a 沟通时间 may be: the lawyer's phone and the server disagree by a few
 * minutes, and a memo written right after a call names that minute.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function isInFuture(communicatedAt: string, now: string): boolean {
  return Date.parse(communicatedAt) > Date.parse(now) + CLOCK_SKEW_MS;
}

/**
 * The content of a version: the instant in UTC, each point with an id (kept when given and not repeated
 * across both lists, else a fresh one, so versions compare point by point), and the disputes it answers.
 */
export function memoContentOf(draft: MemoDraft, newPointId: () => string, resolves: string[]): MemoContent {
  const seen = new Set<string>();
  const withIds = (points: MemoDraft['matters']): MemoPoint[] =>
    points.map((p) => {
      const id = p.id && !seen.has(p.id) ? p.id : newPointId();
      seen.add(id);
      return { id, text: p.text };
    });
  return {
    communicatedAt: new Date(Date.parse(draft.communicatedAt)).toISOString(),
    channel: draft.channel,
    participants: draft.participants,
    matters: withIds(draft.matters),
    conclusions: withIds(draft.conclusions),
    followUp: draft.followUp,
    resolves,
  };
}

/**
 * What a correction must change: what the client reads, without the points' ids (the same words under new ids
 * are no correction) and without the disputes it answers (answering a dispute is done by changing the memo).
 */
export function memoContentKey(content: MemoContent): string {
  return JSON.stringify([
    content.communicatedAt,
    content.channel,
    content.participants,
    content.matters.map((p) => p.text),
    content.conclusions.map((p) => p.text),
    content.followUp,
  ]);
}

/** Every text the lawyer wrote in the memo, each on its own path, through the promise guard. */
export function memoPromiseWarnings(content: MemoContent): PromiseWarning[] {
  return promiseWarnings([
    ...content.participants.map((text, i) => ({ path: `participants.${i}`, text })),
    ...content.matters.map((p, i) => ({ path: `matters.${i}`, text: p.text })),
    ...content.conclusions.map((p, i) => ({ path: `conclusions.${i}`, text: p.text })),
    { path: 'followUp', text: content.followUp },
  ]);
}

/** Which version answered each dispute: the first whose `resolves` lists it. */
export function resolutionsOf(versions: { versionNo: number; content: MemoContent }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of [...versions].sort((a, b) => a.versionNo - b.versionNo))
    for (const id of v.content.resolves) if (!out.has(id)) out.set(id, v.versionNo);
  return out;
}

/**
 * The disputes a correction names that it may not answer: not a dispute of this memo (another memo's, a
 * confirmation, an id that does not exist), or one an earlier version already answered.
 */
export function unanswerableDisputes(args: {
  requested: string[];
  disputesOfMemo: Set<string>;
  resolved: Map<string, number>;
}): string[] {
  return args.requested.filter((id) => !args.disputesOfMemo.has(id) || args.resolved.has(id));
}

export type MemoStanding = 'confirmed' | 'disputed' | 'viewed' | 'unread';

/** Where a client stands with the current version: their response first, else whether they opened it. */
export function memoStanding(args: {
  response: 'acknowledged' | 'disputed' | null;
  viewed: boolean;
}): MemoStanding {
  if (args.response === 'acknowledged') return 'confirmed';
  if (args.response === 'disputed') return 'disputed';
  return args.viewed ? 'viewed' : 'unread';
}

/**
 * The version a client's "what changed" is measured from: the newest they confirmed or disputed, when it is
 * older than the current one (a dispute counts: the client wants to see how the lawyer answered it).
 */
export function changesMeasuredFrom(args: {
  currentVersionNo: number;
  responses: { versionNo: number }[];
}): number | null {
  const newest = Math.max(0, ...args.responses.map((r) => r.versionNo));
  return newest > 0 && newest < args.currentVersionNo ? newest : null;
}

const DIFFED_FIELDS = ['communicatedAt', 'channel', 'participants', 'followUp'] as const;

/** What changed between two versions: the fields other than points, then each list's points by id. */
export function diffMemos(
  from: { versionNo: number; content: MemoContent },
  to: { versionNo: number; content: MemoContent },
): MemoDiff {
  const points: MemoPointChange[] = [];
  for (const list of ['matters', 'conclusions'] as const) {
    const before = new Map(from.content[list].map((p) => [p.id, p.text]));
    const after = new Map(to.content[list].map((p) => [p.id, p.text]));
    for (const [pointId, text] of after) {
      const old = before.get(pointId);
      if (old === undefined) points.push({ list, pointId, change: 'added', before: null, after: text });
      else if (old !== text) points.push({ list, pointId, change: 'changed', before: old, after: text });
    }
    for (const [pointId, text] of before)
      if (!after.has(pointId)) points.push({ list, pointId, change: 'removed', before: text, after: null });
  }
  return {
    fromVersionNo: from.versionNo,
    toVersionNo: to.versionNo,
    fields: DIFFED_FIELDS.filter(
      (field) => JSON.stringify(from.content[field]) !== JSON.stringify(to.content[field]),
    ),
    points,
  };
}
