import { createFetchTransport } from './fetch-transport';
import { readSessionToken } from './session-token';
import type { Transport } from './transport';

/** H5: the same-origin HTTP server. */
export function createPlatformTransport(): Transport {
  return createFetchTransport({ url: '/api', getToken: readSessionToken });
}
