import type { ActionName } from '@contract/index';
import type { ClientInfo } from '@contract/envelope';
import { deviceInfo } from './device-info';

/** The device context sent with a call (the weapp: with every call; H5: see client-info.h5.ts). */
export function readClientInfo(_action: ActionName): ClientInfo | undefined {
  return deviceInfo();
}
