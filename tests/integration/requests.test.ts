import { REQUEST_LIMITS } from '../../contract/limits';
import { verifyCase } from '../../server/evidence/verify';
import { readCaseEvents } from '../../server/events/event-log.store';
import {
  enrollLawyer,
  openCaseWithClient,
  sampleUpdate,
  setUpFirm,
  openHarness,
  type Firm,
  type Harness,
} from '../fixtures/api-harness';
import { writeRequest } from '../fixtures/requests';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

/** Moves the harness clock forward to an instant (it never goes back). */
function setClock(at: string) {
  const ms = Date.parse(at) - h.now().getTime();
  if (ms < 0) throw new Error(`the clock is already past ${at}`);
  h.advance(ms);
}

const typesOf = async (caseId = firm.caseId) => (await readCaseEvents(h.db, caseId)).map((e) => e.type);

async function expectRejected(subject: string, action: Parameters<Harness['err']>[1], payload: unknown) {
  const before = await h.counts();
  const error = await h.err(subject, action, payload);
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await h.counts()).toEqual(before);
  return error;
}

/** A second client joins the firm's case. */
async function secondClient(subject = 'wx:o-client-2', name = '王先生') {
  const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: name });
  await h.ok(subject, 'invite.redeem', { code: invite.code });
  return subject;
}

