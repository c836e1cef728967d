import { z } from 'zod';

/** One thing waiting for the lawyer, with where it leads. */
export const workItem = z.object({
  kind: z.enum(['question', 'request', 'memoDispute', 'memoUnconfirmed', 'statementUnacknowledged', 'task']),
  caseId: z.string(),
  caseTitle: z.string(),
  /** The record it is about (statement, request, memo, task). */
  recordId: z.string(),
  /** A question's id for `question`; a dispute's response id for `memoDispute`; null otherwise. */
  subId: z.string().nullable(),
  title: z.string(),
  /** Who it waits on or comes from (a client's name), when one person. */
  who: z.string().nullable(),
  /** Since when it has waited. */
  since: z.string(),
  /** Requests: the promised reply time; tasks: the due date. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type WorkItem = z.infer<typeof workItem>;

const section = z.object({ count: z.number().int(), overdue: z.number().int(), items: z.array(workItem) });

/**
 * The lawyer's 工作台: across every case they are a lawyer of, what waits for them. Each section's count is
 * exact; its items are the oldest first, at most `LIMITS.pageSize`.
 */
export const workbench = z.object({
  /** Unanswered statement questions and client requests. */
  questions: section,
  requests: section,
  /** Memos with a dispute no later version answered. */
  disputes: section,
  /** Statements and memos some client has not acknowledged / confirmed yet (current version). */
  unacknowledged: section,
  /** Tasks submitted by a client and waiting for review, and tasks past their due date. */
  tasks: section,
  generatedAt: z.string(),
});
export type Workbench = z.infer<typeof workbench>;

export const workbenchActions = {
  'workbench.get': { input: z.object({}).strict(), output: workbench, mutates: false },
} as const;
