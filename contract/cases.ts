import { z } from 'zod';
import { CASE_TYPES } from './case-types';
import { LIMITS } from './limits';
import { id, optionalText, requiredText } from './fields';
import { MEMBER_ROLES } from './roles';

export const memberRole = z.enum(MEMBER_ROLES);
export type { MemberRole } from './roles';

export const stage = z.object({
  index: z.number().int(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['done', 'current', 'next']),
});
export type Stage = z.infer<typeof stage>;

/** A stage move announced by an update; moved back to an earlier stage, it carries the lawyer's reason. */
export const stageChange = z.object({
  index: z.number().int(),
  name: z.string(),
  reason: z.string().optional(),
});
export type StageChange = z.infer<typeof stageChange>;

export const caseSummary = z.object({
  id: z.string(),
  title: z.string(),
  caseType: z.enum(CASE_TYPES),
  caseNumber: z.string().nullable(),
  currentStage: z.object({ index: z.number().int(), name: z.string() }),
  stageCount: z.number().int(),
  myRole: memberRole,
  lawyerNames: z.array(z.string()),
  /** Published updates whose current version the caller has not read. */
  unread: z.number().int(),
  /** Notices for the caller on this case not yet seen (new answers, requests, reminders…): a maintained count. */
  waiting: z.number().int(),
  lastActivityAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const member = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: memberRole,
  joinedAt: z.string(),
});

export const caseDetail = caseSummary.extend({
  court: z.string().nullable(),
  opposingParty: z.string().nullable(),
  createdAt: z.string(),
  stages: z.array(stage),
  members: z.array(member),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const timelineEntry = z.object({
  updateId: z.string(),
  versionNo: z.number().int(),
  title: z.string(),
  excerpt: z.string(),
  publishedAt: z.string(),
  /** Time of the current version (later than publishedAt when corrected). */
  versionAt: z.string(),
  corrected: z.boolean(),
  stageChange: stageChange.nullable(),
  authorName: z.string(),
  /** Whether the caller has read the current version. */
  read: z.boolean(),
  /** Lawyers only: how many of the case's clients have read the current version. */
  readBy: z.number().int().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const caseActions = {
  'case.create': {
    input: z
      .object({
        title: requiredText(LIMITS.caseTitle),
        caseType: z.enum(CASE_TYPES, {
          errorMap: () => ({ message: '请选择有效的案件类型' }),
        }),
        caseNumber: optionalText(LIMITS.caseNumber),
        court: optionalText(LIMITS.court),
        opposingParty: optionalText(LIMITS.opposingParty),
      })
      .strict(),
    output: caseDetail,
    mutates: true,
  },
  'case.list': {
    /** Paged, newest activity first: a firm's lawyer may have hundreds of cases. */
    input: z
      .object({
        cursor: z.string().max(200).nullish(),
        limit: z.number().int().min(1).max(LIMITS.pageSize).default(LIMITS.pageSize),
      })
      .strict(),
    output: z.object({ cases: z.array(caseSummary), nextCursor: z.string().nullable() }),
    mutates: false,
  },
  'case.get': {
    input: z.object({ caseId: id }).strict(),
    output: caseDetail,
    mutates: false,
  },
  'case.timeline': {
    input: z
      .object({
        caseId: id,
        cursor: z.string().max(200).nullish(),
        limit: z.number().int().min(1).max(LIMITS.pageSize).default(20),
      })
      .strict(),
    output: z.object({ entries: z.array(timelineEntry), nextCursor: z.string().nullable() }),
    mutates: false,
  },
} as const;

/**
 * What a case's clients see of one of its lawyers: name and firm always, the phone, WeChat id and office
 * address only as the lawyer chose, and when they work and promise to reply.
 */
export const contactCard = z.object({
  userId: z.string(),
  name: z.string(),
  firm: z.string(),
  phone: z.string().nullable(),
  wechatId: z.string().nullable(),
  officeAddress: z.string().nullable(),
  officeHours: z.object({ days: z.array(z.number().int()), start: z.string(), end: z.string() }),
  /** 「N 个工作日内回复」; null without a promise. */
  replyPromiseDays: z.number().int().nullable(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
});
export type ContactCard = z.infer<typeof contactCard>;

export const contactActions = {
  'case.contact': {
    /** The case's lawyers as its clients see them; the first is the one who answers requests. */
    input: z.object({ caseId: id }).strict(),
    output: z.object({ lawyers: z.array(contactCard) }),
    mutates: false,
  },
} as const;
