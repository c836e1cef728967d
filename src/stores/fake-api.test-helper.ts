import type { ActionName } from '@contract/index';
import { apiError, type ErrorCode } from '@contract/errors';
import { createApi } from '@/api';
import type { Transport } from '@/api/transport';

type Handler = (payload: Record<string, unknown>) => unknown;

/**
 * An in-memory stand-in for the server behind our own Transport interface: each action answers from a
 * handler; a handler may throw `fail('CODE')` to answer with an API error. Records every request.
 */
export function fakeApi(handlers: Partial<Record<ActionName, Handler>>) {
  const calls: { action: string; payload: unknown; requestId: string }[] = [];
  const transport: Transport = async (request) => {
    calls.push({ action: request.action, payload: request.payload, requestId: request.requestId });
    const handler = handlers[request.action as ActionName];
    if (!handler) return { ok: false, error: apiError('UNKNOWN_ACTION') };
    try {
      return { ok: true, data: await handler(request.payload as Record<string, unknown>) };
    } catch (e) {
      if (e instanceof FakeFailure) return { ok: false, error: apiError(e.code) };
      throw e;
    }
  };
  return { api: createApi({ transport, sleep: () => Promise.resolve() }), calls };
}

class FakeFailure {
  constructor(readonly code: ErrorCode) {}
}

export const fail = (code: ErrorCode) => new FakeFailure(code);
