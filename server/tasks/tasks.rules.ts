/**
 * Pure decisions of client tasks (需要您配合): a task's status is what its newest step made it; the client may
 * mark it done while it is theirs to do; the lawyer reviews only what was submitted, and returns with a reason.
 */
import type { TaskStatus } from '../../contract/tasks';

/** The acts of a task's steps (replies whose parent is the task). */
export type TaskAct = 'done' | 'accept' | 'return';

const STATUS_AFTER: { readonly [A in TaskAct]: TaskStatus } = {
  done: 'submitted',
  accept: 'accepted',
  return: 'returned',
};

/** The status a task's newest step leaves it in (no step yet: open). */
export function taskStatus(newestAct: TaskAct | null): TaskStatus {
  return newestAct ? STATUS_AFTER[newestAct] : 'open';
}

/** Whether the client still has to do something: open, or returned to them. */
export const awaitsClient = (status: TaskStatus) => status === 'open' || status === 'returned';

/**
 * Past its due date (a Shanghai date: due by the end of that day) and not yet submitted or accepted.
 * `today` is the Shanghai date now ('YYYY-MM-DD'; such dates compare as text).
 */
export function isOverdue(task: { dueDate: string; status: TaskStatus }, today: string): boolean {
  return awaitsClient(task.status) && task.dueDate < today;
}

/** A due date may be today or later (Shanghai dates). */
export const dueDateAllowed = (dueDate: string, today: string) => dueDate >= today;

export type CompleteDecision = { ok: true } | { ok: false; reason: 'NOT_ASSIGNEE' | 'WRONG_STATE' };

/** Only the assignee marks a task done, and only while it waits on them. */
export function decideComplete(args: { status: TaskStatus; isAssignee: boolean }): CompleteDecision {
  if (!args.isAssignee) return { ok: false, reason: 'NOT_ASSIGNEE' };
  if (!awaitsClient(args.status)) return { ok: false, reason: 'WRONG_STATE' };
  return { ok: true };
}

export type ReviewDecision =
  { ok: true; act: 'accept' | 'return' } | { ok: false; reason: 'WRONG_STATE' | 'REASON_REQUIRED' };

/** The lawyer reviews a submitted task: accepts it, or returns it with a reason the client will read. */
export function decideReview(args: {
  status: TaskStatus;
  decision: 'accept' | 'return';
  reason: string | null;
}): ReviewDecision {
  if (args.status !== 'submitted') return { ok: false, reason: 'WRONG_STATE' };
  if (args.decision === 'return' && !args.reason) return { ok: false, reason: 'REASON_REQUIRED' };
  return { ok: true, act: args.decision };
}

/**
 * The order of a task list: unfinished first (open, returned, submitted) by due date, then accepted ones by due
 * date; ties by when they were assigned, then id.
 */
export function compareTasks(
  a: { status: TaskStatus; dueDate: string; assignedAt: string; id: string },
  b: { status: TaskStatus; dueDate: string; assignedAt: string; id: string },
): number {
  const doneA = a.status === 'accepted' ? 1 : 0;
  const doneB = b.status === 'accepted' ? 1 : 0;
  if (doneA !== doneB) return doneA - doneB;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.assignedAt !== b.assignedAt) return a.assignedAt < b.assignedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
