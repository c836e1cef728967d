/**
 * The notification worker: a loop beside the HTTP server (or alone: `npm run notify`). Each tick first queues
 * the due-soon task notices, then drains the outbox. Ticks never overlap: the next is scheduled only after the
 * previous one finished, `intervalMs` later. A failed tick is logged and the loop goes on.
 */
import type { Db } from '../platform/migrate';
import { queueDueSoonTasks } from './due-soon';
import type { NotifyConfig } from './notify-config';
import { drainOutbox, type DrainOptions, type DrainOutcome } from './sender';
import type { MessageTransport } from './transports/transport';

export interface WorkerOptions {
  db: Db;
  /** The app's clock (the demo's clock decides quiet hours). */
  clock: () => Date;
  config: NotifyConfig;
  transport: MessageTransport;
  intervalMs: number;
  leaseMs?: number;
  log?: (message: string) => void;
}

export interface NotifyWorker {
  /** Runs one tick now (waits for a running one first); what it drained. */
  tick(): Promise<DrainOutcome>;
  /** Stops the loop; resolves when a running tick has finished. */
  stop(): Promise<void>;
}

/** One tick: due-soon notices, then a drain. */
export async function notifyTick(
  db: Db,
  options: Omit<DrainOptions, 'clock'> & { clock: () => Date },
): Promise<DrainOutcome> {
  await queueDueSoonTasks(db, options.clock().toISOString(), options.config.mode);
  return drainOutbox(db, options);
}

export function startNotifyWorker(o: WorkerOptions): NotifyWorker {
  if (o.config.mode === 'off') throw new Error('No notification worker when notifications are off.');
  let running: Promise<DrainOutcome> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const drainOptions = {
    clock: o.clock,
    config: o.config,
    transport: o.transport,
    leaseMs: o.leaseMs,
    log: o.log,
  };

  const run = (): Promise<DrainOutcome> => {
    const previous = running ?? Promise.resolve(null);
    const current: Promise<DrainOutcome> = previous
      .catch(() => null)
      .then(() => notifyTick(o.db, drainOptions));
    running = current;
    void current
      .then((outcome) => {
        if (outcome.attempted || outcome.deferred || outcome.skipped || outcome.recovered)
          o.log?.(
            `sent ${outcome.sent}, retrying ${outcome.retrying}, dead ${outcome.dead}, deferred ${outcome.deferred}, skipped ${outcome.skipped}`,
          );
      })
      .catch((error: unknown) => o.log?.(`tick failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        if (running === current) running = null;
      });
    return current;
  };

  const loop = () => {
    timer = null;
    if (stopped) return;
    void run()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.intervalMs);
      });
  };
  timer = setTimeout(loop, 0);

  return {
    tick: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
