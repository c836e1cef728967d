import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput } from '@contract/index';
import { type Api, type ApiFailure } from '@/api';
import { trackLoad, type LoadStatus } from './load-state';

type LawyerList = ActionOutput<'admin.listLawyers'>;

/** The firm admin's view of enrolled lawyers and open lawyer invites. */
export class AdminStore {
  lawyers: LawyerList['lawyers'] = [];
  pendingInvites: LawyerList['pendingInvites'] = [];
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
      });
    });
  }
}
