import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, Me } from '@contract/index';
import { type Api, type ApiFailure, type CallOptions } from '@/api';
import { trackLoad, type LoadStatus } from './load-state';

/** Who is signed in: role flags drive what each page offers. */
export class SessionStore {
  me: Me | null = null;
  status: LoadStatus = 'idle';
  error: ApiFailure | null = null;

  constructor(private readonly api: Api) {
    makeAutoObservable<SessionStore, 'api'>(this, { api: false });
  }

  get isLawyer(): boolean {
    return this.me?.isLawyer ?? false;
  }

  get isAdmin(): boolean {
    return this.me?.isAdmin ?? false;
  }

  /** A lawyer must fill in practice details before creating cases. */
  get needsLawyerProfile(): boolean {
    return this.isLawyer && this.me?.profile == null;
  }

  async load(): Promise<void> {
    await trackLoad(this, async () => {
      const me = await this.api.call('session.me', {});
      runInAction(() => {
        this.me = me;
      });
    });
  }

  /** Loads once; later calls reuse the answer unless `force`. */
  async ensureLoaded(force = false): Promise<void> {
    if (!force && (this.status === 'ready' || this.status === 'loading')) return;
    await this.load();
  }

  async updateProfile(input: ActionInput<'profile.update'>, options?: CallOptions): Promise<Me> {
    const me = await this.api.call('profile.update', input, options);
    runInAction(() => {
      this.me = me;
    });
    return me;
  }

  reset(): void {
    this.me = null;
    this.status = 'idle';
    this.error = null;
  }
}
