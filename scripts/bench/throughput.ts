/**
 * Item 6: write throughput through the HTTP entry — a real listener on 127.0.0.1, a load generator in another
 * process (http-load.ts) — next to the disk's ceiling of one-row fsynced commits on the same disk.
 *  - statement.acknowledge: every call by a different client (bulk-loaded, with sessions), so every call writes
 *    (response row, chain event, idempotency claim) in its own transaction.
 *  - update.publish: the lawyer (signed in through dev login), into one case, and spread over 20 cases.
 * Afterwards every acknowledgment is counted in the database and the chains are verified.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { verifyCaseEvents } from '../../server/events/event-log.store';
import { buildHttpServer } from '../../server/http/app';
import { LAWYER, UPDATE_BODY, openFirm, publishStatement } from './api';
import { loadClients, loadSessions } from './bulk';
import type { DiskCeiling, Engine } from './engines';
import { median } from './measure';
import type { LoadResult, LoadRun } from './http-load';
import { perSecond, type Row } from './report';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS) || 3;
const CEILING_SECONDS = 1;
/** Clients with a session each: more than the fastest run can acknowledge in SECONDS. */
const ACK_CLIENTS = 6000;
const WARMUP = 60;

function loadGenerator(): { child: ChildProcess; run(r: LoadRun): Promise<LoadResult> } {
  const child = fork(path.join(__dirname, 'http-load.ts'), { stdio: 'inherit' });
  return {
    child,
    run: (r) =>
      new Promise((resolve, reject) => {
        child.once('message', (m) => resolve(m as LoadResult));
        child.once('error', reject);
        child.send(r);
      }),
  };
}

const envelope = (action: string, payload: object) =>
  JSON.stringify({ action, payload, requestId: `bench-${randomUUID()}`, client: { platform: 'bench' } });

