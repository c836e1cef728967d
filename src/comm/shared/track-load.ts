import { runInAction } from 'mobx';
import { toApiFailure } from '@/api';
import type { LoadState } from '@/stores/load-state';

/** Runs a read for a page-local store, moving its `state` through loading to ready, or to the error it met. */
export async function trackLoad(store: { state: LoadState }, read: () => Promise<void>): Promise<void> {
  runInAction(() => {
    store.state = { status: 'loading', error: null };
  });
  try {
    await read();
    runInAction(() => {
      store.state = { status: 'ready', error: null };
    });
  } catch (e) {
    runInAction(() => {
      store.state = { status: 'error', error: toApiFailure(e) };
    });
  }
}
