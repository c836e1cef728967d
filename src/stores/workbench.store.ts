import { makeAutoObservable, runInAction } from 'mobx';
import type { Workbench } from '@contract/index';
import { type Api, type ApiFailure } from '@/api';
import { trackLoad, type LoadStatus } from './load-state';

/** The lawyer's 工作台: what waits for them across all their cases (the home card and the workbench page). */
export class WorkbenchStore {
  bench: Workbench | null = null;
  status: LoadStatus = 'idle';
  error: ApiFailure | null = null;

  constructor(private readonly api: Api) {
    makeAutoObservable<WorkbenchStore, 'api'>(this, { api: false });
  }

  /** Every item waiting, over all sections (each section's count is exact). */
  get total(): number {
    return this.sum('count');
  }

  /** The requests past their promise and the tasks past their due date among them. */
  get overdue(): number {
    return this.sum('overdue');
  }

  /** Reads the workbench again; the last answer stays on screen meanwhile. */
  async load(): Promise<void> {
    await trackLoad(this, async () => {
      const bench = await this.api.call('workbench.get', {});
      runInAction(() => {
        this.bench = bench;
      });
    });
  }

  private sum(field: 'count' | 'overdue'): number {
    const b = this.bench;
    if (!b) return 0;
    return [b.questions, b.requests, b.disputes, b.unacknowledged, b.tasks].reduce((n, s) => n + s[field], 0);
  }

  reset(): void {
    this.bench = null;
    this.status = 'idle';
    this.error = null;
  }
}
