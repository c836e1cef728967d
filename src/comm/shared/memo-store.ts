import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, MemoDetail, MemoResponse } from '@contract/index';
import { toApiFailure, type Api, type CallOptions } from '@/api';
import { idleState, type LoadState } from '@/stores/load-state';

/**
 * Communication memos (沟通备忘录) for one page: the memo in depth, the lawyer's publishing and corrections,
 * the client's view, confirmation and dispute. Page-local (made by the page around the app's api), so its code
 * stays in the subpackage.
 */
export class MemoStore {
  detail: MemoDetail | null = null;
  state: LoadState = idleState();
  /** Confirmations in flight by version: a second tap joins the first request. */
  private confirming = new Map<number, Promise<MemoResponse>>();

  constructor(private readonly api: Api) {
    makeAutoObservable<MemoStore, 'api' | 'confirming'>(this, { api: false, confirming: false });
  }

  /** Loads the memo; what was loaded before stays on screen meanwhile. */
  async load(memoId: string): Promise<MemoDetail | undefined> {
    this.state = { status: 'loading', error: null };
    try {
      const detail = await this.api.call('memo.get', { memoId });
      this.keep(detail);
      return detail;
    } catch (e) {
      runInAction(() => {
        this.state = { status: 'error', error: toApiFailure(e) };
      });
      return undefined;
    }
  }

  async publish(caseId: string, memo: ActionInput<'memo.publish'>['memo'], options?: CallOptions) {
    const detail = await this.api.call('memo.publish', { caseId, memo }, options);
    this.keep(detail);
    return detail;
  }

  /** Publishes a corrected version, answering the open disputes in `resolves`, with the required 更正说明. */
  async correct(input: ActionInput<'memo.correct'>, options?: CallOptions) {
    const detail = await this.api.call('memo.correct', input, options);
    this.keep(detail);
    return detail;
  }

  /** Records that the client opened this version (the lawyer sees 已读未确认). */
  async markViewed(memoId: string, versionNo: number): Promise<void> {
    await this.api.call('memo.markViewed', { memoId, versionNo });
  }

  /** One explicit 确认无误. While a request is in flight, a double tap returns the same promise. */
  confirm(memoId: string, versionNo: number, options?: CallOptions): Promise<MemoResponse> {
    const pending = this.confirming.get(versionNo);
    if (pending) return pending;
    const request = this.api
      .call('memo.confirm', { memoId, versionNo }, options)
      .then((response) => {
        this.noteResponse(response);
        return response;
      })
      .finally(() => this.confirming.delete(versionNo));
    this.confirming.set(versionNo, request);
    return request;
  }

  /** A dispute of the whole memo (`conclusionId` null) or of one conclusion, with the written reason. */
  async dispute(
    memoId: string,
    versionNo: number,
    conclusionId: string | null,
    reason: string,
    options?: CallOptions,
  ): Promise<MemoResponse> {
    const response = await this.api.call(
      'memo.dispute',
      { memoId, versionNo, conclusionId, reason },
      options,
    );
    this.noteResponse(response);
    return response;
  }

  private keep(detail: MemoDetail): void {
    runInAction(() => {
      this.detail = detail;
      this.state = { status: 'ready', error: null };
    });
  }

  private noteResponse(response: MemoResponse): void {
    runInAction(() => {
      const detail = this.detail;
      if (!detail || detail.id !== response.memoId) return;
      if (detail.current.versionNo === response.versionNo) {
        detail.myResponse = response;
        detail.changesSinceMyResponse = null;
      }
      detail.responses.unshift(response);
    });
  }
}
