/**
 * Pure decisions about client requests: where a request stands, when it is overdue, whether an answer may be
 * given as written, the reply time promised when it is written, and the order a list shows them in.
 */
import type { ErrorCode } from '../../contract/errors';
import {
  DEFAULT_OFFICE_HOURS,
  replyDeadline,
  shanghaiDate,
  type OfficeHours,
} from '../../contract/office-hours';
import type { AnswerKind, RequestStatus } from '../../contract/requests';

/** What the request's status is once its one answer (if any) was given. */
export function requestStatus(answer: AnswerKind | null): RequestStatus {
  switch (answer) {
    case null:
      return 'open';
    case 'reply':
      return 'answered';
    case 'accept':
      return 'accepted';
    case 'decline':
      return 'declined';
  }
}

/** Still open after the reply time promised when it was written (no promise: never overdue). */
export function isOverdue(args: { status: RequestStatus; promisedBy: string | null; now: string }): boolean {
  return (
    args.status === 'open' && args.promisedBy !== null && Date.parse(args.now) > Date.parse(args.promisedBy)
  );
}

/** A lawyer's reply terms, as the profile keeps them (or the defaults for a lawyer without one). */
export interface ReplyTerms {
  officeHours: OfficeHours;
  replyPromiseDays: number | null;
}

/** What a lawyer who never filled in a profile promises: what `profile.update` stores when nothing is said. */
export const DEFAULT_REPLY_TERMS: ReplyTerms = { officeHours: DEFAULT_OFFICE_HOURS, replyPromiseDays: 1 };

/**
 * The reply time promised to a request written at `now`: the lawyer's office hours and reply promise over the
 * holiday table. Null without a promise — and null, not a failure, when it cannot be computed (the holiday
 * table has run out, or stored hours are unusable): the client's request matters more than its promise.
 */
export function promisedReply(now: string, terms: ReplyTerms): string | null {
  if (terms.replyPromiseDays === null) return null;
  try {
    return replyDeadline(now, terms.officeHours, terms.replyPromiseDays);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export type AnswerDecision = { ok: true } | { ok: false; code: ErrorCode; path: string };

/**
 * An answer as written: accepting says by when (a Shanghai date not before today), replying or declining
 * does not carry a date.
 */
export function decideAnswer(args: { kind: AnswerKind; dueBy: string | null; now: string }): AnswerDecision {
  if (args.kind !== 'accept') {
    return args.dueBy === null ? { ok: true } : { ok: false, code: 'REQUEST.DUE_NOT_ALLOWED', path: 'dueBy' };
  }
  if (args.dueBy === null) return { ok: false, code: 'REQUEST.DUE_REQUIRED', path: 'dueBy' };
  // 'YYYY-MM-DD' strings compare as the dates they name.
  if (args.dueBy < shanghaiDate(args.now)) return { ok: false, code: 'DATE.IN_PAST', path: 'dueBy' };
  return { ok: true };
}

/** The list order: open requests first, oldest first (the longest waiting on top); then answered, newest first. */
export function compareRequests(
  a: { status: RequestStatus; askedAt: string; answeredAt: string | null; id: string },
  b: { status: RequestStatus; askedAt: string; answeredAt: string | null; id: string },
): number {
  const aOpen = a.status === 'open';
  const bOpen = b.status === 'open';
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  if (aOpen) return compare(a.askedAt, b.askedAt) || compare(a.id, b.id);
  return compare(b.answeredAt ?? b.askedAt, a.answeredAt ?? a.askedAt) || compare(b.id, a.id);
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
