import { readKey } from '@/boot/first-reads';
import { takeEarlyAnswer } from '@/boot/early-answers';
import { createFetchTransport } from './fetch-transport';
import { H5_API_URL } from './h5-endpoints';
import { readSessionToken } from './session-token';
import type { Transport } from './transport';

/** H5: the same-origin HTTP server; a read the boot script already sent is answered from its early answer. */
export function createPlatformTransport(): Transport {
  return createFetchTransport({
    url: H5_API_URL,
    getToken: readSessionToken,
    takeEarly: (request, token) => takeEarlyAnswer(readKey(request.action, request.payload), token),
  });
}