describe('a request answered in writing', () => {
  it('declined with a reason: the client sees the refusal and its reason, with receipt and chain', async () => {
    const asked = await writeRequest(h, firm.client, firm.caseId, {
      category: 'consult',
      body: '能否让对方先付一半？',
    });
    expect(asked).toMatchObject({
      caseId: firm.caseId,
      caseTitle: '李女士诉某公司民间借贷纠纷',
      category: 'consult',
      body: '能否让对方先付一半？',
      aboutUpdate: null,
      askedByName: '李女士',
      status: 'open',
      overdue: false,
      answer: null,
    });
    expect(asked.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(asked.chain).toEqual({ seq: expect.any(Number), head: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // The lawyer sees it open, with its promise.
    const [open] = (await h.ok(firm.lawyer, 'request.list', { caseId: firm.caseId })).requests;
    expect(open).toMatchObject({ id: asked.id, status: 'open', promisedBy: asked.promisedBy });

    h.advance(3600_000);
    const declined = await h.ok(firm.lawyer, 'request.answer', {
      requestId: asked.id,
      kind: 'decline',
      text: '付款比例由法院判决决定，我们无法要求对方先行支付。',
    });
    expect(declined.status).toBe('declined');

    const seen = await h.ok(firm.client, 'request.get', { requestId: asked.id });
    expect(seen).toMatchObject({
      id: asked.id,
      status: 'declined',
      overdue: false,
      contentHash: asked.contentHash,
      chain: asked.chain,
      answer: {
        kind: 'decline',
        text: '付款比例由法院判决决定，我们无法要求对方先行支付。',
        dueBy: null,
        answeredByName: '张律师',
        answeredAt: h.now().toISOString(),
        readAt: null,
      },
    });
    expect(seen.answer!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.answer!.chain!.seq).toBeGreaterThan(asked.chain!.seq);

    // The answer is a record of its own whose parent is the request, one version, on the chain.
    const reply = await h.db
      .selectFrom('records')
      .selectAll()
      .where('parent_id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(reply).toMatchObject({ kind: 'reply', case_id: firm.caseId, current_version_no: 1 });
    const events = await readCaseEvents(h.db, firm.caseId);
    const answered = events.find((e) => e.type === 'request.answered')!;
    expect(answered.seq).toBe(seen.answer!.chain!.seq);
    expect(answered.hash).toBe(seen.answer!.chain!.head);
    expect(JSON.parse(answered.payload)).toMatchObject({
      replyId: reply.id,
      requestId: asked.id,
      act: 'decline',
    });

    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });

  it('accepted with a date: the client sees what will be done and by when', async () => {
    const asked = await writeRequest(h, firm.client, firm.caseId);
    const accepted = await h.ok(firm.lawyer, 'request.answer', {
      requestId: asked.id,
      kind: 'accept',
      text: '我们会在下周一前向法院提交调查令申请。',
      dueBy: '2026-03-09',
    });
    expect(accepted).toMatchObject({
      status: 'accepted',
      answer: { kind: 'accept', text: '我们会在下周一前向法院提交调查令申请。', dueBy: '2026-03-09' },
    });
    // Today (Shanghai) is accepted as a due date.
    const sameDay = await writeRequest(h, firm.client, firm.caseId);
    const today = await h.ok(firm.lawyer, 'request.answer', {
      requestId: sameDay.id,
      kind: 'accept',
      text: '今天下班前处理。',
      dueBy: '2026-03-02',
    });
    expect(today.answer?.dueBy).toBe('2026-03-02');
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });

  it('replied to, with the promise guard’s warnings kept on the version and in the event', async () => {
    const asked = await writeRequest(h, firm.client, firm.caseId, { category: 'consult', body: '能赢吗？' });
    const replied = await h.ok(firm.lawyer, 'request.answer', {
      requestId: asked.id,
      kind: 'reply',
      text: '放心，这个案子包赢。',
    });
    expect(replied).toMatchObject({ status: 'answered', answer: { kind: 'reply', dueBy: null } });
    const version = await h.db
      .selectFrom('record_versions as v')
      .innerJoin('records as r', 'r.id', 'v.record_id')
      .select(['v.promise_warnings', 'v.title'])
      .where('r.parent_id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(version.title).toBe('答复');
    const warnings = JSON.parse(version.promise_warnings);
    expect(warnings).toEqual([
      expect.objectContaining({ path: 'text', phrase: '包赢', rule: 'outcome-promise' }),
    ]);
    const event = (await readCaseEvents(h.db, firm.caseId)).find((e) => e.type === 'request.answered')!;
    expect(JSON.parse(event.payload).promiseWarnings).toEqual(warnings);
    // A client's own words are not guarded.
    const created = await h.db
      .selectFrom('record_versions as v')
      .select('v.promise_warnings')
      .where('v.record_id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(created.promise_warnings)).toEqual([]);
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });

  it('records the asker’s first read of the answer once', async () => {
    const asked = await writeRequest(h, firm.client, firm.caseId);
    expect(await expectRejected(firm.client, 'request.markRead', { requestId: asked.id })).toMatchObject({
      code: 'REQUEST.NOT_ANSWERED',
    });
    await h.ok(firm.lawyer, 'request.answer', {
      requestId: asked.id,
      kind: 'reply',
      text: '已收到，正在处理。',
    });
    h.advance(60_000);
    const first = await h.ok(firm.client, 'request.markRead', { requestId: asked.id });
    expect(first.readAt).toBe(h.now().toISOString());
    expect(first.chain).not.toBeNull();
    const firstAt = first.readAt;
    h.advance(60_000);
    const before = await h.counts();
    const again = await h.ok(firm.client, 'request.markRead', { requestId: asked.id });
    expect(again).toEqual({ readAt: firstAt, chain: first.chain });
    expect(await h.counts()).toEqual({ ...before, idempotency: before.idempotency + 1 });
    expect((await typesOf()).filter((t) => t === 'request.answerRead')).toHaveLength(1);
    // The lawyer sees when it was read.
    const lawyerView = await h.ok(firm.lawyer, 'request.get', { requestId: asked.id });
    expect(lawyerView.answer?.readAt).toBe(firstAt);
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });

  it('links a request to a published update of the case', async () => {
    const update = await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    const asked = await writeRequest(h, firm.client, firm.caseId, {
      category: 'material',
      body: '借条原件已拍照，请查收。',
      aboutUpdateId: update.id,
    });
    expect(asked.aboutUpdate).toEqual({ id: update.id, title: sampleUpdate.title });
    const other = await setUpFirm(h, '-other');
    const elsewhere = await h.ok(other.lawyer, 'update.publish', { caseId: other.caseId, ...sampleUpdate });
    for (const aboutUpdateId of [elsewhere.id, asked.id, 'no-such-update-0001']) {
      const error = await expectRejected(firm.client, 'request.create', {
        caseId: firm.caseId,
        category: 'material',
        body: '请查收。',
        aboutUpdateId,
      });
      expect(error).toMatchObject({ code: 'REQUEST.UPDATE_NOT_FOUND', issues: [{ path: 'aboutUpdateId' }] });
    }
  });
});

describe('the reply promise', () => {
  it('promises Monday 18:00 for a request written on Friday night, and flags it overdue after', async () => {
    setClock('2026-11-27T14:00:00.000Z'); // Friday 22:00 in Shanghai
    const asked = await writeRequest(h, firm.client, firm.caseId);
    expect(asked.promisedBy).toBe('2026-11-30T10:00:00.000Z'); // Monday 18:00 in Shanghai
    setClock('2026-11-30T10:00:00.000Z');
    expect((await h.ok(firm.lawyer, 'request.get', { requestId: asked.id })).overdue).toBe(false);
    h.advance(1);
    const late = await h.ok(firm.lawyer, 'request.list', { caseId: firm.caseId });
    expect(late.requests[0]).toMatchObject({ id: asked.id, status: 'open', overdue: true });
    expect((await h.ok(firm.client, 'request.get', { requestId: asked.id })).overdue).toBe(true);
    const answered = await h.ok(firm.lawyer, 'request.answer', {
      requestId: asked.id,
      kind: 'reply',
      text: '抱歉回复晚了，已提交申请。',
    });
    expect(answered).toMatchObject({ status: 'answered', overdue: false, promisedBy: asked.promisedBy });
  });

  it('follows the answering lawyer’s own hours and promise, fixed when the request is written', async () => {
    await h.ok(firm.lawyer, 'profile.update', {
      name: '张律师',
      firm: '示例律师事务所',
      licenseNo: '13101201810000001',
      phone: null,
      officeHours: { days: [1, 2, 3, 4, 5, 6], start: '10:00', end: '16:00' },
      replyPromiseDays: 2,
    });
    setClock('2026-11-27T14:00:00.000Z'); // Friday 22:00: Saturday and Monday are two office days
    const asked = await writeRequest(h, firm.client, firm.caseId);
    expect(asked.promisedBy).toBe('2026-11-30T08:00:00.000Z'); // Monday 16:00
    await h.ok(firm.lawyer, 'profile.update', {
      name: '张律师',
      firm: '示例律师事务所',
      licenseNo: '13101201810000001',
      phone: null,
      replyPromiseDays: null,
    });
    expect((await h.ok(firm.client, 'request.get', { requestId: asked.id })).promisedBy).toBe(
      '2026-11-30T08:00:00.000Z',
    );
    const unpromised = await writeRequest(h, firm.client, firm.caseId);
    expect(unpromised).toMatchObject({ promisedBy: null, overdue: false });
    setClock('2027-06-01T00:00:00.000Z');
    expect((await h.ok(firm.client, 'request.get', { requestId: unpromised.id })).overdue).toBe(false);
  });

  it('still takes the request, without a promise, once the holiday table has run out', async () => {
    setClock('2028-01-03T02:00:00.000Z');
    const asked = await writeRequest(h, firm.client, firm.caseId);
    expect(asked).toMatchObject({ promisedBy: null, status: 'open', overdue: false });
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });
});

describe('who sees which requests', () => {
  it('shows clients their own requests and lawyers all, open first oldest first, then answered newest first', async () => {
    const other = await secondClient();
    const a = await writeRequest(h, firm.client, firm.caseId, { body: '第一个请求' });
    h.advance(1000);
    const b = await writeRequest(h, other, firm.caseId, { body: '第二个请求' });
    h.advance(1000);
    const c = await writeRequest(h, firm.client, firm.caseId, { body: '第三个请求' });
    h.advance(1000);
    const d = await writeRequest(h, firm.client, firm.caseId, { body: '第四个请求' });
    h.advance(1000);
    await h.ok(firm.lawyer, 'request.answer', { requestId: d.id, kind: 'reply', text: '已处理。' });
    h.advance(1000);
    await h.ok(firm.lawyer, 'request.answer', { requestId: a.id, kind: 'reply', text: '已处理。' });

    const ids = async (subject: string) =>
      (await h.ok(subject, 'request.list', { caseId: firm.caseId })).requests.map((r) => r.id);
    expect(await ids(firm.lawyer)).toEqual([b.id, c.id, a.id, d.id]);
    expect(await ids(firm.client)).toEqual([c.id, a.id, d.id]);
    expect(await ids(other)).toEqual([b.id]);

    // Another client's request does not exist for them.
    for (const action of ['request.get', 'request.markRead'] as const) {
      const error = await expectRejected(other, action, { requestId: a.id });
      expect(error.code).toBe('NOT_FOUND');
    }
    expect((await h.ok(firm.lawyer, 'request.get', { requestId: b.id })).askedByName).toBe('王先生');
  });

  it('reads any number of requests in the same number of queries', async () => {
    const list = async () => {
      h.resetQueries();
      await h.ok(firm.lawyer, 'request.list', { caseId: firm.caseId });
      return h.queries();
    };
    const update = await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    const first = await writeRequest(h, firm.client, firm.caseId, { aboutUpdateId: update.id });
    await h.ok(firm.lawyer, 'request.answer', { requestId: first.id, kind: 'reply', text: '好的。' });
    await h.ok(firm.client, 'request.markRead', { requestId: first.id });
    const one = await list();
    for (let i = 0; i < 12; i++) {
      const r = await writeRequest(h, firm.client, firm.caseId, { aboutUpdateId: i % 2 ? update.id : null });
      if (i % 3 === 0) {
        await h.ok(firm.lawyer, 'request.answer', { requestId: r.id, kind: 'decline', text: '无法办理。' });
        await h.ok(firm.client, 'request.markRead', { requestId: r.id });
      }
    }
    expect((await h.ok(firm.lawyer, 'request.list', { caseId: firm.caseId })).requests).toHaveLength(13);
    expect(await list()).toBe(one);
  });
});

describe('exactly one answer per request', () => {
  it('refuses a second answer, and lets only one of two concurrent answers land', async () => {
    const asked = await writeRequest(h, firm.client, firm.caseId);
    await h.ok(firm.lawyer, 'request.answer', { requestId: asked.id, kind: 'reply', text: '已处理。' });
    const error = await expectRejected(firm.lawyer, 'request.answer', {
      requestId: asked.id,
      kind: 'decline',
      text: '改为拒绝。',
    });
    expect(error.code).toBe('REQUEST.ALREADY_ANSWERED');

    const raced = await writeRequest(h, firm.client, firm.caseId);
    const results = await Promise.all([
      h.call(firm.lawyer, 'request.answer', { requestId: raced.id, kind: 'reply', text: '第一份答复。' }),
      h.call(firm.lawyer, 'request.answer', {
        requestId: raced.id,
        kind: 'accept',
        text: '第二份答复。',
        dueBy: '2026-12-01',
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'REQUEST.ALREADY_ANSWERED',
    ]);
    const replies = await h.db.selectFrom('records').select('id').where('parent_id', '=', raced.id).execute();
    expect(replies).toHaveLength(1);
    expect((await typesOf()).filter((t) => t === 'request.answered')).toHaveLength(2);
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });
});

describe('bad input: a typed error, nothing changed', () => {
  let requestId: string;
  beforeEach(async () => {
    requestId = (await writeRequest(h, firm.client, firm.caseId)).id;
  });

  it('refuses a refusal without a reason, and an empty answer', async () => {
    for (const text of ['', '   ']) {
      for (const kind of ['decline', 'reply'] as const) {
        const error = await expectRejected(firm.lawyer, 'request.answer', { requestId, kind, text });
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', issues: [{ path: 'text' }] });
      }
    }
  });

  it('refuses to accept without a date, or with one in the past by the Shanghai date', async () => {
    const noDate = await expectRejected(firm.lawyer, 'request.answer', {
      requestId,
      kind: 'accept',
      text: '我们会处理。',
    });
    expect(noDate).toMatchObject({ code: 'REQUEST.DUE_REQUIRED', issues: [{ path: 'dueBy' }] });
    setClock('2026-11-27T17:00:00.000Z'); // already 2026-11-28 01:00 in Shanghai
    const past = await expectRejected(firm.lawyer, 'request.answer', {
      requestId,
      kind: 'accept',
      text: '我们会处理。',
      dueBy: '2026-11-27',
    });
    expect(past).toMatchObject({ code: 'DATE.IN_PAST', issues: [{ path: 'dueBy' }] });
    const invalid = await expectRejected(firm.lawyer, 'request.answer', {
      requestId,
      kind: 'accept',
      text: '我们会处理。',
      dueBy: '2026-02-30',
    });
    expect(invalid.code).toBe('INVALID_ARGUMENT');
    await h.ok(firm.lawyer, 'request.answer', {
      requestId,
      kind: 'accept',
      text: '我们会处理。',
      dueBy: '2026-11-28',
    });
  });

  it('refuses a date on a reply or a refusal', async () => {
    for (const kind of ['reply', 'decline'] as const) {
      const error = await expectRejected(firm.lawyer, 'request.answer', {
        requestId,
        kind,
        text: '说明。',
        dueBy: '2026-12-31',
      });
      expect(error).toMatchObject({ code: 'REQUEST.DUE_NOT_ALLOWED', issues: [{ path: 'dueBy' }] });
    }
  });

  it('refuses a lawyer writing a request and a client answering one', async () => {
    const lawyerWrites = await expectRejected(firm.lawyer, 'request.create', {
      caseId: firm.caseId,
      category: 'other',
      body: '律师代客户提出的请求',
    });
    expect(lawyerWrites.code).toBe('FORBIDDEN');
    const clientAnswers = await expectRejected(firm.client, 'request.answer', {
      requestId,
      kind: 'reply',
      text: '我自己回答',
    });
    expect(clientAnswers.code).toBe('FORBIDDEN');
  });

  it('refuses a request on a case the client is not a member of, and hides the case', async () => {
    const other = await setUpFirm(h, '-other');
    const error = await expectRejected(other.client, 'request.create', {
      caseId: firm.caseId,
      category: 'consult',
      body: '我想问问这个案子。',
    });
    expect(error.code).toBe('NOT_FOUND');
    for (const action of ['request.get', 'request.markRead'] as const) {
      expect((await expectRejected(other.client, action, { requestId })).code).toBe('NOT_FOUND');
    }
    expect((await expectRejected(other.client, 'request.list', { caseId: firm.caseId })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await expectRejected(other.lawyer, 'request.answer', { requestId, kind: 'reply', text: '答复' })).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses oversized text, a missing body and an unknown category', async () => {
    const body = await expectRejected(firm.client, 'request.create', {
      caseId: firm.caseId,
      category: 'consult',
      body: '问'.repeat(REQUEST_LIMITS.body + 1),
    });
    expect(body).toMatchObject({
      code: 'INVALID_ARGUMENT',
      issues: [{ path: 'body', message: `不能超过 ${REQUEST_LIMITS.body} 个字` }],
    });
    const answer = await expectRejected(firm.lawyer, 'request.answer', {
      requestId,
      kind: 'reply',
      text: '答'.repeat(REQUEST_LIMITS.answer + 1),
    });
    expect(answer).toMatchObject({ code: 'INVALID_ARGUMENT', issues: [{ path: 'text' }] });
    for (const payload of [
      { caseId: firm.caseId, category: 'consult', body: ' ' },
      { caseId: firm.caseId, category: 'complaint', body: '投诉' },
      { caseId: firm.caseId, body: '没有类别' },
    ]) {
      expect((await expectRejected(firm.client, 'request.create', payload)).code).toBe('INVALID_ARGUMENT');
    }
    expect(
      (await expectRejected(firm.lawyer, 'request.answer', { requestId, kind: 'maybe', text: '也许' })).code,
    ).toBe('INVALID_ARGUMENT');
    // At the limit it is taken.
    await writeRequest(h, firm.client, firm.caseId, { body: '问'.repeat(REQUEST_LIMITS.body) });
  });

  it('answers NOT_FOUND for a request id that names no request', async () => {
    const update = await h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate });
    for (const id of ['no-such-request-01', update.id]) {
      expect((await expectRejected(firm.lawyer, 'request.get', { requestId: id })).code).toBe('NOT_FOUND');
    }
  });
});

describe('a client of two cases', () => {
  it('sees each case’s requests under that case only', async () => {
    await enrollLawyer(h, 'wx:o-lawyer-b', '赵律师');
    const otherCase = await openCaseWithClient(h, 'wx:o-lawyer-b', firm.client);
    const here = await writeRequest(h, firm.client, firm.caseId);
    const there = await writeRequest(h, firm.client, otherCase);
    expect(
      (await h.ok(firm.client, 'request.list', { caseId: firm.caseId })).requests.map((r) => r.id),
    ).toEqual([here.id]);
    expect(
      (await h.ok('wx:o-lawyer-b', 'request.list', { caseId: otherCase })).requests.map((r) => r.id),
    ).toEqual([there.id]);
    expect((await expectRejected(firm.lawyer, 'request.get', { requestId: there.id })).code).toBe(
      'NOT_FOUND',
    );
  });
});
