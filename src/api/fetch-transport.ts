import type { ApiRequest } from '@contract/envelope';
import type { EarlyAnswer } from '@/boot/early-answers';
import { asApiResponse, TransportError, type Transport } from './transport';

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface FetchTransportOptions {
  url: string;
  getToken: () => string | null;
  fetch?: FetchLike;
  /**
   * An answer already on its way for this request, sent with this token before the app loaded (H5: the boot
   * script's reads), or undefined. One that did not get through, or a server error, is asked again here.
   */
  takeEarly?: (request: ApiRequest, token: string | null) => Promise<EarlyAnswer> | undefined;
}

/** `POST <url>` with a bearer token: the H5 build's way to the API. */
export function createFetchTransport({
  url,
  getToken,
  fetch: doFetch,
  takeEarly,
}: FetchTransportOptions): Transport {
  return async (request) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const token = getToken();
    const early = await takeEarly?.(request, token);
    if (early && early.status < 500) return asApiResponse(early.body);
    if (token) headers.Authorization = `Bearer ${token}`;
    const fetchImpl = doFetch ?? (globalThis.fetch as unknown as FetchLike);
    let res;
    try {
      res = await fetchImpl(url, { method: 'POST', headers, body: JSON.stringify(request) });
    } catch {
      throw new TransportError('Network failure');
    }
    if (res.status >= 500) throw new TransportError(`HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new TransportError('Response is not JSON');
    }
    return asApiResponse(body);
  };
}
