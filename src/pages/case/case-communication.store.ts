import { makeAutoObservable, runInAction } from 'mobx';
import type { ClientRequest, ClientTask, MemoSummary } from '@contract/index';
import type { Api } from '@/api';

type Kind = 'memos' | 'tasks' | 'requests';

/**
 * The case page's view of the written conversation: memos, tasks and requests of one case (clients: their
 * own). Page-local, read-only. A list that fails to load stays as it was and its section is left out: the
 * rest of the case page must not depend on it. Each list is paged: the first page on load, more on request.
 */
export class CaseCommunicationStore {
  memos: MemoSummary[] | null = null;
  tasks: ClientTask[] | null = null;
  requests: ClientRequest[] | null = null;
  /** Each list's next page (null: all of it is here). */
  next: Record<Kind, string | null> = { memos: null, tasks: null, requests: null };
  /** The list whose next page is on its way. */
  loadingMore: Kind | null = null;
  /** Whether a first load has finished (each list read or failed), so the page can lay out its sections once. */
  settled = false;
  private caseId = '';

  constructor(private readonly api: Api) {
    makeAutoObservable<CaseCommunicationStore, 'api'>(this, { api: false });
  }

  async load(caseId: string): Promise<void> {
    this.caseId = caseId;
    await Promise.all((['memos', 'tasks', 'requests'] as const).map((kind) => this.read(kind, null)));
    runInAction(() => (this.settled = true));
  }

  /** Appends the next page of one list; nothing when it is all here or a page is already on its way. */
  async loadMore(kind: Kind): Promise<void> {
    const cursor = this.next[kind];
    if (!cursor || this.loadingMore) return;
    this.loadingMore = kind;
    await this.read(kind, cursor);
    runInAction(() => (this.loadingMore = null));
  }

  private async read(kind: Kind, cursor: string | null): Promise<void> {
    const input = { caseId: this.caseId, cursor };
    try {
      const page =
        kind === 'memos'
          ? await this.api.call('memo.list', input).then((p) => ({ rows: p.memos, next: p.nextCursor }))
          : kind === 'tasks'
            ? await this.api.call('task.list', input).then((p) => ({ rows: p.tasks, next: p.nextCursor }))
            : await this.api
                .call('request.list', input)
                .then((p) => ({ rows: p.requests, next: p.nextCursor }));
      runInAction(() => {
        const kept = cursor ? (this[kind] ?? []) : [];
        (this as Record<Kind, unknown[] | null>)[kind] = [...kept, ...page.rows];
        this.next[kind] = page.next;
      });
    } catch {
      // The list stays as it was (see above); 加载更多 can be tapped again.
    }
  }
}
