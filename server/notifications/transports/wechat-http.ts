import { classifyOutcome, TOKEN_ERRCODES, type RawOutcome } from '../sender.rules';
import type { MessageTransport, OutgoingMessage, SendResult } from './transport';

export interface WeChatHttpOptions {
  appid: string;
  secret: string;
  /** https://api.weixin.qq.com, or a stand-in's address in tests. */
  apiBase: string;
  /** Each request gives up after this long (a `timeout` failure, retried by the sender). */
  timeoutMs: number;
  /** Milliseconds since the epoch; tests move it to expire the cached token. */
  now?: () => number;
}

/** A token is replaced this long before WeChat says it expires (or at half its life if that is shorter). */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  token: string;
  refreshAt: number;
}

/**
 * WeChat's HTTP API for a self-hosted server.
 * - The access token comes from `POST {base}/cgi-bin/stable_token` (grant_type client_credential): unlike the
 *   older `GET /cgi-bin/token`, fetching it does not invalidate a token another process of the firm holds. It is
 *   cached in memory and fetched again before `expires_in` runs out; concurrent sends share one fetch.
 * - `POST {base}/cgi-bin/message/subscribe/send?access_token=…`. On errcode 40001/40014/42001 (token invalid or
 *   expired early) the token is fetched once more with `force_refresh` and the message sent once more.
 * Every request has a timeout. Nothing here retries beyond that one refresh: the sender's backoff does.
 */
export function wechatHttpTransport(options: WeChatHttpOptions): MessageTransport {
  const now = options.now ?? Date.now;
  const base = options.apiBase.replace(/\/+$/, '');
  let cached: CachedToken | null = null;
  let fetching: Promise<CachedToken | SendResult> | null = null;

  async function request(
    url: string,
    body: unknown,
  ): Promise<RawOutcome & { json?: Record<string, unknown> }> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await res.text();
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const errcode = typeof json?.errcode === 'number' ? json.errcode : json ? 0 : null;
      return { kind: 'answer', httpStatus: res.status, errcode, json };
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: 'network', message: cause ?? (error instanceof Error ? error.message : String(error)) };
    }
  }

  async function fetchToken(force: boolean): Promise<CachedToken | SendResult> {
    const started = now();
    const raw = await request(`${base}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      appid: options.appid,
      secret: options.secret,
      force_refresh: force,
    });
    const token = raw.kind === 'answer' ? raw.json?.access_token : undefined;
    if (raw.kind !== 'answer' || raw.httpStatus !== 200 || typeof token !== 'string') {
      const classified = classifyOutcome(raw);
      // A token that cannot be had is a token failure, whatever WeChat's reason (a wrong secret, an IP not on
      // the allowlist): retried with backoff, so a fixed configuration takes over.
      return classified.ok
        ? { ok: false, failure: 'token', detail: 'no access_token', retryable: true }
        : { ...classified, failure: classified.failure === 'timeout' ? 'timeout' : 'token' };
    }
    const lifeMs = Math.max(0, Number(raw.json?.expires_in ?? 7200)) * 1000;
    return { token, refreshAt: started + Math.max(lifeMs / 2, lifeMs - REFRESH_MARGIN_MS) };
  }

  async function token(force: boolean): Promise<CachedToken | SendResult> {
    if (!force && cached && now() < cached.refreshAt) return cached;
    if (!fetching) {
      fetching = fetchToken(force).finally(() => {
        fetching = null;
      });
    }
    const got = await fetching;
    if ('token' in got) cached = got;
    return got;
  }

  async function sendWith(t: CachedToken, msg: OutgoingMessage): Promise<RawOutcome> {
    return request(`${base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(t.token)}`, {
      touser: msg.touser,
      template_id: msg.templateId,
      page: msg.page,
      data: msg.data,
      miniprogram_state: msg.miniprogramState,
      lang: 'zh_CN',
    });
  }

  return {
    name: 'wechat',
    async send(msg) {
      const first = await token(false);
      if (!('token' in first)) return first;
      let raw = await sendWith(first, msg);
      if (raw.kind === 'answer' && raw.errcode != null && TOKEN_ERRCODES.includes(raw.errcode)) {
        // Another send may have replaced the token meanwhile; else fetch a new one.
        const fresh = cached && cached.token !== first.token ? cached : await token(true);
        if (!('token' in fresh)) return fresh;
        raw = await sendWith(fresh, msg);
      }
      return classifyOutcome(raw);
    },
  };
}
