/**
 * Simulated people against `POST /api`: each one a keep-alive HTTP/1.1 connection of their own, a bearer token, an
 * address of their own (X-Forwarded-For, believed because the load server trusts loopback as its proxy), and a
 * think time between acts. Clients read their cases, statements and acknowledge them, and write requests; lawyers
 * read their cases and workbench, publish updates and answer requests.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Seeded, SeededCase, SeededPerson } from './seed';

export interface LoadOptions {
  port: number;
  seconds: number;
  clients: number;
  lawyers: number;
  /** Mean pause between one person's acts (uniform in 0.5×–1.5×); 0 = back to back. */
  thinkMs: number;
}

export interface LoadReport {
  elapsedMs: number;
  /** Latencies (ms) of every answered call, by action. */
  latencies: Map<string, number[]>;
  /** Failed calls by `action code`: transport errors, non-200 statuses and ok:false answers. */
  errors: Map<string, number>;
  firstErrors: string[];
}

type Act = { action: string; payload: object; weight: number };

function pick(acts: Act[]): Act {
  const total = acts.reduce((sum, a) => sum + a.weight, 0);
  let roll = Math.random() * total;
  for (const act of acts) if ((roll -= act.weight) < 0) return act;
  return acts[acts.length - 1];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function simulate(seeded: Seeded, options: LoadOptions): Promise<LoadReport> {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const firstErrors: string[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const acknowledged = new Set<string>();
  let written = 0;

  const post = (agent: http.Agent, person: SeededPerson, address: string, action: string, payload: object) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const body = JSON.stringify({
        action,
        payload,
        requestId: `load-${randomUUID()}`,
        client: { platform: 'load' },
      });
      const req = http.request(
        {
          host: '127.0.0.1',
          port: options.port,
          path: '/api',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${person.token}`,
            'x-forwarded-for': address,
            'accept-encoding': 'br, gzip',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            const body =
              encoding === 'br'
                ? zlib.brotliDecompressSync(raw)
                : encoding === 'gzip'
                  ? zlib.gunzipSync(raw)
                  : raw;
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const act = async (agent: http.Agent, person: SeededPerson, address: string, next: Act) => {
    const sent = performance.now();
    let failure: string | null = null;
    let answer: { ok?: boolean; data?: unknown; error?: { code: string } } | null = null;
    try {
      const res = await post(agent, person, address, next.action, next.payload);
      answer = JSON.parse(res.body.toString('utf8'));
      if (res.status !== 200) failure = `HTTP ${res.status}`;
      else if (answer?.ok === false) failure = answer.error?.code ?? 'ok:false';
    } catch (error) {
      failure = (error as Error).message;
    }
    const ms = performance.now() - sent;
    if (failure) {
      const key = `${next.action} ${failure}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
      if (firstErrors.length < 5) firstErrors.push(key);
      return null;
    }
    const list = latencies.get(next.action) ?? [];
    list.push(ms);
    latencies.set(next.action, list);
    return answer;
  };

  const casesOf = (role: 'lawyer' | 'client', index: number): SeededCase[] =>
    seeded.cases.filter((c) => (role === 'lawyer' ? c.lawyer === index : c.clients.includes(index)));

  const person = async (role: 'lawyer' | 'client', index: number, who: SeededPerson) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const address = `10.${role === 'lawyer' ? 1 : 2}.${index >> 8}.${index & 255}`;
    const mine = casesOf(role, index);
    if (mine.length === 0) return;
    // People do not all start in the same millisecond.
    await sleep(Math.random() * Math.min(1000, options.thinkMs || 1));
    let requestsWritten = 0;
    while (performance.now() < deadline) {
      const c = mine[Math.floor(Math.random() * mine.length)];
      const caseIndex = seeded.cases.indexOf(c);
      const acts: Act[] =
        role === 'client'
          ? [
              { action: 'case.list', payload: {}, weight: 25 },
              { action: 'case.get', payload: { caseId: c.id }, weight: 30 },
              { action: 'statement.get', payload: { statementId: c.statementId }, weight: 20 },
              ...(acknowledged.has(`${who.userId} ${c.statementId}`)
                ? []
                : [
                    {
                      action: 'statement.acknowledge',
                      payload: { statementId: c.statementId, versionNo: 1, itemIds: c.itemIds },
                      weight: 10,
                    },
                  ]),
              // Well under the per-account limit on requests (30 an hour).
              ...(requestsWritten < 20
                ? [
                    {
                      action: 'request.create',
                      payload: {
                        caseId: c.id,
                        category: 'action',
                        body: `负载测试请求 ${++written}`,
                        aboutUpdateId: null,
                      },
                      weight: 10,
                    },
                  ]
                : []),
            ]
          : [
              { action: 'case.list', payload: {}, weight: 20 },
              { action: 'case.get', payload: { caseId: c.id }, weight: 30 },
              { action: 'workbench.get', payload: {}, weight: 20 },
              {
                action: 'update.publish',
                payload: {
                  caseId: c.id,
                  title: '负载测试进展',
                  body: '证据目录已整理完毕。',
                  nextSteps: null,
                  risks: null,
                },
                weight: 15,
              },
              ...(seeded.openRequests[caseIndex].length > 0
                ? [{ action: 'request.answer', payload: {}, weight: 15 }]
                : []),
            ];
      const next = pick(acts);
      if (next.action === 'request.answer') {
        const requestId = seeded.openRequests[caseIndex].shift()!;
        next.payload = { requestId, kind: 'reply', text: '大约需要四十五天，我们会随时告知进展。' };
      }
      if (next.action === 'statement.acknowledge') acknowledged.add(`${who.userId} ${c.statementId}`);
      const answer = await act(agent, who, address, next);
      if (next.action === 'request.create') {
        requestsWritten++;
        const id = (answer?.data as { id?: string } | undefined)?.id;
        if (id) seeded.openRequests[caseIndex].push(id);
      }
      if (options.thinkMs > 0) await sleep(options.thinkMs * (0.5 + Math.random()));
    }
    agent.destroy();
  };

  await Promise.all([
    ...seeded.lawyers.slice(0, options.lawyers).map((p, i) => person('lawyer', i, p)),
    ...seeded.clients.slice(0, options.clients).map((p, i) => person('client', i, p)),
  ]);
  return { elapsedMs: performance.now() - started, latencies, errors, firstErrors };
}
