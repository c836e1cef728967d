import type { ClientTask, TaskStep } from '@contract/index';
import { daysBetween, describeDue, formatDueDate, returnReason, taskTags } from './task-model';

const step = (act: TaskStep['act'], text: string | null): TaskStep => ({
  id: `st-${act}-${text}`,
  act,
  text,
  byName: act === 'done' ? '李女士' : '张律师',
  at: '2026-03-06T07:30:00.000Z',
  contentHash: 'a'.repeat(64),
  chain: null,
});

describe('task model', () => {
  it('labels each status, and an overdue task stands out first in red', () => {
    expect(taskTags({ status: 'open', overdue: false })).toEqual([{ label: '待完成', tone: 'brand' }]);
    expect(taskTags({ status: 'submitted', overdue: false })).toEqual([{ label: '待验收', tone: 'warning' }]);
    expect(taskTags({ status: 'accepted', overdue: false })).toEqual([{ label: '已完成', tone: 'success' }]);
    expect(taskTags({ status: 'returned', overdue: true })).toEqual([
      { label: '已逾期', tone: 'danger' },
      { label: '已退回', tone: 'danger' },
    ]);
  });

  it("gives the lawyer's latest reason while the task is back with the client", () => {
    const steps = [
      step('done', null),
      step('return', '照片不清楚'),
      step('done', '重拍了'),
      step('return', '缺第二页'),
    ];
    const task = { status: 'returned', steps } as Pick<ClientTask, 'status' | 'steps'>;
    expect(returnReason(task)?.text).toBe('缺第二页');
    expect(returnReason({ ...task, status: 'submitted' })).toBeNull();
  });

  it('describes the due date in Shanghai calendar days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(describeDue('2026-03-06', '2026-03-06')).toBe('今天截止');
    expect(describeDue('2026-03-09', '2026-03-06')).toBe('还剩 3 天');
    expect(describeDue('2026-03-04', '2026-03-06')).toBe('已逾期 2 天');
    expect(formatDueDate('2026-03-09', '2026-03-06')).toBe('3月9日');
    expect(formatDueDate('2027-01-05', '2026-12-30')).toBe('2027年1月5日');
  });
});
