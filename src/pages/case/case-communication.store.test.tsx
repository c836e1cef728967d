import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MemoSummary } from '@contract/index';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { CaseCommunicationStore } from './case-communication.store';
import { MemoSection } from './memo-section';

const memo = (n: number): MemoSummary => ({
  id: `memo-000${n}`,
  caseId: 'case-0001',
  communicatedAt: `2026-03-0${n}T06:30:00.000Z`,
  channel: 'phone',
  headline: `第${n}次电话沟通`,
  versionNo: 1,
  publishedAt: `2026-03-0${n}T07:00:00.000Z`,
  myState: null,
  confirmedCount: 0,
  clientCount: 1,
  openDisputes: 0,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** memo.list in two pages of two, then one; the second page waits until the test lets it go. */
function pagedMemos() {
  const second = deferred<void>();
  const { api, calls } = fakeApi({
    'memo.list': async (payload) => {
      if (!payload.cursor) return { memos: [memo(1), memo(2)], nextCursor: 'after-2' };
      if (payload.cursor === 'after-2') {
        await second.promise;
        return { memos: [memo(3), memo(4)], nextCursor: 'after-4' };
      }
      return { memos: [memo(5)], nextCursor: null };
    },
    'task.list': () => ({ tasks: [], nextCursor: null }),
    'request.list': () => ({ requests: [], nextCursor: null }),
  });
  return { api, calls, second };
}

describe('case page lists: 加载更多', () => {
  it('appends the next page after the first, sends the cursor it was given, and stops at the last page', async () => {
    const { api, calls, second } = pagedMemos();
    const store = new CaseCommunicationStore(api);
    await store.load('case-0001');
    expect(store.memos?.map((m) => m.id)).toEqual(['memo-0001', 'memo-0002']);

    const more = store.loadMore('memos');
    // A second tap while the page is on its way sends nothing.
    await store.loadMore('memos');
    expect(store.loadingMore).toBe('memos');
    second.resolve();
    await more;
    expect(store.memos?.map((m) => m.id)).toEqual(['memo-0001', 'memo-0002', 'memo-0003', 'memo-0004']);
    await store.loadMore('memos');
    expect(store.memos).toHaveLength(5);
    expect(store.next.memos).toBeNull();
    await store.loadMore('memos');

    const memoCalls = calls
      .filter((c) => c.action === 'memo.list')
      .map((c) => (c.payload as { cursor: unknown }).cursor);
    expect(memoCalls).toEqual([null, 'after-2', 'after-4']);
    // The other lists were read once each, and did not move.
    expect(calls.filter((c) => c.action === 'task.list')).toHaveLength(1);
  });

  it('shows 加载更多 under the memos, 正在加载… while the page comes, and no button after the last page', async () => {
    const { api, second } = pagedMemos();
    const store = new CaseCommunicationStore(api);
    await store.load('case-0001');
    render(<MemoSection comm={store} isLawyer />);
    expect(screen.getByText('第2次电话沟通')).toBeTruthy();
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getByText('正在加载…')).toBeTruthy());
    await act(async () => second.resolve());
    await waitFor(() => expect(screen.getByText('第4次电话沟通')).toBeTruthy());
    // The first page is still there: the next one was appended, not swapped in.
    expect(screen.getByText('第1次电话沟通')).toBeTruthy();
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getByText('第5次电话沟通')).toBeTruthy());
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.queryByText('正在加载…')).toBeNull();
  });
});
