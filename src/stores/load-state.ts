import { runInAction } from 'mobx';
import { toApiFailure, type ApiFailure } from '@/api';

/** Where a read from the API stands; pages show a skeleton, the data, or the error. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadState {
  status: LoadStatus;
  error: ApiFailure | null;
}

export const idleState = (): LoadState => ({ status: 'idle', error: null });

/**
 * Runs a read, moving `target` (a store with `status` and `error`, or a page store's `state`) through loading to
 * ready, or to the error it met. `read` puts what it got into the store itself.
 */
export async function trackLoad(target: LoadState, read: () => Promise<void>): Promise<void> {
  runInAction(() => {
    target.status = 'loading';
    target.error = null;
  });
  try {
    await read();
    runInAction(() => {
      target.status = 'ready';
      target.error = null;
    });
  } catch (e) {
    runInAction(() => {
      target.status = 'error';
      target.error = toApiFailure(e);
    });
  }
}
