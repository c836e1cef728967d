import { ERROR_MESSAGES } from '../../contract/errors';
import { openHarness, sampleUpdate, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

describe('the envelope', () => {
  it('rejects an envelope that is not an object, changing nothing', async () => {
    const before = await h.counts();
    for (const envelope of [null, 'case.list', 42, ['case.list']]) {
      const res = await h.send(firm.lawyer, envelope);
      expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }) });
    }
    expect(await h.counts()).toEqual(before);
  });

  it('answers an unknown action with UNKNOWN_ACTION and its Chinese message', async () => {
    const res = await h.send(firm.lawyer, { action: 'case.delete', payload: {}, requestId: 'req-12345678' });
    expect(res).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', message: ERROR_MESSAGES.UNKNOWN_ACTION },
    });
    const proto = await h.send(firm.lawyer, { action: 'toString', payload: {}, requestId: 'req-12345678' });
    expect(proto.ok || proto.error.code).toBe('UNKNOWN_ACTION');
  });

  it('requires a well-formed requestId', async () => {
    for (const requestId of [undefined, '', 'short', 42, 'has spaces in it']) {
      const res = await h.send(firm.lawyer, { action: 'case.list', payload: {}, requestId });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_ARGUMENT');
        expect(res.error.issues?.[0].path).toBe('requestId');
      }
    }
  });

  it('rejects a payload that is not an object', async () => {
    for (const payload of [null, 'x', [], 3]) {
      const res = await h.send(firm.lawyer, { action: 'case.get', payload, requestId: 'req-12345678' });
      expect(res.ok || res.error.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('refuses an unidentified caller before looking at the payload, changing nothing', async () => {
    const before = await h.counts();
    const res = await h.send(null, {
      action: 'update.publish',
      payload: { caseId: firm.caseId, ...sampleUpdate },
      requestId: 'req-12345678',
    });
    expect(res.ok || res.error.code).toBe('UNAUTHENTICATED');
    expect(await h.counts()).toEqual(before);
  });

  it('lists each bad field with a Chinese message', async () => {
    const error = await h.err(firm.lawyer, 'update.publish', { caseId: firm.caseId, title: '', body: 5 });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'title', message: '此项不能为空' },
        { path: 'body', message: '应为文本' },
      ]),
    );
  });

  it('rejects fields the contract does not name', async () => {
    const error = await h.err(firm.lawyer, 'case.get', { caseId: firm.caseId, openid: 'o-someone-else' });
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('idempotency', () => {
  it('gives a replayed requestId the first answer without a second write', async () => {
    const payload = { caseId: firm.caseId, ...sampleUpdate };
    const first = await h.call(firm.lawyer, 'update.publish', payload, 'req-publish-1');
    const after = await h.counts();
    h.advance(60_000);
    const replay = await h.call(firm.lawyer, 'update.publish', payload, 'req-publish-1');
    expect(replay).toEqual(first);
    expect(await h.counts()).toEqual(after);
  });

  it('answers 20 concurrent copies of one request with exactly one write', async () => {
    const payload = { caseId: firm.caseId, ...sampleUpdate };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => h.call(firm.lawyer, 'update.publish', payload, 'req-concurrent')),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await h.counts()).records).toBe(1);
  });

  it('refuses a requestId reused for a different request', async () => {
    await h.call(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate }, 'req-reused-1');
    const before = await h.counts();
    const res = await h.call(
      firm.lawyer,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate, title: '另一条进展' },
      'req-reused-1',
    );
    expect(res.ok || res.error.code).toBe('REQUEST.ID_REUSED');
    expect(await h.counts()).toEqual(before);
  });

  it('keeps requestIds apart per caller', async () => {
    const published = await h.call(
      firm.lawyer,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate },
      'req-shared-01',
    );
    if (!published.ok) throw new Error('publish failed');
    const read = await h.call(
      firm.client,
      'update.markRead',
      { updateId: published.data.id },
      'req-shared-01',
    );
    expect(read.ok).toBe(true);
  });
});
