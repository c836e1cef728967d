import type { FastifyInstance } from 'fastify';
import { buildHttpServer } from '../../server/http/app';
import { canonicalJson, sha256Hex } from '../../server/platform/crypto';
import { updateEvidence } from '../../server/updates/updates.rules';
import {
  enrollLawyer,
  openCaseWithClient,
  openHarness,
  sampleUpdate,
  setUpFirm,
  type Firm,
  type Harness,
} from '../fixtures/api-harness';
import { sampleStatement } from '../fixtures/statements';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** Sends a payload that fails validation and checks that one issue names `path` and nothing was written. */
async function expectFieldRefused(
  subject: string,
  action: Parameters<Harness['err']>[1],
  payload: unknown,
  path: string,
  codePointLabel: string,
) {
  const before = await h.counts();
  const error = await h.err(subject, action, payload);
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.issues).toEqual([{ path, message: expect.stringContaining(codePointLabel) }]);
  expect(error.issues?.[0].message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await h.counts()).toEqual(before);
}

describe('unsafe characters in text fields (through the API)', () => {
  let firm: Firm;
  beforeEach(async () => {
    firm = await setUpFirm(h);
  });

  it('refuses an update title containing a right-to-left override, naming the field', async () => {
    await expectFieldRefused(
      firm.lawyer,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate, title: '「abc\u202eexe.」' },
      'title',
      'U+202E',
    );
  });

  it('refuses an update body containing a lone surrogate', async () => {
    for (const body of ['起诉材料\ud800已提交', '起诉材料\udc00', '\ude00\ud83d']) {
      await expectFieldRefused(
        firm.lawyer,
        'update.publish',
        { caseId: firm.caseId, ...sampleUpdate, body },
        'body',
        'U+D',
      );
    }
  });

  it('refuses NUL in a statement item text, naming the item', async () => {
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    const content = {
      ...sampleStatement,
      sections: { ...sampleStatement.sections, weWill: [{ text: '我们会\u0000提交证据。' }] },
    };
    await expectFieldRefused(
      firm.lawyer,
      'statement.saveDraft',
      { statementId: draft.id, content },
      'content.sections.weWill.0.text',
      'U+0000',
    );
  });

  it('refuses a bidi isolate or mark in a case title', async () => {
    const caseInput = { caseType: '民事', caseNumber: null, court: null, opposingParty: null };
    for (const [title, label] of [
      ['借款\u2067纠纷', 'U+2067'],
      ['借款纠纷\u200f', 'U+200F'],
    ]) {
      await expectFieldRefused(firm.lawyer, 'case.create', { ...caseInput, title }, 'title', label);
    }
  });

  it('refuses NUL or a bidi control in an invite code before the code rules see it', async () => {
    await expectFieldRefused(firm.client, 'invite.redeem', { code: 'ABCD\u0000EFGH' }, 'code', 'U+0000');
    await expectFieldRefused(firm.client, 'invite.redeem', { code: '\u202eABCD-EFGH' }, 'code', 'U+202E');
  });

  it('stores and hashes the NFC form: composed and decomposed titles are the same stored text', async () => {
    const nfd = 'Cafe\u0301 账单已核对';
    const nfc = 'Café 账单已核对';
    expect(nfd).not.toBe(nfc);
    const fromNfd = await h.ok(firm.lawyer, 'update.publish', {
      caseId: firm.caseId,
      ...sampleUpdate,
      title: nfd,
    });
    const fromNfc = await h.ok(firm.lawyer, 'update.publish', {
      caseId: firm.caseId,
      ...sampleUpdate,
      title: nfc,
    });

    const readNfd = await h.ok(firm.client, 'update.get', { updateId: fromNfd.id });
    const readNfc = await h.ok(firm.client, 'update.get', { updateId: fromNfc.id });
    expect(readNfd.versions[0].title).toBe(nfc);
    expect(readNfc.versions[0].title).toBe(nfc);

    const version = readNfd.versions[0];
    const expectedHash = sha256Hex(
      canonicalJson(
        updateEvidence(
          {
            title: nfc,
            body: sampleUpdate.body,
            nextSteps: sampleUpdate.nextSteps,
            risks: sampleUpdate.risks,
          },
          { caseId: firm.caseId, updateId: fromNfd.id, versionNo: 1, stage: null, reason: null },
        ),
      ),
    );
    expect(version.contentHash).toBe(expectedHash);
  });

  it('composes every text field, not only titles', async () => {
    const published = await h.ok(firm.lawyer, 'update.publish', {
      caseId: firm.caseId,
      title: '进展',
      body: 'Re\u0301sume\u0301 已提交',
      nextSteps: 'e\u0301',
      risks: null,
    });
    expect(published.versions[0]).toMatchObject({ body: 'Résumé 已提交', nextSteps: 'é' });
  });
});

