import { MAX_ISSUES } from '../../server/core/input-bounds';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { publishMemo, sampleMemo } from '../fixtures/memos';
import { publishStatement } from '../fixtures/statements';

/** The answer's size in bytes as JSON (what the HTTP entry sends before compression). */
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
/**
 * The bounded work is asserted by the answer's bytes and issue counts (the uncapped answer was 7–9 MB); the time
 * limit only catches a hang, generous because the machine is shared (uncapped took 1–2 s unloaded, capped ~10 ms).
 */
const TIME_BUDGET_MS = 5000;
const BYTE_BUDGET = 16 * 1024;

let h: Harness;
let firm: Firm;
let statementId: string;
let memoId: string;

beforeAll(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
  statementId = (await publishStatement(h, firm.lawyer, firm.caseId)).id;
  memoId = (await publishMemo(h, firm.lawyer, firm.caseId)).id;
});
afterAll(() => h.close());

async function refusedSmallAndQuick(subject: string, envelope: Record<string, unknown>) {
  const before = await h.counts();
  const started = performance.now();
  const res = await h.send(subject, { requestId: 'req-caps-0001', ...envelope });
  const elapsed = performance.now() - started;
  expect(res.ok).toBe(false);
  if (res.ok) return res;
  expect(res.error.code).toBe('INVALID_ARGUMENT');
  expect(bytes(res)).toBeLessThan(BYTE_BUDGET);
  expect(elapsed).toBeLessThan(TIME_BUDGET_MS);
  expect(await h.counts()).toEqual(before);
  return res;
}

const manyIds = (n: number, length = 12) =>
  Array.from({ length: n }, (_, i) => `bad id ${i}`.padEnd(length, '!'));

describe('validation answers are capped and oversized input is refused early', () => {
  test('100,000 bad item ids in an acknowledgment: one issue, small and quick', async () => {
    const res = await refusedSmallAndQuick(firm.client, {
      action: 'statement.acknowledge',
      payload: { statementId, versionNo: 1, itemIds: manyIds(100_000, 70) },
    });
    if (!res.ok) expect(res.error.issues).toEqual([{ path: 'itemIds', message: expect.any(String) }]);
  });

  test('100,000 bad dispute ids in a memo correction (the 200 KB request of the finding)', async () => {
    const payload = { memoId, memo: sampleMemo, reason: '更正', resolves: manyIds(100_000, 1) };
    expect(bytes(payload)).toBeGreaterThan(200_000);
    const res = await refusedSmallAndQuick(firm.lawyer, { action: 'memo.correct', payload });
    if (!res.ok) expect(res.error.issues).toHaveLength(1);
  });

  test('a map with 100,000 keys and an object with 100,000 unknown keys', async () => {
    const huge = Object.fromEntries(manyIds(100_000).map((k) => [k, 'accept']));
    await refusedSmallAndQuick(firm.client, { action: 'notification.subscribe', payload: { results: huge } });
    await refusedSmallAndQuick(firm.lawyer, {
      action: 'case.get',
      payload: { caseId: firm.caseId, ...huge },
    });
  });

  test('a 5 MB string in a text field is refused before it is normalized', async () => {
    const res = await refusedSmallAndQuick(firm.client, {
      action: 'request.create',
      payload: { caseId: firm.caseId, category: 'consult', body: '长'.repeat(5_000_000) },
    });
    if (!res.ok) expect(res.error.issues).toEqual([{ path: 'body', message: '不能超过 2000 个字' }]);
  });

  test('more than MAX_ISSUES issues: the first ones and a count of the rest', async () => {
    const bad = Array.from({ length: 20 }, () => ({ text: '', basis: 7 }));
    const res = await refusedSmallAndQuick(firm.lawyer, {
      action: 'statement.saveDraft',
      payload: {
        statementId,
        content: {
          title: '',
          intro: 3,
          sections: { worstCase: bad, weWill: bad, weCannot: bad, youMust: bad },
        },
      },
    });
    if (res.ok) return;
    const issues = res.error.issues ?? [];
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    const total = Number(/另有 (\d+) 项问题未列出/.exec(issues[MAX_ISSUES].message)?.[1]);
    // title, intro, and two per item (text empty, basis not text) in four sections of 20.
    expect(total + MAX_ISSUES).toBe(2 + 4 * 20 * 2);
  });

  test('a within-bounds payload still gets every issue zod finds (nothing lost below the cap)', async () => {
    const res = await h.send(firm.lawyer, {
      action: 'case.create',
      requestId: 'req-caps-0002',
      payload: { title: '', caseType: '刑事？', caseNumber: 5, court: null, opposingParty: null },
    });
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.error.issues?.map((i) => i.path).sort()).toEqual(['caseNumber', 'caseType', 'title']);
  });
});
