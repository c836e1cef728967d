import type { WorkItem } from '@contract/index';
import { dueText, itemRoute, kindLabel, waitedFor } from './workbench-model';

const item = (kind: WorkItem['kind'], extra: Partial<WorkItem> = {}): WorkItem => ({
  kind,
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  recordId: 'rec-00000001',
  subId: null,
  title: '借条原件',
  who: '李女士',
  since: '2026-11-24T02:00:00.000Z',
  dueAt: null,
  overdue: false,
  ...extra,
});

describe('workbench model', () => {
  it('leads each item to the page where the lawyer handles it', () => {
    expect(itemRoute(item('question'))).toBe('/statement/view/index?id=rec-00000001');
    expect(itemRoute(item('statementUnacknowledged'))).toBe('/statement/view/index?id=rec-00000001');
    expect(itemRoute(item('request'))).toBe('/comm/request/index?id=rec-00000001');
    expect(itemRoute(item('memoDispute'))).toBe('/comm/memo/index?id=rec-00000001');
    expect(itemRoute(item('memoUnconfirmed'))).toBe('/comm/memo/index?id=rec-00000001');
    expect(itemRoute(item('task'))).toBe('/comm/task/index?id=rec-00000001');
  });

  it('says how long an item has waited in the largest whole unit', () => {
    const since = '2026-11-24T02:00:00.000Z';
    const at = (ms: number) => Date.parse(since) + ms;
    expect(waitedFor(since, at(30_000))).toBe('刚刚');
    expect(waitedFor(since, at(25 * 60_000))).toBe('已等待 25 分钟');
    expect(waitedFor(since, at(5 * 3600_000))).toBe('已等待 5 小时');
    expect(waitedFor(since, at(3 * 86_400_000 + 3600_000))).toBe('已等待 3 天');
  });

  it("shows a request's promise and a task's due date in Shanghai time", () => {
    const friday = Date.parse('2026-11-27T14:00:00Z'); // Friday 22:00 in Shanghai
    const request = item('request', { dueAt: '2026-11-30T10:00:00.000Z' });
    expect(dueText(request, friday)).toBe('承诺 周一（11月30日）18:00 前答复');
    expect(dueText(item('task', { dueAt: '2026-12-03' }), friday)).toBe('截止 12月3日');
    expect(dueText(item('task', { dueAt: '2026-12-03T15:59:59.999Z' }), friday)).toBe('截止 12月3日');
    expect(dueText(item('memoDispute'), friday)).toBeNull();
  });

  it('names a task item by why it waits', () => {
    expect(kindLabel(item('task', { overdue: true }))).toBe('逾期未完成');
    expect(kindLabel(item('task'))).toBe('待验收');
  });
});
