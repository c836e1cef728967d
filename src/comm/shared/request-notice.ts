import type { ContactCard } from '@contract/index';
import {
  describeDeadline,
  describeOfficeHours,
  isOpen,
  nextOpening,
  replyDeadline,
} from '@contract/office-hours';

/** The part of a lawyer's contact card that decides when a reply can be expected. */
export type ReplyTerms = Pick<ContactCard, 'officeHours' | 'replyPromiseDays'>;

export interface ReplyNotice {
  /** Whether the office is open at `now`; null when the holiday table cannot say. */
  open: boolean | null;
  /** The promised reply instant (ISO), when the lawyer makes a promise and the table covers it. */
  deadline: string | null;
  text: string;
}

/** 「今天 09:00」「周一（11月30日）09:00」: describeDeadline's wording without its 「前」, for a starting moment. */
export function describeMoment(at: string, now: string | number): string {
  return describeDeadline(at, now).replace(/\s*前$/, '');
}

/**
 * What a client is told before sending a request, from the lawyer who answers (the case's first contact card)
 * and the current instant: when the reply is promised, and when the office opens if it is closed now.
 * Everything is Asia/Shanghai wall-clock time over the holiday table, whatever the device's time zone.
 */
export function replyNotice(lawyer: ReplyTerms, now: number): ReplyNotice {
  const hoursText = describeOfficeHours(lawyer.officeHours);
  let open: boolean;
  try {
    open = isOpen(now, lawyer.officeHours);
  } catch {
    // The holiday table ran out (CALENDAR_EXHAUSTED): name the hours, guess nothing.
    return { open: null, deadline: null, text: `律师的工作时间为${hoursText}。` };
  }
  const closedText = `现在是非工作时间，律师的工作时间为${hoursText}。`;
  const days = lawyer.replyPromiseDays;
  if (days == null) {
    return { open, deadline: null, text: open ? `律师的工作时间为${hoursText}。` : closedText };
  }
  let deadline: string;
  let opening: string;
  try {
    deadline = replyDeadline(now, lawyer.officeHours, days);
    opening = nextOpening(now, lawyer.officeHours);
  } catch {
    return { open, deadline: null, text: open ? `律师的工作时间为${hoursText}。` : closedText };
  }
  const expected = `预计${describeDeadline(deadline, now)}回复。`;
  const text = open
    ? `律师承诺 ${days} 个工作日内回复，${expected}`
    : `${closedText}律师将于${describeMoment(opening, now)} 起处理，承诺 ${days} 个工作日内回复，${expected}`;
  return { open, deadline, text };
}

/** 「1 个工作日内回复」, or 「未承诺回复时限」 without a promise. */
export function describeReplyPromise(days: number | null): string {
  return days == null ? '未承诺回复时限' : `${days} 个工作日内回复`;
}
