import type { ApiRequest, ApiResponse } from '@contract/envelope';

/**
 * Carries one envelope to the API and brings back its answer. Resolves with the API's `{ ok, ... }` answer;
 * rejects only when the request did not get through (network, cloud call failure), which the client retries.
 */
export type Transport = (request: ApiRequest) => Promise<ApiResponse<unknown>>;

/** Thrown by transports for failures worth retrying with the same requestId. */
export class TransportError extends Error {
  readonly name = 'TransportError';
}

/** Checks that a value looks like an API answer before trusting it. */
export function asApiResponse(value: unknown): ApiResponse<unknown> {
  if (typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean') {
    return value as ApiResponse<unknown>;
  }
  throw new TransportError('Malformed API response');
}
