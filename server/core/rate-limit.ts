import type { ActionName } from '../../contract/index';
import { apiError, type ApiError } from '../../contract/errors';
import { sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';

/** At most `max` attempts in each fixed window of `seconds` (windows start at multiples of it, UTC). */
export interface RateWindow {
  max: number;
  seconds: number;
}

/** Windows counted per account (the caller's subject) and per source address (when the entry knows it). */
export interface ActionLimits {
  /** Actions naming the same counter count together (default: the action's own name). */
  counter?: string;
  account: readonly RateWindow[];
  address: readonly RateWindow[];
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const INVITE_CODE: ActionLimits = {
  counter: 'invite.code',
  account: [
    { max: 10, seconds: 15 * MINUTE },
    { max: 30, seconds: DAY },
  ],
  address: [{ max: 50, seconds: 15 * MINUTE }],
};

/**
 * Every rate-limited action and its windows: the router consults this table by action name, so an action is
 * limited by adding a row here. Every attempt that passes validation counts, whatever its outcome — a wrong
 * invite code counts although its transaction rolls back. Address limits are wider than account limits: several
 * clients of one firm may share an office's address.
 */
export const RATE_LIMITS = {
  // Guessing codes: the finding was 1,000 wrong codes from one account in 3 s. Looking a code up (the join page's
  // preview) tells as much as redeeming it, so both count against one counter.
  'invite.redeem': INVITE_CODE,
  'invite.preview': INVITE_CODE,
  'request.create': {
    account: [
      { max: 30, seconds: HOUR },
      { max: 100, seconds: DAY },
    ],
    address: [{ max: 300, seconds: HOUR }],
  },
  // A client may ask about many items of a long statement in one sitting.
  'statement.ask': {
    account: [{ max: 60, seconds: HOUR }],
    address: [{ max: 300, seconds: HOUR }],
  },
  'statement.remind': {
    account: [{ max: 60, seconds: HOUR }],
    address: [{ max: 300, seconds: HOUR }],
  },
} as const satisfies Partial<Record<ActionName, ActionLimits>>;

export type RateLimitedAction = keyof typeof RATE_LIMITS;

export interface RateLimitKey {
  subject: string;
  sourceIp: string | null;
  requestId: string;
}

function isLimited(action: ActionName): action is RateLimitedAction {
  return Object.prototype.hasOwnProperty.call(RATE_LIMITS, action);
}

/** 「操作过于频繁，请 N 分钟后再试」: seconds under a minute, hours from two hours on. */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  const when =
    s < MINUTE ? `${s} 秒` : s < 2 * HOUR ? `${Math.ceil(s / MINUTE)} 分钟` : `${Math.ceil(s / HOUR)} 小时`;
  return `操作过于频繁，请 ${when}后再试`;
}

export function rateLimitedError(retryAfterSeconds: number): ApiError {
  return {
    ...apiError('RATE_LIMITED', undefined, rateLimitedMessage(retryAfterSeconds)),
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  };
}

/**
 * Counts one attempt of a limited action and answers RATE_LIMITED when any window is over its maximum.
 * Runs on `db` outside the action's transaction (its own statement), so the count survives the action's rollback,
 * and in the database, so every process and cloud-function instance counts together. A retry of a request that
 * already succeeded (same request id) is neither counted nor refused: it gets its stored answer.
 */
export async function checkRateLimit(
  db: Db,
  action: ActionName,
  key: RateLimitKey,
  now: Date,
): Promise<ApiError | null> {
  if (!isLimited(action)) return null;
  const limits: ActionLimits = RATE_LIMITS[action];
  const answered = await db
    .selectFrom('idempotency')
    .select('request_id')
    .where('subject', '=', key.subject)
    .where('request_id', '=', key.requestId)
    .where('response', '<>', '')
    .executeTakeFirst();
  if (answered) return null;

  const at = now.getTime();
  const counters = [
    ...limits.account.map((w) => ({ scope: 'account', who: key.subject, w })),
    ...(key.sourceIp ? limits.address.map((w) => ({ scope: 'address', who: key.sourceIp, w })) : []),
  ].map(({ scope, who, w }) => {
    const start = Math.floor(at / (w.seconds * 1000)) * w.seconds * 1000;
    return {
      window: w,
      end: start + w.seconds * 1000,
      row: {
        rule: `${limits.counter ?? action}:${scope}:${w.seconds}`,
        key_hash: sha256Hex(`${scope}:${who}`),
        window_start: new Date(start).toISOString(),
        expires_at: new Date(start + w.seconds * 1000).toISOString(),
        hits: 1,
      },
    };
  });
  // One statement for every window: each counter is created at 1 or incremented, and its new count returned.
  const counted = await db
    .insertInto('rate_limit_hits')
    .values(counters.map((c) => c.row))
    .onConflict((oc) =>
      oc
        .columns(['rule', 'key_hash', 'window_start'])
        .doUpdateSet((eb) => ({ hits: eb('rate_limit_hits.hits', '+', 1) })),
    )
    .returning(['rule', 'key_hash', 'hits'])
    .execute();
  let retryAfterMs = 0;
  for (const c of counters) {
    const hits = counted.find((r) => r.rule === c.row.rule && r.key_hash === c.row.key_hash)?.hits;
    if (hits !== undefined && Number(hits) > c.window.max) retryAfterMs = Math.max(retryAfterMs, c.end - at);
  }
  return retryAfterMs > 0 ? rateLimitedError(retryAfterMs / 1000) : null;
}