describe('request bodies over HTTP', () => {
  const LAWYER = 'dev:lawyer';
  let server: FastifyInstance;
  let token: string;
  let caseId: string;

  beforeEach(async () => {
    await enrollLawyer(h, LAWYER);
    caseId = await openCaseWithClient(h, LAWYER, 'wx:o-client');
    server = await buildHttpServer({ app: h.app, devLogin: true, clock: h.now });
    const res = await server.inject({
      method: 'POST',
      url: '/api/dev/login',
      payload: { persona: 'lawyer' },
    });
    expect(res.statusCode).toBe(200);
    token = res.json().token;
  });
  afterEach(() => server.close());

  function post(body: string | Buffer) {
    return server.inject({
      method: 'POST',
      url: '/api',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body,
    });
  }

  /** An update.publish envelope whose title is `titleBytes`, spliced in as raw bytes. */
  function publishWithTitleBytes(titleBytes: Buffer): Buffer {
    const [head, tail] = JSON.stringify({
      action: 'update.publish',
      payload: { caseId, ...sampleUpdate, title: '@@TITLE@@' },
      requestId: 'req-text-safety-0001',
    }).split('@@TITLE@@');
    return Buffer.concat([Buffer.from(head, 'utf8'), titleBytes, Buffer.from(tail, 'utf8')]);
  }

  it('accepts a well-formed UTF-8 body (the strict decoder changes nothing for valid input)', async () => {
    const res = await post(publishWithTitleBytes(Buffer.from('起诉材料已提交 😀 𠀀', 'utf8')));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, data: { versions: [{ title: '起诉材料已提交 😀 𠀀' }] } });
  });

  it.each([
    ['a stray 0xFF byte', Buffer.from([0x61, 0xff, 0x62])],
    ['a truncated three-byte sequence', Buffer.from([0xe6, 0xa1])],
    ['an overlong encoding of "/"', Buffer.from([0xc0, 0xaf])],
    ['an encoded surrogate (CESU-8)', Buffer.from([0xed, 0xa0, 0x80])],
    ['GBK bytes', Buffer.from([0xb0, 0xb8, 0xbc, 0xfe])],
  ])('refuses %s with 400, the envelope and no stack trace, and writes nothing', async (_name, bytes) => {
    const before = await h.counts();
    const res = await post(publishWithTitleBytes(bytes));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: expect.any(String),
        issues: [{ path: '', message: '请求内容不是有效的 UTF-8 编码' }],
      },
    });
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.body).not.toContain('\ufffd');
    expect(await h.counts()).toEqual(before);
  });

  it('leaves a lone surrogate escape ("\\ud800") to the field check, which names the field', async () => {
    const before = await h.counts();
    const res = await post(publishWithTitleBytes(Buffer.from('abc\\ud800', 'utf8')));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.issues).toEqual([{ path: 'title', message: expect.stringContaining('U+D800') }]);
    expect(await h.counts()).toEqual(before);
  });

  it('refuses a U+202E title sent over HTTP, naming the field', async () => {
    const res = await post(publishWithTitleBytes(Buffer.from('abc\u202eexe', 'utf8')));
    expect(res.json().error.issues).toEqual([{ path: 'title', message: expect.stringContaining('U+202E') }]);
  });

  it('keeps refusing malformed JSON, prototype poisoning and an oversized body with the contract shape', async () => {
    const malformed = await post('{"action": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.any(String) },
    });

    const poisoned = await post(
      '{"action":"case.list","payload":{},"requestId":"req-0000001","__proto__":{"x":1}}',
    );
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().error.code).toBe('INVALID_ARGUMENT');

    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('INVALID_ARGUMENT');

    const huge = await post(publishWithTitleBytes(Buffer.alloc(257 * 1024, 0x61)));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.any(String) },
    });
    expect(huge.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
