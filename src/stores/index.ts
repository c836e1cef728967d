export { RootStore, type RootStoreDeps } from './root-store';
export { StoresProvider, useStores } from './context';
export { normalizeInviteCode } from './invite.store';
export type { LoadStatus, LoadState } from './load-state';
