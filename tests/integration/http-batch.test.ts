import type { FastifyInstance } from 'fastify';
import { BATCH_MAX, buildHttpServer } from '../../server/http/app';
import { createSession } from '../../server/http/sessions.store';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

/** POST /api/batch: the first screen's reads in one request (what the H5 boot script sends ahead). */

let h: Harness;
let firm: Firm;
let server: FastifyInstance;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
  server = await buildHttpServer({ app: h.app, devLogin: false, clock: h.now });
});
afterEach(() => h.close());

async function tokenOf(subject: string): Promise<string> {
  const user = await h.db
    .selectFrom('users')
    .select('id')
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return (await createSession(h.db, user.id, h.now())).token;
}

let n = 0;
const envelope = (action: string, payload: object) => ({
  action,
  payload,
  requestId: `req-batch-${String(++n).padStart(4, '0')}`,
});

function post(url: string, token: string | null, body: unknown) {
  return server.inject({
    method: 'POST',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body as object,
  });
}

describe('POST /api/batch', () => {
  it('answers each read, in order, exactly as /api answers it alone', async () => {
    const token = await tokenOf(firm.client);
    const reads = [
      envelope('case.get', { caseId: firm.caseId }),
      envelope('case.timeline', { caseId: firm.caseId, limit: 20 }),
      envelope('statement.list', { caseId: firm.caseId }),
      envelope('memo.list', { caseId: firm.caseId, cursor: null }),
      envelope('notification.settings', {}),
    ];
    const res = await post('/api/batch', token, { requests: reads });
    expect(res.statusCode).toBe(200);
    // It holds a case's content: never cached, nothing may load from it.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    const { ok, data } = res.json() as { ok: boolean; data: { answers: unknown[] } };
    expect(ok).toBe(true);
    expect(data.answers).toHaveLength(reads.length);
    for (const [i, read] of reads.entries()) {
      const alone = (await post('/api', token, { ...read, requestId: `${read.requestId}-alone` })).json();
      expect(data.answers[i]).toEqual(alone);
      expect(alone).toMatchObject({ ok: true });
    }
  });

  it('authorizes every read on its own: another case is NOT_FOUND, no token is UNAUTHENTICATED', async () => {
    const other = await setUpFirm(h, '-b');
    const token = await tokenOf(firm.client);
    const mixed = await post('/api/batch', token, {
      requests: [
        envelope('case.get', { caseId: other.caseId }),
        envelope('case.get', { caseId: firm.caseId }),
      ],
    });
    const [refused, allowed] = (
      mixed.json() as { data: { answers: { ok: boolean; error?: { code: string } }[] } }
    ).data.answers;
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(allowed).toMatchObject({ ok: true });

    const signedOut = await post('/api/batch', null, { requests: [envelope('case.list', {})] });
    expect(signedOut.json()).toMatchObject({
      ok: true,
      data: { answers: [{ ok: false, error: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('refuses a write inside a batch and stores nothing, while the reads beside it are answered', async () => {
    const token = await tokenOf(firm.lawyer);
    const before = await h.db
      .selectFrom('cases')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post('/api/batch', token, {
      requests: [
        envelope('case.create', { title: '批量里混进来的写入', caseType: '民事' }),
        envelope('case.list', {}),
      ],
    });
    const [write, read] = (res.json() as { data: { answers: { ok: boolean; error?: { code: string } }[] } })
      .data.answers;
    expect(write).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(read).toMatchObject({ ok: true });
    const after = await h.db
      .selectFrom('cases')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses an empty, oversized or malformed batch with HTTP 400 and the contract error shape', async () => {
    const token = await tokenOf(firm.client);
    const tooMany = Array.from({ length: BATCH_MAX + 1 }, () => envelope('case.list', {}));
    for (const body of [
      { requests: [] },
      { requests: tooMany },
      { requests: 'case.list' },
      [],
      { requests: [], x: 1 },
    ]) {
      const res = await post('/api/batch', token, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.any(String) },
      });
    }
    // A broken envelope inside a well-formed batch is refused as /api refuses it, alone.
    const res = await post('/api/batch', token, { requests: [{ action: 'case.list' }] });
    expect(res.json()).toMatchObject({
      ok: true,
      data: { answers: [{ ok: false, error: { code: 'INVALID_ARGUMENT' } }] },
    });
  });
});
