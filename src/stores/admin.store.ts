import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput } from '@contract/index';
import { type Api, type ApiFailure, type CallOptions } from '@/api';
import { trackLoad, type LoadStatus } from './load-state';

type LawyerList = ActionOutput<'admin.listLawyers'>;

/** The firm admin's view of enrolled lawyers, open lawyer invites, and enrolments waiting for a decision. */
export class AdminStore {
  lawyers: LawyerList['lawyers'] = [];
  pendingInvites: LawyerList['pendingInvites'] = [];
  /** Lawyer invites someone redeemed, waiting for the admin to confirm or reject the redeemer. */
  pendingEnrolments: LawyerList['pendingEnrolments'] = [];
  /** The next page of lawyers (null: all are here). */
  nextCursor: string | null = null;
  loadingMore = false;
  status: LoadStatus = 'idle';
  error: ApiFailure | null = null;

  constructor(private readonly api: Api) {
    makeAutoObservable<AdminStore, 'api'>(this, { api: false });
  }

  async load(): Promise<void> {
    await trackLoad(this, async () => {
      const list = await this.api.call('admin.listLawyers', {});
      runInAction(() => {
        this.lawyers = list.lawyers;
        this.pendingInvites = list.pendingInvites;
        this.pendingEnrolments = list.pendingEnrolments;
        this.nextCursor = list.nextCursor ?? null;
      });
    });
  }

  /** Confirms (the redeemer becomes a lawyer) or rejects a redeemed lawyer invite, then reloads the lists. */
  async decide(inviteId: string, decision: 'confirm' | 'reject', options?: CallOptions): Promise<void> {
    await this.api.call(
      decision === 'confirm' ? 'admin.confirmLawyer' : 'admin.rejectLawyer',
      { inviteId },
      options,
    );
    await this.load();
  }
}
