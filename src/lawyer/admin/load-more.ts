import { runInAction } from 'mobx';
import type { Api } from '@/api';
import type { AdminStore } from '@/stores/admin.store';

/**
 * Appends the next page of lawyers (what waits for a decision comes with the first page only). Kept in the lawyer
 * subpackage, not in the main package's store: only this page pages them.
 */
export async function loadMoreLawyers(admin: AdminStore, api: Api): Promise<void> {
  const cursor = admin.nextCursor;
  if (!cursor || admin.loadingMore) return;
  runInAction(() => (admin.loadingMore = true));
  try {
    const page = await api.call('admin.listLawyers', { cursor });
    runInAction(() => {
      admin.lawyers = [...admin.lawyers, ...page.lawyers];
      admin.nextCursor = page.nextCursor;
    });
  } catch {
    // The list stays as it was; 加载更多 can be tapped again.
  } finally {
    runInAction(() => (admin.loadingMore = false));
  }
}
