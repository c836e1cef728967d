import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, UpdateDetail } from '@contract/index';
import { toApiFailure, type Api, type CallOptions } from '@/api';
import type { CaseDetailStore } from './case-detail.store';
import type { CaseListStore } from './case-list.store';
import { idleState, type LoadState } from './load-state';

/** Single updates: reading (with the read receipt), publishing and correcting. */
export class UpdateStore {
  details = new Map<string, UpdateDetail>();
  states = new Map<string, LoadState>();

  constructor(
    private readonly api: Api,
    private readonly caseDetails: CaseDetailStore,
    private readonly caseList: CaseListStore,
  ) {
    makeAutoObservable<UpdateStore, 'api' | 'caseDetails' | 'caseList'>(this, {
      api: false,
      caseDetails: false,
      caseList: false,
    });
  }

  detail(updateId: string): UpdateDetail | undefined {
    return this.details.get(updateId);
  }

  state(updateId: string): LoadState {
    return this.states.get(updateId) ?? idleState();
  }

  async load(updateId: string): Promise<UpdateDetail | undefined> {
    this.states.set(updateId, { status: 'loading', error: null });
    try {
      const detail = await this.api.call('update.get', { updateId });
      runInAction(() => {
        this.details.set(updateId, detail);
        this.states.set(updateId, { status: 'ready', error: null });
      });
      return detail;
    } catch (e) {
      runInAction(() => this.states.set(updateId, { status: 'error', error: toApiFailure(e) }));
      return undefined;
    }
  }

  /**
   * Records that the client read the current version (the server keeps the first read per version),
   * then clears the unread marks on the timeline and the home page.
   */
  async markRead(updateId: string): Promise<void> {
    const { readAt } = await this.api.call('update.markRead', { updateId });
    runInAction(() => {
      const detail = this.details.get(updateId);
      if (!detail) return;
      if (!detail.myReadAt) detail.myReadAt = readAt;
      if (this.caseDetails.noteUpdateRead(detail.caseId, updateId))
        this.caseList.noteUpdateRead(detail.caseId);
    });
  }

  reset(): void {
    this.details.clear();
    this.states.clear();
  }

  async publish(input: ActionInput<'update.publish'>, options?: CallOptions): Promise<UpdateDetail> {
    const detail = await this.api.call('update.publish', input, options);
    runInAction(() => this.details.set(detail.id, detail));
    return detail;
  }

  /** Publishes a new version of an update; the old version and its receipts stay in the record. */
  async correct(input: ActionInput<'update.correct'>, options?: CallOptions): Promise<UpdateDetail> {
    const detail = await this.api.call('update.correct', input, options);
    runInAction(() => this.details.set(detail.id, detail));
    return detail;
  }
}
