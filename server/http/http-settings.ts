import http from 'node:http';
import { ConfigError } from '../config';

/** How long the HTTP entry waits on a client, in milliseconds. */
export interface HttpTimeouts {
  /**
   * The whole request (headers and body) must arrive within this; a connection that sends half a body is answered
   * 408 and closed. The socket is also closed after twice this long without any traffic.
   */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { requestMs: 15_000, keepAliveMs: 5_000 };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface HttpSettings {
  timeouts: HttpTimeouts;
  logLevel: LogLevel;
}

function milliseconds(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 600_000)
    throw new ConfigError(`${name} must be a whole number of milliseconds from 100 to 600000: ${raw}`);
  return value;
}

/**
 * The HTTP entry's own settings: CASETRAIL_REQUEST_TIMEOUT_MS (default 15000), CASETRAIL_KEEPALIVE_TIMEOUT_MS
 * (default 5000) and CASETRAIL_LOG_LEVEL (default info; `silent` writes no request log).
 */
export function readHttpSettings(env: Record<string, string | undefined> = process.env): HttpSettings {
  const level = env.CASETRAIL_LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigError(`CASETRAIL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}: ${level}`);
  return {
    timeouts: {
      requestMs: milliseconds(env, 'CASETRAIL_REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs),
      keepAliveMs: milliseconds(env, 'CASETRAIL_KEEPALIVE_TIMEOUT_MS', DEFAULT_TIMEOUTS.keepAliveMs),
    },
    logLevel: level as LogLevel,
  };
}

/**
 * A node:http server that enforces the timeouts. Node checks request deadlines on an interval (30 s by default,
 * which let half-sent requests live that long past their deadline): here a quarter of the timeout, at most 1 s.
 */
export function timedHttpServer(timeouts: HttpTimeouts, handler: http.RequestListener): http.Server {
  const server = http.createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(timeouts.requestMs / 4))),
    },
    handler,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  // A socket with no traffic at all for this long (a client that stopped reading an answer) is destroyed.
  server.setTimeout(2 * timeouts.requestMs);
  return server;
}
