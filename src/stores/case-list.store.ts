import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, CaseDetail, CaseSummary } from '@contract/index';
import { toApiFailure, type Api, type ApiFailure, type CallOptions } from '@/api';
import type { LoadStatus } from './load-state';

/** The caller's cases, most recent activity first (the home page). */
export class CaseListStore {
  cases: CaseSummary[] = [];
  status: LoadStatus = 'idle';
  error: ApiFailure | null = null;

  constructor(private readonly api: Api) {
    makeAutoObservable<CaseListStore, 'api'>(this, { api: false });
  }

  get totalUnread(): number {
    return this.cases.reduce((sum, c) => sum + c.unread, 0);
  }

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      const { cases } = await this.api.call('case.list', {});
      runInAction(() => {
        this.cases = cases;
        this.status = 'ready';
        this.error = null;
      });
    } catch (e) {
      runInAction(() => {
        this.status = 'error';
        this.error = toApiFailure(e);
      });
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
    this.cases = [];
    this.status = 'idle';
    this.error = null;
  }

  /** Keeps the home page's unread badge in step after the client opens an update. */
  noteUpdateRead(caseId: string): void {
    const summary = this.cases.find((c) => c.id === caseId);
    if (summary && summary.unread > 0) summary.unread -= 1;
  }
}
