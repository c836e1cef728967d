import { sql } from 'kysely';
import { ACTION_NAMES } from '../../contract/index';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildFirm, ROLES, type FuzzFirm } from '../fuzz/firm';
import { formatReport, runFuzz, type FuzzResult } from '../fuzz/run';
import { COMPARED_TABLES, TABLES, installWriteCounter, movedTables } from '../fuzz/snapshot';

/**
 * A fixed-seed sample of `npm run fuzz` (scripts/fuzz.ts): every action, as every role, with inputs from its
 * schema and beyond it. PostgreSQL compares a full snapshot on every call, so it runs a smaller sample.
 */
const RUNS = Number(process.env.FUZZ_TEST_RUNS ?? 0) || (process.env.CASETRAIL_TEST_PG_URL ? 21 : 150);
const SEED = 1129;

jest.setTimeout(420_000);

let h: Harness;
let firm: FuzzFirm;
let result: FuzzResult;

beforeAll(async () => {
  h = await openHarness();
  firm = await buildFirm(h.db);
  result = await runFuzz(firm, { runs: RUNS, seed: SEED, engine: h.engine, maxFindings: 20, audited: 8 });
});
afterAll(() => h.close());

describe('fuzzing every action from the contract', () => {
  test('every answer is a success or a typed error, never INTERNAL, and a refusal changes nothing', () => {
    const findings = result.findings.map((f) => `${f.action} as ${f.role}: ${f.problem}\n    ${f.input}`);
    expect(findings).toEqual([]);
    expect(firm.logged).toEqual([]);
  });

  test('every action got its inputs, spread over every role', () => {
    expect(result.reports.map((r) => r.action).sort()).toEqual([...ACTION_NAMES].sort());
    for (const r of result.reports) expect(r.tried).toBe(RUNS);
    expect(RUNS).toBeGreaterThanOrEqual(ROLES.length * 3);
  });

  test('the inputs reach past validation: each action answers something other than a refused payload', () => {
    const stoppedAtTheDoor = result.reports
      .filter(
        (r) =>
          r.ok +
            Object.entries(r.codes)
              .filter(([c]) => !['INVALID_ARGUMENT', 'UNAUTHENTICATED', 'UNKNOWN_ACTION'].includes(c))
              .reduce((n, [, k]) => n + k, 0) ===
          0,
      )
      .map((r) => r.action);
    // A small sample (PostgreSQL's) may, by chance, refuse every input of an action at the door.
    if (RUNS >= 100) expect(stoppedAtTheDoor).toEqual([]);
    else expect(stoppedAtTheDoor.length).toBeLessThanOrEqual(Math.floor(ACTION_NAMES.length / 10));
    // And some succeed outright (reads of the seeded case as its members, at least).
    expect(result.reports.reduce((n, r) => n + r.ok, 0)).toBeGreaterThan(ACTION_NAMES.length);
  });

  test('the report prints a line per action and the totals', () => {
    const lines = formatReport(result);
    expect(lines).toHaveLength(ACTION_NAMES.length + 1);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^${ACTION_NAMES.length} actions, ${ACTION_NAMES.length * RUNS} inputs`),
    );
  });
});

describe('the change detector can see a change', () => {
  test('the table list names every table of the database', async () => {
    const names =
      h.engine === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
              h.db,
            )
          ).rows.map((r) => r.name)
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(
              h.db,
            )
          ).rows.map((r) => r.name);
    expect(names.filter((n) => !(n in TABLES)).sort()).toEqual([]);
    expect(COMPARED_TABLES.length).toBeGreaterThan(20);
  });

  test('a committed write moves the counters; a rolled-back one does not', async () => {
    if (h.engine !== 'sqlite') return; // PostgreSQL compares snapshots (checked by the fuzz run itself)
    const counter = await installWriteCounter(h.db, 'sqlite');
    const before = (await counter.read())!;
    await h.db
      .transaction()
      .execute(async (tx) => {
        await tx
          .updateTable('users')
          .set({ display_name: '改过的名字' })
          .where('subject', '=', 'dev:client')
          .execute();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(movedTables(before, (await counter.read())!)).toEqual([]);
    await h.db.updateTable('cases').set({ title: '改过的标题' }).where('id', '=', firm.otherCaseId).execute();
    expect(movedTables(before, (await counter.read())!)).toEqual(['cases']);
  });
});
