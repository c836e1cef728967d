/** Latency sampling: medians (p50) over many calls, two calls compared by interleaving their samples. */
import { performance } from 'node:perf_hooks';
import type { QueryCounter } from './engines';

/** Samples per latency figure (p50 over at least 200, per the release note). BENCH_SAMPLES overrides. */
export const SAMPLES = Math.max(200, Number(process.env.BENCH_SAMPLES) || 400);
const WARMUP = 200;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface Timed {
  p50: number;
  samples: number;
}

/** p50 of `fn` after warming caches and the JIT. */
export async function p50(fn: () => unknown, samples = SAMPLES): Promise<Timed> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { p50: median(times), samples };
}

/**
 * p50 of two calls whose ratio is budgeted, sampled alternately (a, b, a, b …): drift over the run (GC, CPU
 * frequency, the other engine's background work) lands on both sides instead of skewing the ratio.
 */
export async function compare(
  a: () => unknown,
  b: () => unknown,
  samples = SAMPLES,
): Promise<[Timed, Timed]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < samples; i++) {
    for (const [fn, times] of i % 2
      ? ([
          [b, tb],
          [a, ta],
        ] as const)
      : ([
          [a, ta],
          [b, tb],
        ] as const)) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
  }
  return [
    { p50: median(ta), samples },
    { p50: median(tb), samples },
  ];
}

/** SQL queries one call runs (counted by the store's Kysely log); checked twice to make sure it is stable. */
export async function queriesPerCall(counter: QueryCounter, fn: () => unknown): Promise<number> {
  const once = async () => {
    const before = counter.count;
    await fn();
    return counter.count - before;
  };
  const first = await once();
  const second = await once();
  return Math.max(first, second);
}
