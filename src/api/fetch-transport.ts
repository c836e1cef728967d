import { asApiResponse, TransportError, type Transport } from './transport';

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface FetchTransportOptions {
  url: string;
  getToken: () => string | null;
  fetch?: FetchLike;
}

/** `POST <url>` with a bearer token: the H5 build's way to the API. */
export function createFetchTransport({ url, getToken, fetch: doFetch }: FetchTransportOptions): Transport {
  return async (request) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const token = getToken();
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
