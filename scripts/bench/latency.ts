/**
 * Read latency through `app.handle` (router, zod, Kysely, the engine): p50 of each call, two sizes of the same
 * data compared for flatness, with the SQL queries each call runs.
 */
import type { ActionInput, ActionName } from '../../contract/index';
import { CLIENT, LAWYER } from './api';
import type { Engine } from './engines';
import { lawyerCases, statementCase, statementsCase, type Fixture } from './fixtures';
import { compare, p50, queriesPerCall } from './measure';
import { bytes, ms, queries, ratioRow, type Row } from './report';

interface Side {
  label: string;
  fixture: Fixture;
  call: () => Promise<unknown>;
}

function side<A extends ActionName>(
  label: string,
  fixture: Fixture,
  subject: string,
  action: A,
  payload: (f: Fixture) => ActionInput<A>,
): Side {
  const input = payload(fixture);
  return { label, fixture, call: () => fixture.firm.call(subject, action, input) };
}

/** Both sides' p50 (sampled alternately) and their ratio against the budget. */
async function flatness(what: string, small: Side, large: Side, limit: number): Promise<Row[]> {
  const [ts, tl] = await compare(small.call, large.call);
  const qs = await queriesPerCall(small.fixture.store.queries, small.call);
  const ql = await queriesPerCall(large.fixture.store.queries, large.call);
  return [
    { what: `${what}, ${small.label}`, value: ms(ts.p50), detail: queries(qs) },
    { what: `${what}, ${large.label}`, value: ms(tl.p50), detail: queries(ql) },
    ratioRow(
      `  ${large.label} ÷ ${small.label}`,
      tl.p50 / ts.p50,
      limit,
      `${what}, ${large.label} ÷ ${small.label}`,
    ),
  ];
}

/** Items 1, 2, 5: the client's case list and case page, and the timeline page, at 100 vs 100k updates. */
export async function updatesFlatness(small: Fixture, large: Fixture): Promise<Row[]> {
  const pair = <A extends ActionName>(subject: string, action: A, payload: (f: Fixture) => ActionInput<A>) =>
    [
      side('100 updates', small, subject, action, payload),
      side('100k updates', large, subject, action, payload),
    ] as const;
  return [
    ...(await flatness('client case.list', ...pair(CLIENT, 'case.list', () => ({})), 1.2)),
    ...(await flatness(
      'client case.get',
      ...pair(CLIENT, 'case.get', (f) => ({ caseId: f.firm.caseId })),
      1.2,
    )),
    ...(await flatness(
      'client timeline page of 20',
      ...pair(CLIENT, 'case.timeline', (f) => ({ caseId: f.firm.caseId, limit: 20 })),
      1.2,
    )),
    ...(await flatness(
      'lawyer timeline page of 20 (read counts)',
      ...pair(LAWYER, 'case.timeline', (f) => ({ caseId: f.firm.caseId, limit: 20 })),
      1.2,
    )),
  ];
}

/** Item 3: the lawyer's statement page at 1 vs 500 clients, and the statement list of 20 statements × 10 clients. */
export async function statementFigures(engine: Engine): Promise<Row[]> {
  const one = await statementCase(engine, 1);
  const many = await statementCase(engine, 500);
  const get = (label: string, f: typeof one) =>
    side(label, f, LAWYER, 'statement.get', () => ({ statementId: f.statement.recordId }));
  const rows = await flatness('lawyer statement.get', get('1 client', one), get('500 clients', many), 3);
  await Promise.all([one.store.close(), many.store.close()]);

  const list = await statementsCase(engine, 20, 10);
  for (const [who, subject] of [
    ['lawyer', LAWYER],
    ['client', CLIENT],
  ] as const) {
    const call = () => list.firm.call(subject, 'statement.list', { caseId: list.firm.caseId });
    const t = await p50(call);
    const n = await queriesPerCall(list.store.queries, call);
    rows.push({
      what: `${who} statement.list, 20 statements × 10 clients`,
      value: ms(t.p50),
      detail: queries(n),
    });
  }
  await list.store.close();
  return rows;
}

/**
 * Item 4: the lawyer's first page of cases at 10 vs 1,000 cases. The budget compares like with like — a first
 * page of 10 (`limit: 10`) from 10 cases and from 1,000 — because the default page (50) of 10 cases holds only
 * 10: its cost is the page's size, not the list's. The default first page of 1,000 is shown with its size, and
 * the lawyer's case page at 10 vs 1,000 cases too.
 */
export async function caseListFigures(engine: Engine): Promise<Row[]> {
  const few = await lawyerCases(engine, 10);
  const many = await lawyerCases(engine, 1000);
  const firstTen = (label: string, f: Fixture) => side(label, f, LAWYER, 'case.list', () => ({ limit: 10 }));
  const rows = await flatness(
    'lawyer case.list, first page of 10',
    firstTen('10 cases', few),
    firstTen('1,000 cases', many),
    1.2,
  );
  // A case page of a lawyer with many cases: the membership and read-model lookups must not scan them all.
  const casePage = (label: string, f: Fixture) =>
    side(label, f, LAWYER, 'case.get', () => ({ caseId: f.firm.caseId }));
  rows.push(
    ...(await flatness('lawyer case.get', casePage('10 cases', few), casePage('1,000 cases', many), 1.2)),
  );
  for (const [label, f] of [
    ['10 cases (page holds 10)', few],
    ['1,000 cases', many],
  ] as const) {
    const call = () => f.firm.call(LAWYER, 'case.list', {});
    const t = await p50(call);
    const n = await queriesPerCall(f.store.queries, call);
    const page = await call();
    const size = Buffer.byteLength(JSON.stringify({ ok: true, data: page }));
    rows.push({
      what: `lawyer case.list, default first page, ${label}`,
      value: ms(t.p50),
      detail: `${queries(n)}; ${page.cases.length} cases, ${bytes(size)}${
        f === many ? ' — was 251 KB (all 1,000 in one answer)' : ''
      }`,
    });
    if (f === many && (page.cases.length !== 50 || !page.nextCursor))
      throw new Error('the first page of 1,000 cases holds 50 and a cursor');
  }
  await Promise.all([few.store.close(), many.store.close()]);
  return rows;
}
