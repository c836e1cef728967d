/**
 * The HTTP load generator, run by throughput.ts in a process of its own (forked), so the server's event loop
 * shares the machine with it but not its thread. Real HTTP/1.1 over loopback with keep-alive connections
 * (node:http, up to 20 sockets), bearer tokens like the H5 client sends.
 *
 * Message in:  { url, requests: [{ token, body }], concurrency, seconds }
 * Message out: { ok, failed, firstError, elapsedMs, p50Ms, exhausted }
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadRun {
  url: string;
  requests: { token: string; body: string }[];
  concurrency: number;
  seconds: number;
}

export interface LoadResult {
  ok: number;
  failed: number;
  firstError: string | null;
  elapsedMs: number;
  p50Ms: number;
  /** The run ended because it ran out of prepared requests, not because time was up. */
  exhausted: boolean;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });

function post(url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(r: LoadRun): Promise<LoadResult> {
  const url = new URL(r.url);
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = start + r.seconds * 1000;
  const worker = async () => {
    while (next < r.requests.length && performance.now() < deadline) {
      const { token, body } = r.requests[next++];
      const sent = performance.now();
      try {
        const res = await post(url, token, body);
        latencies.push(performance.now() - sent);
        const answer = JSON.parse(res.text) as { ok?: boolean; error?: { code: string } };
        if (res.status === 200 && answer.ok === true) ok++;
        else {
          failed++;
          firstError ??= `${res.status} ${answer.error?.code ?? res.text.slice(0, 200)}`;
        }
      } catch (error) {
        failed++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: r.concurrency }, worker));
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    ok,
    failed,
    firstError,
    elapsedMs,
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
    exhausted: next >= r.requests.length,
  };
}

if (process.send) {
  process.on('message', (message: LoadRun | 'exit') => {
    if (message === 'exit') {
      agent.destroy();
      process.exit(0);
    }
    void run(message).then((result) => process.send?.(result));
  });
}
