import fc from 'fast-check';
import { verifyCase, verifyDatabase } from '../../server/evidence/verify';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildEvidenceCase } from '../fixtures/evidence-case';
import {
  buildShapedCase,
  caseShapeArb,
  describeMiss,
  describeMutations,
  prepareForTampering,
  readCaseSnapshot,
  seededRandom,
  tryMutation,
  type CaseShape,
  type CaseSnapshot,
  type Mutation,
  type MutationKind,
  type MutationSet,
} from '../fixtures/tamper';

/** TAMPER_SEED repeats a run: the same case shapes and the same picks. */
const SEED = Number(process.env.TAMPER_SEED ?? Date.now() % 2 ** 31);
const CASES = 3;
const RUNS: Record<MutationKind, number> = { field: 150, delete: 50, swap: 50, cut: 20, rehash: 60 };

let h: Harness;
let generated: { shape: CaseShape; snapshot: CaseSnapshot; mutations: MutationSet }[];
let small: CaseSnapshot;

beforeAll(async () => {
  h = await openHarness();
  const shapes = fc.sample(caseShapeArb, { seed: SEED, numRuns: CASES });
  generated = [];
  for (const [i, shape] of shapes.entries()) {
    const c = await buildShapedCase(h, shape, `-g${i}`);
    const snapshot = await readCaseSnapshot(h.db, c.caseId);
    // One-character changes replace a character at a seeded place of each value.
    generated.push({ shape, snapshot, mutations: describeMutations(snapshot, seededRandom(SEED + i)) });
  }
  small = await readCaseSnapshot(h.db, (await buildEvidenceCase(h, 1, '-small')).caseId);
  await prepareForTampering(h.db);
}, 60_000);
afterAll(() => h.close());

async function expectCaught(caseId: string, m: Mutation, shape: CaseShape): Promise<void> {
  const result = await tryMutation(h.db, caseId, m);
  if (!result.caught)
    throw new Error(`${describeMiss(m, result)}\nin a case of shape ${JSON.stringify(shape)}`);
}

describe(`tampering with generated cases (TAMPER_SEED=${SEED})`, () => {
  it('passes every untouched generated case with no findings', async () => {
    for (const { snapshot } of [...generated, { snapshot: small }])
      expect((await verifyCase(h.db, snapshot.caseId)).findings).toEqual([]);
    expect(await verifyDatabase(h.db)).toMatchObject({ valid: true, findings: [] });
  });

  const kinds: [MutationKind, string][] = [
    ['field', 'finds and names any single-field change of any evidence row or event'],
    ['delete', 'finds and names any deleted row or event'],
    ['swap', 'finds and names two rows swapped, or two events’ payloads'],
    ['cut', 'finds any cut of the chain’s tail once the firm log sealed it'],
    ['rehash', 'finds any edit hidden by re-hashing the chain once the firm log sealed it'],
  ];
  it.each(kinds)('%s: %s', async (kind) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: generated.length - 1 }), fc.nat(), async (which, pick) => {
        const { shape, snapshot, mutations } = generated[which];
        const list = mutations[kind];
        await expectCaught(snapshot.caseId, list[pick % list.length], shape);
      }),
      { seed: SEED, numRuns: RUNS[kind] },
    );
  });
});

describe('every single-field change of a small case', () => {
  it('is found and named, for every row and every column', async () => {
    const mutations = describeMutations(small).field;
    const perTable = new Map<string, { tried: number; caught: number }>();
    const misses: string[] = [];
    for (const m of mutations) {
      const result = await tryMutation(h.db, small.caseId, m);
      const counts = perTable.get(m.table) ?? { tried: 0, caught: 0 };
      counts.tried++;
      if (result.caught) counts.caught++;
      else misses.push(describeMiss(m, result));
      perTable.set(m.table, counts);
    }
    console.log(
      [
        `${mutations.length} single-field changes of one case (${h.engine}):`,
        ...[...perTable].map(
          ([t, c]) => `  ${t.padEnd(18)} ${String(c.tried).padStart(5)} tried ${c.caught} caught`,
        ),
      ].join('\n'),
    );
    expect(misses).toEqual([]);
    expect(perTable.size).toBe(10);
  }, 60_000);
});

describe('misses found by npm run tamper, kept as plain cases', () => {
  it('reports an event whose edited payload holds a commitment without its row, instead of throwing', async () => {
    const committing = await h.db
      .selectFrom('case_events')
      .select(['seq', 'payload'])
      .where('case_id', '=', small.caseId)
      .where('payload', 'like', '%"row":%')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    const trx = await h.db.startTransaction().execute();
    try {
      await trx
        .updateTable('case_events')
        .set({ payload: committing.payload.replace('"row":', '"rox":') })
        .where('case_id', '=', small.caseId)
        .where('seq', '=', committing.seq)
        .execute();
      const report = await verifyCase(trx, small.caseId);
      expect(report.brokenAt).toBe(Number(committing.seq));
    } finally {
      await trx.rollback().execute();
    }
  });
});
