import type { ApiError } from './errors';

/** What every transport carries to the `api` cloud function or `POST /api`. */
export interface ApiRequest<A extends string = string, P = unknown> {
  action: A;
  payload: P;
  /** Idempotency key chosen by the client: a retry with the same id gets the first answer. */
  requestId: string;
  /** Optional, self-reported by the client (evidence context, never trusted for identity). */
  client?: ClientInfo;
}

export interface ClientInfo {
  platform?: string;
  model?: string;
  system?: string;
  version?: string;
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError };
