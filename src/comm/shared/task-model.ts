import type { ClientTask, TaskStatus, TaskStep } from '@contract/index';
import type { TagTone } from '@/components/tag';

/** A task's status in the client's and the lawyer's words. */
export const TASK_STATUS_LABELS: { readonly [S in TaskStatus]: string } = {
  open: '待完成',
  submitted: '待验收',
  returned: '已退回',
  accepted: '已完成',
};

const STATUS_TONES: { readonly [S in TaskStatus]: TagTone } = {
  open: 'brand',
  submitted: 'warning',
  returned: 'danger',
  accepted: 'success',
};

/** The tags a task shows: its status, and 已逾期 in red when it is past due and still waits for the client. */
export function taskTags(task: Pick<ClientTask, 'status' | 'overdue'>): { label: string; tone: TagTone }[] {
  const tags = [{ label: TASK_STATUS_LABELS[task.status], tone: STATUS_TONES[task.status] }];
  if (task.overdue) tags.unshift({ label: '已逾期', tone: 'danger' });
  return tags;
}

/** Each step of the history as the task page names it. */
export const STEP_LABELS: { readonly [A in TaskStep['act']]: string } = {
  done: '客户标记已完成',
  accept: '律师验收通过',
  return: '律师退回',
};

/** The lawyer's reason when the task is back with the client after a return; null otherwise. */
export function returnReason(task: Pick<ClientTask, 'status' | 'steps'>): TaskStep | null {
  if (task.status !== 'returned') return null;
  for (let i = task.steps.length - 1; i >= 0; i--) {
    if (task.steps[i].act === 'return') return task.steps[i];
  }
  return null;
}

/** A due date 'YYYY-MM-DD' as 「5月1日」, with the year when it is not `today`'s year. */
export function formatDueDate(dueDate: string, today: string): string {
  const [year, month, day] = dueDate.split('-').map(Number);
  const monthDay = `${month}月${day}日`;
  return dueDate.slice(0, 4) === today.slice(0, 4) ? monthDay : `${year}年${monthDay}`;
}

/** Whole days between two 'YYYY-MM-DD' dates (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 「今天截止」「还剩 3 天」「已逾期 2 天」: how the due date stands from `today` (all Asia/Shanghai dates). */
export function describeDue(dueDate: string, today: string): string {
  const left = daysBetween(today, dueDate);
  if (left < 0) return `已逾期 ${-left} 天`;
  if (left === 0) return '今天截止';
  return `还剩 ${left} 天`;
}
