import type { ApiFailure } from '@/api';

/** Where a read from the API stands; pages show a skeleton, the data, or the error. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadState {
  status: LoadStatus;
  error: ApiFailure | null;
}

export const idleState = (): LoadState => ({ status: 'idle', error: null });
