import {
  compareTasks,
  decideComplete,
  decideReview,
  dueDateAllowed,
  isOverdue,
  taskStatus,
} from './tasks.rules';

describe('task status', () => {
  it('is what the newest step made it', () => {
    expect(taskStatus(null)).toBe('open');
    expect(taskStatus('done')).toBe('submitted');
    expect(taskStatus('return')).toBe('returned');
    expect(taskStatus('accept')).toBe('accepted');
  });

  it('is overdue past its due date only while it waits on the client', () => {
    const today = '2026-11-28';
    expect(isOverdue({ dueDate: '2026-11-27', status: 'open' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-27', status: 'returned' }, today)).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-27', status: 'submitted' }, today)).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-27', status: 'accepted' }, today)).toBe(false);
    // Due by the end of its day: not overdue on the day itself.
    expect(isOverdue({ dueDate: '2026-11-28', status: 'open' }, today)).toBe(false);
  });

  it('accepts a due date of today or later', () => {
    expect(dueDateAllowed('2026-11-28', '2026-11-28')).toBe(true);
    expect(dueDateAllowed('2026-12-01', '2026-11-28')).toBe(true);
    expect(dueDateAllowed('2026-11-27', '2026-11-28')).toBe(false);
  });
});

describe('completing a task', () => {
  it('is for the assignee, while it is open or returned', () => {
    expect(decideComplete({ status: 'open', isAssignee: true })).toEqual({ ok: true });
    expect(decideComplete({ status: 'returned', isAssignee: true })).toEqual({ ok: true });
    expect(decideComplete({ status: 'open', isAssignee: false })).toEqual({
      ok: false,
      reason: 'NOT_ASSIGNEE',
    });
    expect(decideComplete({ status: 'submitted', isAssignee: true })).toEqual({
      ok: false,
      reason: 'WRONG_STATE',
    });
    expect(decideComplete({ status: 'accepted', isAssignee: true })).toEqual({
      ok: false,
      reason: 'WRONG_STATE',
    });
  });
});

describe('reviewing a task', () => {
  it('accepts or returns only what was submitted, a return with its reason', () => {
    expect(decideReview({ status: 'submitted', decision: 'accept', reason: null })).toEqual({
      ok: true,
      act: 'accept',
    });
    expect(decideReview({ status: 'submitted', decision: 'return', reason: '照片不清晰' })).toEqual({
      ok: true,
      act: 'return',
    });
    expect(decideReview({ status: 'submitted', decision: 'return', reason: null })).toEqual({
      ok: false,
      reason: 'REASON_REQUIRED',
    });
    for (const status of ['open', 'returned', 'accepted'] as const)
      expect(decideReview({ status, decision: 'accept', reason: null })).toEqual({
        ok: false,
        reason: 'WRONG_STATE',
      });
  });
});

describe('task order', () => {
  it('puts unfinished tasks first by due date, then accepted ones', () => {
    const t = (id: string, status: 'open' | 'submitted' | 'accepted', dueDate: string) => ({
      id,
      status,
      dueDate,
      assignedAt: '2026-11-01T00:00:00.000Z',
    });
    const sorted = [
      t('a', 'accepted', '2026-11-01'),
      t('b', 'open', '2026-12-05'),
      t('c', 'submitted', '2026-11-20'),
      t('d', 'open', '2026-11-25'),
    ].sort(compareTasks);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});
