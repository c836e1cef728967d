import type { Db } from './migrate';

/**
 * How long a request's stored answer is kept, so a retry with the same request id gets the first answer instead
 * of doing the work twice. Clients retry within seconds (the API client: twice, 0.3 s and 0.6 s apart), and a
 * form keeps its request id until the server took it — minutes, or hours on a bad network; a week is far longer.
 */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

/** How often the HTTP entry prunes (the cloud function's `prune` trigger runs daily). */
export const PRUNE_INTERVAL_MINUTES = 60;

export interface PruneOutcome {
  /** Sessions past their expiry (they no longer sign anyone in). */
  sessions: number;
  /** Stored answers older than IDEMPOTENCY_RETENTION_DAYS. */
  idempotency: number;
  /** Rate-limit counters whose window has ended. */
  rateLimits: number;
}

/**
 * Deletes what has outlived its use: expired sessions, idempotency rows past their retention, and finished
 * rate-limit windows. Evidence is never touched. Safe to run at any time, from any number of processes.
 */
export async function pruneExpired(db: Db, now: Date): Promise<PruneOutcome> {
  const at = now.toISOString();
  const idempotencyBefore = new Date(now.getTime() - IDEMPOTENCY_RETENTION_DAYS * 86400_000).toISOString();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst();
  const idempotency = await db
    .deleteFrom('idempotency')
    .where('created_at', '<', idempotencyBefore)
    .executeTakeFirst();
  const rateLimits = await db.deleteFrom('rate_limit_hits').where('expires_at', '<=', at).executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    idempotency: Number(idempotency.numDeletedRows),
    rateLimits: Number(rateLimits.numDeletedRows),
  };
}

export function describePrune(o: PruneOutcome): string {
  return `pruned ${o.sessions} expired session(s), ${o.idempotency} stored answer(s) older than ${IDEMPOTENCY_RETENTION_DAYS} days, ${o.rateLimits} finished rate-limit window(s)`;
}

/** Prunes now and then every `minutes` (HTTP entry). Returns a stop function. */
export function startPruning(
  db: Db,
  clock: () => Date,
  log: (message: string) => void,
  minutes = PRUNE_INTERVAL_MINUTES,
): () => void {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const outcome = await pruneExpired(db, clock());
      if (outcome.sessions + outcome.idempotency + outcome.rateLimits > 0) log(describePrune(outcome));
    } catch (error) {
      log(`pruning failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), minutes * 60_000);
  timer.unref();
  void round();
  return () => clearInterval(timer);
}
