import { runInAction } from 'mobx';
import type { Api } from '@/api';
import type { StatementStore } from '@/stores/statement.store';

/**
 * Appends the next page of 我的告知书 to both its lists (kept here, in the statement subpackage, not in the
 * main package's store: only this page pages them). Nothing when all are in or a page is on its way.
 */
export async function loadMineMore(statements: StatementStore, api: Api): Promise<void> {
  const cursor = statements.mine?.nextCursor;
  if (!cursor || statements.loadingMore) return;
  runInAction(() => (statements.loadingMore = 'mine'));
  try {
    const page = await api.call('statement.mine', { cursor });
    runInAction(() => {
      const mine = statements.mine;
      if (!mine) return;
      mine.pending.push(...page.pending);
      mine.acknowledged.push(...page.acknowledged);
      mine.nextCursor = page.nextCursor;
    });
  } catch {
    // The lists stay as they were; 加载更多 can be tapped again.
  } finally {
    runInAction(() => (statements.loadingMore = null));
  }
}
