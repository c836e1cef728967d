import { z } from 'zod';
import { nextCursor, pageFields } from './paging';
import { chainPosition } from './evidence';
import { calendarDate, id, optionalText, requiredText } from './fields';
import { TASK_LIMITS } from './limits';

export { TASK_LIMITS } from './limits';

/**
 * A client task (需要您配合): open → submitted (the client marked it done) → accepted, or returned (with the
 * lawyer's reason) and open again for the client.
 */
export const taskStatus = z.enum(['open', 'submitted', 'returned', 'accepted']);
export type TaskStatus = z.infer<typeof taskStatus>;

/** One step of a task's history: the client's 已完成 with a note, the lawyer's 验收 or 退回 with a reason. */
export const taskStep = z.object({
  id: z.string(),
  act: z.enum(['done', 'accept', 'return']),
  text: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
  contentHash: z.string(),
  chain: chainPosition.nullable(),
});
export type TaskStep = z.infer<typeof taskStep>;

export const clientTask = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  title: z.string(),
  details: z.string().nullable(),
  /** Asia/Shanghai date 'YYYY-MM-DD': the task is due by the end of that day. */
  dueDate: z.string(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  /** The statement's 需要您配合 item this task carries out, as it read when the task was assigned. */
  statementItem: z
    .object({ statementId: z.string(), itemId: z.string(), text: z.string(), versionNo: z.number().int() })
    .nullable(),
  assignedByName: z.string(),
  assignedAt: z.string(),
  contentHash: z.string(),
  chain: chainPosition.nullable(),
  status: taskStatus,
  /** Past its due date and not yet submitted or accepted. */
  overdue: z.boolean(),
  /** Oldest first. */
  steps: z.array(taskStep),
});
export type ClientTask = z.infer<typeof clientTask>;

export const taskActions = {
  'task.assign': {
    input: z
      .object({
        caseId: id,
        title: requiredText(TASK_LIMITS.title),
        details: optionalText(TASK_LIMITS.details),
        /** Not earlier than today (Asia/Shanghai). */
        dueDate: calendarDate,
        /** A client of the case. */
        assigneeId: id,
        /** Optionally, the 需要您配合 (youMust) item of a published statement of this case it carries out. */
        statementItem: z
          .object({ statementId: id, itemId: z.string().max(64) })
          .strict()
          .nullish(),
      })
      .strict(),
    output: clientTask,
    mutates: true,
  },
  'task.complete': {
    /** The assignee marks the task done, with an optional note. */
    input: z.object({ taskId: id, note: optionalText(TASK_LIMITS.note) }).strict(),
    output: clientTask,
    mutates: true,
  },
  'task.review': {
    /** The lawyer accepts a submitted task, or returns it with a required reason. */
    input: z
      .object({ taskId: id, decision: z.enum(['accept', 'return']), reason: optionalText(TASK_LIMITS.note) })
      .strict(),
    output: clientTask,
    mutates: true,
  },
  'task.get': { input: z.object({ taskId: id }).strict(), output: clientTask, mutates: false },
  'task.list': {
    /**
     * Clients see the tasks assigned to them; lawyers every task of the case. Paged newest first; within a page,
     * unfinished first, by due date.
     */
    input: z.object({ caseId: id, ...pageFields }).strict(),
    output: z.object({ tasks: z.array(clientTask), nextCursor }),
    mutates: false,
  },
} as const;
