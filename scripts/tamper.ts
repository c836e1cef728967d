/**
 * `npm run tamper`: tampers with generated cases the way a database owner could, and checks that `verify` finds
 * and names every change (DESIGN §4). Builds a few cases of random shape plus the standard evidence case, then
 * tries a sample of their mutations — single-field edits, deletions, swaps, cuts of the chain's tail after a seal,
 * and edits hidden by re-hashing the chain after a seal — each in a transaction rolled back afterwards.
 * Prints tried and caught per table and per kind; exits 1 when any mutation was missed.
 *
 *   npm run tamper -- [--mutations 2400] [--cases 6] [--seed N] [--all] [--pg]
 * --all tries every mutation of every case. --pg runs on PostgreSQL: CASETRAIL_TEST_PG_URL when set (a schema of
 * its own, dropped afterwards), else a throwaway cluster started and stopped here.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { EVIDENCE_TABLE_NAMES } from '../server/evidence/evidence-tables';
import { openHarness, type TestEngine } from '../tests/fixtures/api-harness';
import { buildEvidenceCase } from '../tests/fixtures/evidence-case';
import {
  MUTATION_KINDS,
  buildShapedCase,
  caseShapeArb,
  describeMiss,
  describeMutations,
  prepareForTampering,
  readCaseSnapshot,
  seededRandom,
  tryMutation,
  type Mutation,
  type MutationKind,
} from '../tests/fixtures/tamper';
import { startThrowawayCluster, type ThrowawayCluster } from './pg-cluster';

/** How a case's sample divides among the kinds. */
const SHARE: Record<MutationKind, number> = { field: 0.4, delete: 0.15, swap: 0.15, cut: 0.1, rehash: 0.2 };

interface Tally {
  tried: number;
  caught: number;
}

const begun = performance.now();
const seconds = () => ((performance.now() - begun) / 1000).toFixed(1);
const progress = (message: string) => console.error(`… ${seconds().padStart(5)} s  ${message}`);

function options() {
  const { values } = parseArgs({
    options: {
      mutations: { type: 'string', default: '2400' },
      cases: { type: 'string', default: '6' },
      seed: { type: 'string' },
      all: { type: 'boolean', default: false },
      pg: { type: 'boolean', default: false },
    },
  });
  return {
    mutations: Number(values.mutations),
    cases: Number(values.cases),
    seed: values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed),
    all: values.all ?? false,
    engine: (values.pg ? 'postgres' : 'sqlite') as TestEngine,
  };
}

/** `quota` mutations of the list, without repeats, in a seeded order. */
function sample(list: Mutation[], quota: number, random: () => number): Mutation[] {
  const order = list.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, quota).map((i) => list[i]);
}

async function run(engine: TestEngine, o: ReturnType<typeof options>): Promise<number> {
  const h = await openHarness({ engine });
  try {
    progress(`${engine}: building ${o.cases} cases of random shape and the standard evidence case`);
    const caseIds: string[] = [];
    for (const [i, shape] of fc.sample(caseShapeArb, { seed: o.seed, numRuns: o.cases }).entries())
      caseIds.push((await buildShapedCase(h, shape, `-t${i}`)).caseId);
    caseIds.push((await buildEvidenceCase(h, 2, '-standard')).caseId);
    await prepareForTampering(h.db);

    const random = seededRandom(o.seed);
    const byTable = new Map<string, Tally>([...EVIDENCE_TABLE_NAMES, 'case_events'].map((t) => [t, tally()]));
    const byKind = new Map<MutationKind, Tally>(MUTATION_KINDS.map((k) => [k, tally()]));
    const misses: string[] = [];
    const perCase = Math.ceil(o.mutations / caseIds.length);
    for (const caseId of caseIds) {
      const set = describeMutations(await readCaseSnapshot(h.db, caseId), random);
      const chosen = MUTATION_KINDS.flatMap((kind) =>
        o.all ? set[kind] : sample(set[kind], Math.round(perCase * SHARE[kind]), random),
      );
      progress(
        `${engine}: case ${caseIds.indexOf(caseId) + 1} of ${caseIds.length}, ${chosen.length} mutations`,
      );
      for (const m of chosen) {
        const result = await tryMutation(h.db, caseId, m);
        for (const t of [byTable.get(m.table), byKind.get(m.kind)])
          if (t) {
            t.tried++;
            if (result.caught) t.caught++;
          }
        if (!result.caught) misses.push(describeMiss(m, result));
      }
    }
    print(engine, o.seed, byTable, byKind);
    for (const miss of misses.slice(0, 20)) console.log(`MISSED ${miss}`);
    if (misses.length > 20) console.log(`… and ${misses.length - 20} more`);
    return misses.length;
  } finally {
    await h.close();
  }
}

const tally = (): Tally => ({ tried: 0, caught: 0 });

function print(
  engine: TestEngine,
  seed: number,
  byTable: Map<string, Tally>,
  byKind: Map<MutationKind, Tally>,
) {
  const line = (name: string, t: Tally) =>
    `${name.padEnd(18)} ${String(t.tried).padStart(7)} ${String(t.caught).padStart(7)}${t.caught < t.tried ? '  ← missed' : ''}`;
  const total = [...byTable.values()].reduce(
    (a, t) => ({ tried: a.tried + t.tried, caught: a.caught + t.caught }),
    tally(),
  );
  console.log(`\nTamper run on ${engine} (seed ${seed})\n`);
  console.log(`${'table'.padEnd(18)} ${'tried'.padStart(7)} ${'caught'.padStart(7)}`);
  for (const [name, t] of byTable) console.log(line(name, t));
  console.log(line('total', total));
  console.log(`\n${'kind'.padEnd(18)} ${'tried'.padStart(7)} ${'caught'.padStart(7)}`);
  for (const [name, t] of byKind) console.log(line(name, t));
  console.log(`\nelapsed ${seconds()} s`);
}

async function main(): Promise<number> {
  const o = options();
  if (o.engine === 'sqlite') return run('sqlite', o);
  let cluster: ThrowawayCluster | null = null;
  try {
    if (!process.env.CASETRAIL_TEST_PG_URL) {
      cluster = await startThrowawayCluster();
      process.env.CASETRAIL_TEST_PG_URL = cluster.url;
    }
    return await run('postgres', o);
  } finally {
    await cluster?.stop();
  }
}

main().then(
  (missed) => process.exit(missed ? 1 : 0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
