import type { ActionInput, ActionName, ActionOutput } from '@contract/index';
import type { ClientInfo } from '@contract/envelope';
import { ApiFailure } from './api-failure';
import { newRequestId } from './request-id';
import type { Transport } from './transport';

export interface ApiOptions {
  transport: Transport;
  /**
   * Self-reported device context for the envelope of a call to this action (evidence context, never identity);
   * undefined sends none (H5 sends it with writes only: src/api/client-info.h5.ts).
   */
  clientInfo?: (action: ActionName) => ClientInfo | undefined | Promise<ClientInfo | undefined>;
  /** Extra attempts after a network failure; each reuses the same requestId. */
  retries?: number;
  retryDelayMs?: (attempt: number) => number;
  newRequestId?: () => string;
  sleep?: (ms: number) => Promise<void>;
  /** Called when the API says the caller is not signed in (e.g. to send an H5 visitor to the login page). */
  onUnauthenticated?: () => void;
}

export interface CallOptions {
  /** Reuse a requestId chosen earlier, e.g. when the user presses "submit" again after a failure. */
  requestId?: string;
}

export interface Api {
  /**
   * Calls one action. Resolves with its output or rejects with an {@link ApiFailure}.
   * @example const cases = await api.call('case.list', {});
   */
  call<A extends ActionName>(
    action: A,
    input: ActionInput<A>,
    options?: CallOptions,
  ): Promise<ActionOutput<A>>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createApi(options: ApiOptions): Api {
  const {
    transport,
    clientInfo,
    retries = 2,
    retryDelayMs = (attempt) => 300 * 2 ** attempt,
    sleep = defaultSleep,
    onUnauthenticated,
  } = options;
  const makeRequestId = options.newRequestId ?? (() => newRequestId());

  return {
    async call(action, input, callOptions) {
      const requestId = callOptions?.requestId ?? makeRequestId();
      const request = { action, payload: input, requestId, client: await clientInfo?.(action) };
      for (let attempt = 0; ; attempt++) {
        let response;
        try {
          response = await transport(request);
        } catch {
          if (attempt >= retries) throw new ApiFailure('NETWORK');
          await sleep(retryDelayMs(attempt));
          continue;
        }
        if (response.ok) return response.data as ActionOutput<typeof action>;
        const { code, message, issues } = response.error;
        if (code === 'UNAUTHENTICATED') onUnauthenticated?.();
        throw new ApiFailure(code, message, issues);
      }
    },
  };
}
