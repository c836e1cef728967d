import type { StatementSummary } from '@contract/index';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { RootStore } from '@/stores/root-store';
import { loadMineMore } from './load-more';

const summary = (id: string, acknowledged: boolean): StatementSummary => ({
  id,
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  title: '预期与风险告知书',
  versionNo: 1,
  publishedAt: '2025-03-08T06:00:00Z',
  hasDraft: false,
  myState: acknowledged ? 'acknowledged' : 'unread',
  myReceipt: null,
  openQuestions: 0,
});

describe('我的告知书: 加载更多', () => {
  it('appends each page to its own list and stops after the last', async () => {
    const { api, calls } = fakeApi({
      'statement.mine': (payload) =>
        payload.cursor
          ? { pending: [summary('st-3', false)], acknowledged: [], nextCursor: null }
          : {
              pending: [summary('st-1', false)],
              acknowledged: [summary('st-2', true)],
              nextCursor: 'after-2',
            },
    });
    const root = new RootStore({ api });
    await root.statements.loadMine();
    await loadMineMore(root.statements, api);
    expect(root.statements.mine?.pending.map((s) => s.id)).toEqual(['st-1', 'st-3']);
    expect(root.statements.mine?.acknowledged.map((s) => s.id)).toEqual(['st-2']);
    expect(root.statements.mine?.nextCursor).toBeNull();
    expect(root.statements.loadingMore).toBeNull();
    await loadMineMore(root.statements, api);
    expect(calls.map((c) => (c.payload as { cursor?: string }).cursor ?? null)).toEqual([null, 'after-2']);
  });
});
