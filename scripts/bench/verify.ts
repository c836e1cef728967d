/**
 * `verify` at 100,000 events (issue 7: ≥ 100,000 events/s end to end, constant memory). A case made through the API
 * grows, with direct SQL, to 100k chain events exactly as the kernel writes them: 50k published updates (each event
 * commits its record and version) and 50k client reads (each commits its read receipt), hashes linked. Then
 * `verifyDatabase` reads it back a page at a time: events/s, and the heap and RSS it needed over the baseline.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { GENESIS_HASH, eventHashInput } from '../../server/events/event-chain.rules';
import { commitRow } from '../../server/evidence/evidence-tables';
import { verifyDatabase } from '../../server/evidence/verify';
import { canonicalJson, sha256Hex } from '../../server/platform/crypto';
import { updateEvidence, updateExcerpt, type StoredUpdateContent } from '../../server/updates/updates.rules';
import { UPDATE_BODY, openFirm } from './api';
import type { Engine, Store } from './engines';
import { bytes, perSecond, type Row } from './report';

const EPOCH = Date.parse('2021-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(EPOCH + seconds * 1000).toISOString();
const BATCH = 10_000;

export async function verifyFigures(
  engine: Engine,
  events = 100_000,
): Promise<{ rows: Row[]; notes: string[] }> {
  const { store, loaded } = await verifyCase(engine, events);
  try {
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 5);
    const started = performance.now();
    const report = await verifyDatabase(store.db);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (!report.valid)
      throw new Error(
        `verify bench: the generated case does not verify: ${JSON.stringify(report.findings.slice(0, 3))}`,
      );
    const rate = report.events / seconds;
    return {
      rows: [
        {
          what: `verify, ${report.events.toLocaleString('en-US')} events (one case, every row checked)`,
          value: perSecond(rate),
          detail: `${seconds.toFixed(2)} s`,
          budget: '≥ 100,000 /s',
          pass: rate >= 100_000,
          about: 'verify events/s',
        },
        {
          what: '  memory over baseline while verifying',
          value: bytes(Math.max(0, peakHeap - before.heapUsed)),
          detail: `heap; RSS +${((peakRss - before.rss) / 1048576).toFixed(1)} MB`,
        },
      ],
      notes: [
        `verify case of ${report.events.toLocaleString('en-US')} events built in ${loaded.toFixed(1)} s (API + bulk SQL)`,
      ],
    };
  } finally {
    await store.close();
  }
}

/** A case of `events` chain events with every evidence row committed, as the kernel writes them. */
export async function verifyCase(engine: Engine, events: number): Promise<{ store: Store; loaded: number }> {
  const store = await engine.openStore(`verify_${events}`);
  try {
    const firm = await openFirm(store);
    const caseId = firm.caseId;
    const head = await store.raw.rows<{ seq: number; hash: string }>(
      'select seq, hash from case_events where case_id = ? order by seq desc limit 1',
      [caseId],
    );
    let seq = Number(head[0].seq);
    let prevHash = head[0].hash ?? GENESIS_HASH;
    const loading = performance.now();
    // Rows by table, as objects of one shape each: their keys are the columns inserted.
    const pending: Record<string, Record<string, unknown>[]> = {};
    const add = (table: string, row: Record<string, unknown>) => (pending[table] ??= []).push(row);
    const flush = async () => {
      for (const [table, rows] of Object.entries(pending))
        await store.raw.insertRows(table, Object.keys(rows[0]), rows.map(Object.values));
      for (const table of Object.keys(pending)) delete pending[table];
    };
    const append = (actorId: string, type: string, payload: object, when: string) => {
      seq++;
      const unhashed = { caseId, seq, at: when, actorId, type, payload: canonicalJson(payload), prevHash };
      const hash = sha256Hex(eventHashInput(unhashed));
      add('case_events', {
        case_id: caseId,
        seq,
        at: when,
        actor_id: actorId,
        type,
        payload: unhashed.payload,
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
      return seq;
    };
    for (let i = 0; seq - Number(head[0].seq) < events; i++) {
      const when = at(i * 2);
      const id = randomUUID();
      const versionId = randomUUID();
      const content: StoredUpdateContent = {
        title: `案件进展 ${i + 1}`,
        body: UPDATE_BODY,
        nextSteps: null,
        risks: null,
        stage: null,
      };
      const canonical = canonicalJson(
        updateEvidence(content, { caseId, updateId: id, versionNo: 1, stage: null, reason: null }),
      );
      const contentHash = sha256Hex(canonical);
      const record = {
        id,
        case_id: caseId,
        kind: 'update',
        created_by: firm.lawyerId,
        created_at: when,
        current_version_id: versionId,
        current_version_no: 1,
        current_version_at: when,
      };
      const version = {
        id: versionId,
        record_id: id,
        version_no: 1,
        title: content.title,
        excerpt: updateExcerpt(content.body),
        content: JSON.stringify(content),
        canonical,
        content_hash: contentHash,
        note: null,
        promise_warnings: '[]',
        author_id: firm.lawyerId,
        author_name: firm.lawyerName,
        author_role: 'lawyer',
        published_at: when,
      };
      const published = append(
        firm.lawyerId,
        'update.published',
        {
          updateId: id,
          versionId,
          versionNo: 1,
          contentHash,
          authorName: firm.lawyerName,
          authorRole: 'lawyer',
          promiseWarnings: [],
          commits: [commitRow('records', record), commitRow('record_versions', version)],
        },
        when,
      );
      add('records', record);
      add('record_versions', { ...version, event_seq: published });
      const readAt = at(i * 2 + 1);
      const view = {
        version_id: versionId,
        user_id: firm.clientId,
        record_id: id,
        role: 'client',
        viewed_at: readAt,
        request_id: `bench-${i}`,
        client_info: null,
        source_ip: '10.0.0.7',
      };
      const read = append(
        firm.clientId,
        'update.read',
        {
          updateId: id,
          versionId,
          versionNo: 1,
          contentHash,
          client: null,
          sourceIp: '10.0.0.7',
          commits: [commitRow('record_views', view)],
        },
        readAt,
      );
      add('record_views', { ...view, event_seq: read });
      if (pending.case_events.length >= BATCH) await flush();
    }
    await flush();
    return { store, loaded: (performance.now() - loading) / 1000 };
  } catch (error) {
    await store.close();
    throw error;
  }
}
