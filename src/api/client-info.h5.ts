import type { ActionName } from '@contract/index';
import type { ClientInfo } from '@contract/envelope';
import { isMutating } from '@contract/mutating-actions';
import { deviceInfo } from './device-info';

/**
 * H5: the device context goes with writes only, the calls whose evidence records it. Reading it on H5 lays the
 * page out (Taro measures the window) and loads the user-agent parser, which the first screen's reads need not
 * wait for.
 */
export function readClientInfo(action: ActionName): ClientInfo | undefined {
  return isMutating(action) ? deviceInfo() : undefined;
}