export async function httpThroughput(engine: Engine): Promise<{ rows: Row[]; notes: string[] }> {
  const store = await engine.openStore('http');
  const firm = await openFirm(store);

  // Acknowledgments: one statement in a case of its own with ACK_CLIENTS clients, each with a session.
  const ackCase = await firm.call(LAWYER, 'case.create', { title: '确认吞吐量测试', caseType: '民事' });
  const statement = await publishStatement(firm, ackCase.id, 'private-lending');
  const clients = await loadClients(store, { caseId: ackCase.id, count: ACK_CLIENTS });
  const tokens = await loadSessions(
    store,
    clients.map((c) => c.id),
  );
  const ackPayload = {
    statementId: statement.recordId,
    versionNo: statement.versionNo,
    itemIds: statement.itemIds,
  };
  let nextClient = 0;
  const acks = (n: number) =>
    tokens.slice(nextClient, (nextClient += n)).map((token) => ({
      token,
      body: envelope('statement.acknowledge', ackPayload),
    }));

  // Publishing: the firm's case (lawyer + one client), and 20 more cases with one client each.
  const spread: string[] = [];
  for (let i = 0; i < 20; i++) {
    const c = await firm.call(LAWYER, 'case.create', { title: `发布吞吐量测试 ${i + 1}`, caseType: '商事' });
    await loadClients(store, { caseId: c.id, count: 1 });
    spread.push(c.id);
  }

  const server = await buildHttpServer({ app: firm.app, devLogin: true });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona: 'lawyer' }),
  });
  const lawyerToken = ((await login.json()) as { token: string }).token;
  const publishes = (caseIds: string[], n = 20_000) =>
    Array.from({ length: n }, (_, i) => ({
      token: lawyerToken,
      body: envelope('update.publish', {
        caseId: caseIds[i % caseIds.length],
        title: `吞吐量测试进展 ${i + 1}`,
        body: UPDATE_BODY,
        nextSteps: null,
        risks: null,
      }),
    }));

  const load = loadGenerator();
  const url = `${base}/api`;
  const runs: { what: string; result: LoadResult; concurrency: number; cpuMs: number }[] = [];
  // The disk's speed drifts (a shared virtual disk): its ceiling is measured before every run and after the
  // last, and each run is set against the mean of the two around it.
  const ceilings: DiskCeiling[] = [];
  let acknowledged = 0;
  try {
    // Warm the JIT, the connections and the pool on both kinds of write.
    await load.run({ url, requests: publishes(spread, WARMUP), concurrency: 20, seconds: 30 });
    acknowledged += (await load.run({ url, requests: acks(WARMUP), concurrency: 20, seconds: 30 })).ok;

    const measure = async (what: string, requests: LoadRun['requests'], concurrency: number) => {
      ceilings.push(await engine.diskCeiling(CEILING_SECONDS));
      const cpu = process.cpuUsage();
      const result = await load.run({ url, requests, concurrency, seconds: SECONDS });
      const used = process.cpuUsage(cpu);
      if (result.failed) throw new Error(`${what}: ${result.failed} failed, first: ${result.firstError}`);
      runs.push({ what, result, concurrency, cpuMs: (used.user + used.system) / 1000 });
      return result;
    };
    acknowledged += (await measure('statement.acknowledge, 1 at a time', acks(ACK_CLIENTS / 4), 1)).ok;
    acknowledged += (
      await measure('statement.acknowledge, 20 in flight', acks(tokens.length - nextClient), 20)
    ).ok;
    await measure('update.publish, 1 at a time', publishes([firm.caseId]), 1);
    await measure('update.publish, 20 in flight, one case', publishes([firm.caseId]), 20);
    await measure('update.publish, 20 in flight, 20 cases', publishes(spread), 20);
    ceilings.push(await engine.diskCeiling(CEILING_SECONDS));
  } finally {
    load.child.send('exit');
    await server.close();
  }

  const sequential = ceilings.map((c) => c.sequential);
  const concurrent = ceilings.map((c) => c.concurrent);
  const range = (values: number[]) =>
    `${perSecond(Math.min(...values))} – ${perSecond(Math.max(...values))} over ${values.length} measurements`;
  const rows: Row[] = [
    {
      what: 'disk ceiling: fsynced 1-row commits, 1 at a time',
      value: perSecond(median(sequential)),
      detail: `${range(sequential)}: ${ceilings[0].how}`,
    },
  ];
  const grouped = concurrent.some((c, i) => c !== sequential[i]);
  if (grouped) {
    rows.push({
      what: 'disk ceiling: fsynced 1-row commits, 20 at once',
      value: perSecond(median(concurrent)),
      detail: `${range(concurrent)}; 20 connections (group commit)`,
    });
  }
  runs.forEach((run, i) => {
    const rate = run.result.ok / (run.result.elapsedMs / 1000);
    const around = (pick: (c: DiskCeiling) => number) => (pick(ceilings[i]) + pick(ceilings[i + 1])) / 2;
    const pct = (limit: number) => `${Math.round((rate / limit) * 100)}%`;
    const share =
      run.concurrency > 1 && grouped
        ? `${pct(around((c) => c.sequential))} of ceiling, ${pct(around((c) => c.concurrent))} of 20-at-once`
        : `${pct(around((c) => c.sequential))} of ceiling`;
    rows.push({
      what: `HTTP ${run.what}`,
      value: perSecond(rate),
      detail:
        `${share}; p50 ${run.result.p50Ms.toFixed(1)} ms; server CPU ${(run.cpuMs / run.result.ok).toFixed(1)} ` +
        `ms/call; ${run.result.ok} calls${run.result.exhausted ? ' (all prepared)' : ''}`,
    });
  });

  // Every answered acknowledgment is in the database once, and the chains that took the writes verify.
  const [stored] = await store.raw.rows<{ n: number }>(
    'select count(*) as n from record_responses where record_id = ?',
    [statement.recordId],
  );
  const ackChain = await verifyCaseEvents(store.db, ackCase.id);
  const publishChain = await verifyCaseEvents(store.db, firm.caseId);
  if (Number(stored.n) !== acknowledged || !ackChain.valid || !publishChain.valid)
    throw new Error(
      `after the HTTP runs: ${stored.n} acknowledgments stored for ${acknowledged} answered; ` +
        `chains valid: ${ackChain.valid}, ${publishChain.valid}`,
    );
  await store.close();
  return {
    rows,
    notes: [
      'HTTP % of ceiling: against the mean of the ceilings measured just before and just after that run; server ' +
        "CPU: the API process's user+system time per answered call (the load generator and PostgreSQL excluded)",
      `HTTP: ${SECONDS} s per run after a warm-up, Fastify on 127.0.0.1 port 0, load from a separate node process ` +
        '(node:http keep-alive, bearer sessions; the lawyer via POST /api/dev/login); every call answered ok',
      `afterwards: ${acknowledged} acknowledgments answered = ${stored.n} stored; case chains verify ` +
        `(${ackChain.events} and ${publishChain.events} events)`,
    ],
  };
}
