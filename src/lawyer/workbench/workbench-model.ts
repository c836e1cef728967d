import type { WorkItem, Workbench } from '@contract/index';
import { describeDeadline, shanghaiDate } from '@contract/office-hours';
import { formatDueDate } from '@/comm/shared/task-model';
import { routes } from '@/navigation/routes';

export type SectionKey = Exclude<keyof Workbench, 'generatedAt'>;

/** The workbench's sections in the order a lawyer works through them: answers owed first. */
export const WORKBENCH_SECTIONS: readonly { key: SectionKey; label: string; tile: string; empty: string }[] =
  [
    { key: 'questions', label: '待回复的提问', tile: '待回复提问', empty: '告知书条目下没有待回复的提问' },
    { key: 'requests', label: '待答复的客户请求', tile: '待答复请求', empty: '没有待答复的客户请求' },
    { key: 'disputes', label: '备忘录异议', tile: '备忘录异议', empty: '没有待处理的备忘录异议' },
    {
      key: 'unacknowledged',
      label: '待客户知悉或确认',
      tile: '待知悉或确认',
      empty: '告知书和备忘录都已由客户知悉或确认',
    },
    {
      key: 'tasks',
      label: '配合事项（待验收、逾期）',
      tile: '配合事项',
      empty: '没有待验收或逾期的配合事项',
    },
  ];

/** What kind of thing an item is, as a tag beside its title. */
export function kindLabel(item: WorkItem): string {
  switch (item.kind) {
    case 'question':
      return '提问';
    case 'request':
      return '客户请求';
    case 'memoDispute':
      return '异议';
    case 'memoUnconfirmed':
      return '备忘录待确认';
    case 'statementUnacknowledged':
      return '告知书待知悉';
    case 'task':
      return item.overdue ? '逾期未完成' : '待验收';
  }
}

/** Where an item leads: the page on which the lawyer handles it. */
export function itemRoute(item: WorkItem): string {
  switch (item.kind) {
    case 'question':
    case 'statementUnacknowledged':
      return routes.statement(item.recordId);
    case 'request':
      return routes.request(item.recordId);
    case 'memoDispute':
    case 'memoUnconfirmed':
      return routes.memo(item.recordId);
    case 'task':
      return routes.task(item.recordId);
  }
}

/** 「已等待 3 天」: how long the item has waited, in the largest whole unit. */
export function waitedFor(since: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(since)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `已等待 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `已等待 ${hours} 小时`;
  return `已等待 ${Math.floor(hours / 24)} 天`;
}

/**
 * The promise or the due date: a request's promised reply time (「承诺 周一（11月30日）18:00 前答复」), a task's
 * due date (「截止 3月9日」, a Shanghai date or an instant); null when the item has neither.
 */
export function dueText(item: WorkItem, now: number): string | null {
  if (!item.dueAt) return null;
  if (item.kind === 'request') return `承诺 ${describeDeadline(item.dueAt, now)}答复`;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(item.dueAt) ? item.dueAt : shanghaiDate(item.dueAt);
  return `截止 ${formatDueDate(date, shanghaiDate(now))}`;
}
