import { makeAutoObservable, runInAction } from 'mobx';
import type { ContactCard } from '@contract/index';
import { toApiFailure, type Api } from '@/api';
import { idleState, type LoadState } from '@/stores/load-state';

/** A case's lawyers as its clients see them (case.contact); the first answers requests. Page-local. */
export class ContactStore {
  lawyers: ContactCard[] | null = null;
  state: LoadState = idleState();

  constructor(private readonly api: Api) {
    makeAutoObservable<ContactStore, 'api'>(this, { api: false });
  }

  async load(caseId: string): Promise<void> {
    this.state = { status: 'loading', error: null };
    try {
      const { lawyers } = await this.api.call('case.contact', { caseId });
      runInAction(() => {
        this.lawyers = lawyers;
        this.state = { status: 'ready', error: null };
      });
    } catch (e) {
      runInAction(() => {
        this.state = { status: 'error', error: toApiFailure(e) };
      });
    }
  }
}
