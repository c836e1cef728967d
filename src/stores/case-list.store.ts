import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, CaseDetail, CaseSummary } from '@contract/index';
import { toApiFailure, type Api, type ApiFailure, type CallOptions } from '@/api';
import type { LoadStatus } from './load-state';

/** The caller's cases, most recent activity first (the home page), read a page at a time. */
export class CaseListStore {
  cases: CaseSummary[] = [];
  status: LoadStatus = 'idle';
  error: ApiFailure | null = null;
  /** Where the next page starts; null once the last page is in. */
  nextCursor: string | null = null;
  loadingMore = false;
  /** Pages read since the last full load; past the first, a return to the page must not drop them. */
  pagesLoaded = 0;
  /** Bumped by every load and reset, so an answer that arrives after them is dropped, not merged. */
  private generation = 0;

  constructor(private readonly api: Api) {
    makeAutoObservable<CaseListStore, 'api' | 'generation'>(this, { api: false, generation: false });
  }

  get hasMore(): boolean {
    return Boolean(this.nextCursor);
  }

  /** Unread updates across the cases loaded so far. */
  get totalUnread(): number {
    return this.cases.reduce((sum, c) => sum + c.unread, 0);
  }

  /** Loads the first page and replaces the list (first visit, pull-down refresh). */
  async load(): Promise<void> {
    const generation = this.startLoad();
    try {
      const page = await this.api.call('case.list', {});
      runInAction(() => {
        if (generation !== this.generation) return;
        this.cases = page.cases;
        this.nextCursor = page.nextCursor;
        this.pagesLoaded = 1;
        this.status = 'ready';
        this.error = null;
      });
    } catch (e) {
      runInAction(() => this.failLoad(generation, e));
    }
  }

  /**
   * Re-reads the first page when the user comes back to the list. Pages loaded further down stay (the list
   * must not shrink under the user's scroll position); their cursor stays valid because the server pages by
   * last activity and activity only moves a case to the top.
   */
  async refreshFirstPage(): Promise<void> {
    if (this.pagesLoaded <= 1) return this.load();
    const generation = this.startLoad();
    try {
      const page = await this.api.call('case.list', {});
      runInAction(() => {
        if (generation !== this.generation) return;
        if (page.nextCursor === null) {
          this.cases = page.cases;
          this.nextCursor = null;
          this.pagesLoaded = 1;
        } else {
          const fresh = new Set(page.cases.map((c) => c.id));
          this.cases = [...page.cases, ...this.cases.filter((c) => !fresh.has(c.id))];
        }
        this.status = 'ready';
        this.error = null;
      });
    } catch (e) {
      runInAction(() => this.failLoad(generation, e));
    }
  }

  /**
   * Appends the next page. Does nothing while a page is on its way, while the list is (re)loading, or after
   * the last page. Rejects with an ApiFailure; the list and cursor stay as they were, so it can be retried.
   */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore || this.status === 'loading') return;
    const generation = this.generation;
    this.loadingMore = true;
    try {
      const page = await this.api.call('case.list', { cursor });
      runInAction(() => {
        if (generation !== this.generation) return;
        // A case whose activity changed between two reads may come back on a later page.
        const shown = new Set(this.cases.map((c) => c.id));
        this.cases.push(...page.cases.filter((c) => !shown.has(c.id)));
        this.nextCursor = page.nextCursor;
        this.pagesLoaded += 1;
        this.loadingMore = false;
      });
    } catch (e) {
      runInAction(() => {
        if (generation === this.generation) this.loadingMore = false;
      });
      throw toApiFailure(e);
    }
  }

  /** Creates a case and puts it at the top of the list. Rejects with an ApiFailure (field issues for the form). */
  async create(input: ActionInput<'case.create'>, options?: CallOptions): Promise<CaseDetail> {
    const detail = await this.api.call('case.create', input, options);
    runInAction(() => {
      const { court: _c, opposingParty: _o, createdAt: _t, stages: _s, members: _m, ...summary } = detail;
      this.cases = [summary, ...this.cases.filter((c) => c.id !== detail.id)];
    });
    return detail;
  }

  reset(): void {
    this.generation += 1;
    this.cases = [];
    this.status = 'idle';
    this.error = null;
    this.nextCursor = null;
    this.loadingMore = false;
    this.pagesLoaded = 0;
  }

  /** Keeps the home page's unread badge in step after the client opens an update. */
  noteUpdateRead(caseId: string): void {
    const summary = this.cases.find((c) => c.id === caseId);
    if (summary && summary.unread > 0) summary.unread -= 1;
  }

  /** A newer load supersedes everything in flight, including a page being appended. */
  private startLoad(): number {
    this.generation += 1;
    this.status = 'loading';
    this.loadingMore = false;
    return this.generation;
  }

  private failLoad(generation: number, e: unknown): void {
    if (generation !== this.generation) return;
    this.status = 'error';
    this.error = toApiFailure(e);
  }
}
