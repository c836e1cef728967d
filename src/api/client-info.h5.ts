import type { ActionName } from '@contract/index';
import type { ClientInfo } from '@contract/envelope';
import { isMutating } from '@contract/mutating-actions';
import { loadPlatform } from '@/shims/lazy-platform';
import { deviceInfo } from './device-info';

/**
 * H5: the device context goes with writes only, the calls whose evidence records it. Reading it lays the page
 * out (Taro measures the window) and needs the user-agent parser, a chunk of its own fetched on the first write;
 * the first screen's reads need neither.
 */
export async function readClientInfo(action: ActionName): Promise<ClientInfo | undefined> {
  if (!isMutating(action)) return undefined;
  await loadPlatform().catch(() => undefined);
  return deviceInfo();
}
