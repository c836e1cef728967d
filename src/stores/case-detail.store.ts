import { makeAutoObservable, runInAction } from 'mobx';
import type { CaseDetail, TimelineEntry } from '@contract/index';
import { toApiFailure, type Api } from '@/api';
import { idleState, type LoadState } from './load-state';
import { TIMELINE_PAGE } from './page-sizes';

interface Timeline {
  entries: TimelineEntry[];
  nextCursor: string | null;
  loadingMore: boolean;
}

/** One case at a time in depth: its stages, members and the timeline of updates, cached by case id. */
export class CaseDetailStore {
  details = new Map<string, CaseDetail>();
  timelines = new Map<string, Timeline>();
  states = new Map<string, LoadState>();

  constructor(private readonly api: Api) {
    makeAutoObservable<CaseDetailStore, 'api'>(this, { api: false });
  }

  state(caseId: string): LoadState {
    return this.states.get(caseId) ?? idleState();
  }

  detail(caseId: string): CaseDetail | undefined {
    return this.details.get(caseId);
  }

  timeline(caseId: string): Timeline | undefined {
    return this.timelines.get(caseId);
  }

  /** Loads the case and the first page of its timeline together; cached data stays on screen meanwhile. */
  async load(caseId: string): Promise<void> {
    this.states.set(caseId, { status: 'loading', error: null });
    try {
      const [detail, page] = await Promise.all([
        this.api.call('case.get', { caseId }),
        this.api.call('case.timeline', { caseId, limit: TIMELINE_PAGE }),
      ]);
      runInAction(() => {
        this.details.set(caseId, detail);
        this.timelines.set(caseId, {
          entries: page.entries,
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
        this.states.set(caseId, { status: 'ready', error: null });
      });
    } catch (e) {
      runInAction(() => this.states.set(caseId, { status: 'error', error: toApiFailure(e) }));
    }
  }

  async loadMore(caseId: string): Promise<void> {
    const timeline = this.timelines.get(caseId);
    if (!timeline || !timeline.nextCursor || timeline.loadingMore) return;
    timeline.loadingMore = true;
    try {
      const page = await this.api.call('case.timeline', {
        caseId,
        cursor: timeline.nextCursor,
        limit: TIMELINE_PAGE,
      });
      runInAction(() => {
        const seen = new Set(timeline.entries.map((e) => e.updateId));
        timeline.entries.push(...page.entries.filter((e) => !seen.has(e.updateId)));
        timeline.nextCursor = page.nextCursor;
        timeline.loadingMore = false;
      });
    } catch (e) {
      runInAction(() => {
        timeline.loadingMore = false;
      });
      throw toApiFailure(e);
    }
  }

  reset(): void {
    this.details.clear();
    this.timelines.clear();
    this.states.clear();
  }

  /** Marks a timeline entry as read locally; returns whether it was unread before. */
  noteUpdateRead(caseId: string, updateId: string): boolean {
    const entry = this.timelines.get(caseId)?.entries.find((e) => e.updateId === updateId);
    if (!entry || entry.read) return false;
    entry.read = true;
    return true;
  }
}
