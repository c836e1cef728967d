import { MEMO_LIMITS, type MemoDetail } from '../../contract/memos';
import { readCaseEvents } from '../../server/events/event-log.store';
import { verifyCase } from '../../server/evidence/verify';
import { dropAppendOnlyGuards } from '../../server/platform/migrations/0005-evidence';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { memoInputOf, publishMemo, sampleMemo } from '../fixtures/memos';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const MINUTE = 60_000;

/** Invites another client into the case; returns their subject. */
async function addClient(name: string): Promise<string> {
  const invite = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: name });
  const subject = `wx:o-${name}-${h.now().getTime()}`;
  h.advance(MINUTE);
  await h.ok(subject, 'invite.redeem', { code: invite.code });
  return subject;
}

/** The event a chain position names, as stored. */
async function eventAt(seq: number) {
  const events = await readCaseEvents(h.db, firm.caseId);
  return events.find((e) => e.seq === seq);
}

const conclusionIds = (memo: MemoDetail) => memo.current.content.conclusions.map((c) => c.id);

/** Corrects the second conclusion of the memo, answering the given disputes. */
function correctSecondConclusion(
  memo: MemoDetail,
  resolves: string[],
  text = '申请财产保全，本周内提交申请。',
) {
  const conclusions = memo.current.content.conclusions.map((c, i) => (i === 1 ? { ...c, text } : c));
  return h.ok(firm.lawyer, 'memo.correct', {
    memoId: memo.id,
    memo: memoInputOf(memo, { conclusions }),
    reason: '按李女士的意见更正保全安排',
    resolves,
  });
}

describe('a memo disputed on one conclusion, corrected, then confirmed', () => {
  it('runs the whole conversation on the record, and verify passes on the case afterwards', async () => {
    const v1 = await publishMemo(h, firm.lawyer, firm.caseId);
    expect(v1.current).toMatchObject({ versionNo: 1, correctionReason: null, authorName: '张律师' });
    expect(v1.current.content.resolves).toEqual([]);
    const [, second] = v1.current.content.conclusions;

    // The client opens it and disputes conclusion 2 with a written reason.
    const seen = await h.ok(firm.client, 'memo.get', { memoId: v1.id });
    expect(seen.myResponse).toBeNull();
    await h.ok(firm.client, 'memo.markViewed', { memoId: v1.id, versionNo: 1 });
    const dispute = await h.ok(firm.client, 'memo.dispute', {
      memoId: v1.id,
      versionNo: 1,
      conclusionId: second.id,
      reason: '我们当时说的是尽快申请保全，不是暂不申请。',
    });
    expect(dispute).toMatchObject({
      kind: 'disputed',
      versionNo: 1,
      conclusion: second,
      reason: '我们当时说的是尽快申请保全，不是暂不申请。',
      contentHash: v1.current.contentHash,
      resolvedByVersionNo: null,
    });

    // The lawyer sees it open, and where the client stands.
    const lawyerView = await h.ok(firm.lawyer, 'memo.get', { memoId: v1.id });
    expect(lawyerView.openDisputes).toEqual([dispute]);
    expect(lawyerView.clients).toEqual([
      expect.objectContaining({ displayName: '李女士', state: 'disputed', response: dispute }),
    ]);
    const listed = await h.ok(firm.lawyer, 'memo.list', { caseId: firm.caseId });
    expect(listed.memos).toEqual([
      expect.objectContaining({ confirmedCount: 0, clientCount: 1, openDisputes: 1, myState: null }),
    ]);

    // The correction answers the dispute.
    h.advance(MINUTE);
    const v2 = await correctSecondConclusion(lawyerView, [dispute.responseId]);
    expect(v2.versions.map((v) => [v.versionNo, v.correctionReason])).toEqual([
      [2, '按李女士的意见更正保全安排'],
      [1, null],
    ]);
    expect(v2.current.content.resolves).toEqual([dispute.responseId]);
    expect(v2.current.content.conclusions.map((c) => c.id)).toEqual(conclusionIds(v1));
    expect(v2.openDisputes).toEqual([]);
    expect(v2.responses).toEqual([{ ...dispute, resolvedByVersionNo: 2 }]);
    expect(v2.clients?.[0].state).toBe('unread');
    const corrected = await eventAt(v2.current.chain!.seq);
    expect(corrected).toMatchObject({ type: 'memo.corrected', hash: v2.current.chain!.head });

    // The client sees what changed since the version they disputed.
    const clientView = await h.ok(firm.client, 'memo.get', { memoId: v1.id });
    expect(clientView.myResponse).toBeNull();
    expect(clientView.changesSinceMyResponse).toEqual({
      fromVersionNo: 1,
      toVersionNo: 2,
      fields: [],
      points: [
        {
          list: 'conclusions',
          pointId: second.id,
          change: 'changed',
          before: second.text,
          after: '申请财产保全，本周内提交申请。',
        },
      ],
    });
    expect(clientView.responses).toEqual([{ ...dispute, resolvedByVersionNo: 2 }]);
    expect(clientView.clients).toBeUndefined();
    expect(clientView.openDisputes).toBeUndefined();

    // …and confirms version 2: a receipt with the hash of what they confirmed and its place in the chain.
    const receipt = await h.ok(firm.client, 'memo.confirm', { memoId: v1.id, versionNo: 2 });
    expect(receipt).toMatchObject({
      kind: 'confirmed',
      versionNo: 2,
      conclusion: null,
      reason: null,
      contentHash: v2.current.contentHash,
      displayName: '李女士',
    });
    expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await eventAt(receipt.chain!.seq)).toMatchObject({
      type: 'memo.confirmed',
      hash: receipt.chain!.head,
    });
    const after = await h.ok(firm.client, 'memo.get', { memoId: v1.id });
    expect(after.myResponse).toEqual(receipt);
    expect(after.changesSinceMyResponse).toBeNull();
    expect((await h.ok(firm.lawyer, 'memo.list', { caseId: firm.caseId })).memos[0]).toMatchObject({
      versionNo: 2,
      confirmedCount: 1,
      openDisputes: 0,
    });

    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });

  it('lets verify find a changed memo version and a dispute moved to another conclusion', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const [first, second] = conclusionIds(memo);
    const dispute = await h.ok(firm.client, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      conclusionId: second,
      reason: '不是暂不申请',
    });
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);

    await dropAppendOnlyGuards(h.db);
    const stored = await h.db
      .selectFrom('record_versions')
      .select(['id', 'content'])
      .where('record_id', '=', memo.id)
      .executeTakeFirstOrThrow();
    await h.db
      .updateTable('record_versions')
      .set({ content: stored.content.replace('暂不申请财产保全', '立即申请财产保全') })
      .where('id', '=', stored.id)
      .execute();
    await h.db
      .updateTable('record_responses')
      .set({ item_id: first })
      .where('id', '=', dispute.responseId)
      .execute();
    const findings = (await verifyCase(h.db, firm.caseId)).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'CONTENT_MISMATCH',
        table: 'record_versions',
        row: stored.id,
        field: 'content',
      }),
      expect.objectContaining({
        code: 'FIELD_CHANGED',
        table: 'record_responses',
        row: dispute.responseId,
        field: 'item_id',
      }),
    ]);
  });
});

describe('publishing', () => {
  it('gives each point an id, stores the time in UTC, keeps promise warnings with the version', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId, {
      communicatedAt: '2026-03-01T14:30:00+08:00',
      conclusions: [{ text: '这个案子包赢。' }, { text: '下周提交证据。' }],
    });
    expect(memo.current.content.communicatedAt).toBe('2026-03-01T06:30:00.000Z');
    const ids = [...memo.current.content.matters, ...memo.current.content.conclusions].map((p) => p.id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const version = await h.db
      .selectFrom('record_versions')
      .select(['promise_warnings', 'title', 'event_seq'])
      .where('record_id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(version.promise_warnings)).toEqual([
      expect.objectContaining({ path: 'conclusions.0', phrase: '包赢', rule: 'outcome-promise' }),
    ]);
    expect(version.title).toBe('这个案子包赢。');
    const published = await eventAt(Number(version.event_seq));
    expect(published?.type).toBe('memo.published');
    expect(JSON.parse(published!.payload)).toMatchObject({
      memoId: memo.id,
      promiseWarnings: [expect.objectContaining({ phrase: '包赢' })],
    });
    expect(memo.current.chain).toEqual({ seq: published!.seq, head: published!.hash });
  });

  it('accepts a time a few minutes ahead of the server clock (phones drift), not more', async () => {
    const soon = new Date(h.now().getTime() + 4 * MINUTE).toISOString();
    await publishMemo(h, firm.lawyer, firm.caseId, { communicatedAt: soon });
    const later = new Date(h.now().getTime() + 6 * MINUTE).toISOString();
    const error = await h.err(firm.lawyer, 'memo.publish', {
      caseId: firm.caseId,
      memo: { ...sampleMemo, communicatedAt: later },
    });
    expect(error).toMatchObject({ code: 'MEMO.IN_FUTURE', issues: [{ path: 'memo.communicatedAt' }] });
  });

  it('is news on the client’s case list until opened, and lists newest conversation first', async () => {
    const unread = async () => (await h.ok(firm.client, 'case.list', {})).cases[0].unread;
    expect(await unread()).toBe(0);
    const older = await publishMemo(h, firm.lawyer, firm.caseId);
    h.advance(MINUTE);
    const newer = await publishMemo(h, firm.lawyer, firm.caseId, { communicatedAt: '2026-03-01T09:00:00Z' });
    h.advance(MINUTE);
    // Written last about the earliest conversation.
    const earliest = await publishMemo(h, firm.lawyer, firm.caseId, {
      communicatedAt: '2026-02-27T02:00:00Z',
    });
    expect(await unread()).toBe(3);
    const { memos } = await h.ok(firm.client, 'memo.list', { caseId: firm.caseId });
    expect(memos.map((m) => m.id)).toEqual([newer.id, older.id, earliest.id]);
    expect(memos[0]).toMatchObject({
      channel: 'phone',
      headline: sampleMemo.conclusions[0].text,
      versionNo: 1,
      myState: 'unread',
    });
    expect(memos[0].confirmedCount).toBeUndefined();

    await h.ok(firm.client, 'memo.markViewed', { memoId: older.id, versionNo: 1 });
    expect(await unread()).toBe(2);
    const viewedAgain = await h.ok(firm.client, 'memo.markViewed', { memoId: older.id, versionNo: 1 });
    expect(await unread()).toBe(2);
    expect(viewedAgain.chain?.seq).toBeGreaterThan(0);
    const states = (await h.ok(firm.client, 'memo.list', { caseId: firm.caseId })).memos.map(
      (m) => m.myState,
    );
    expect(states).toEqual(['unread', 'viewed', 'unread']);
  });

  it('counts a memo published before a client joined as unread for them, once', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const late = await addClient('王先生');
    const unread = async () =>
      (await h.ok(late, 'case.list', {})).cases.find((c) => c.id === firm.caseId)?.unread;
    expect(await unread()).toBe(1);
    await h.ok(late, 'memo.markViewed', { memoId: memo.id, versionNo: 1 });
    expect(await unread()).toBe(0);
  });
});

describe('confirming and disputing', () => {
  it('confirms a version once: the same confirmation again answers with the first receipt', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const first = await h.ok(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 1 });
    const before = await h.counts();
    h.advance(MINUTE);
    const again = await h.ok(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 1 });
    expect(again).toEqual(first);
    expect(await h.counts()).toEqual({ ...before, idempotency: before.idempotency + 1 });
  });

  it('records one confirmation when the same client confirms twice at once', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const before = await h.counts();
    const confirm = () => h.ok(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 1 });
    const [a, b] = await Promise.all([confirm(), confirm()]);
    expect(b).toEqual(a);
    const after = await h.counts();
    expect(after.record_responses - before.record_responses).toBe(1);
    expect(after.case_events - before.case_events).toBe(1);
  });

  it('disputes the whole memo, and takes the same dispute again as the first', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const input = { memoId: memo.id, versionNo: 1, reason: '沟通时间记错了，是下午三点。' };
    const first = await h.ok(firm.client, 'memo.dispute', input);
    expect(first).toMatchObject({ kind: 'disputed', conclusion: null });
    const before = await h.counts();
    expect(await h.ok(firm.client, 'memo.dispute', { ...input, conclusionId: null })).toEqual(first);
    expect((await h.counts()).record_responses).toBe(before.record_responses);
  });

  it('refuses a second, different response to a version already answered', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const [c1, c2] = conclusionIds(memo);
    await h.ok(firm.client, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      conclusionId: c1,
      reason: '不对',
    });
    const before = await h.counts();
    for (const [action, payload] of [
      ['memo.confirm', { memoId: memo.id, versionNo: 1 }],
      ['memo.dispute', { memoId: memo.id, versionNo: 1, conclusionId: c2, reason: '也不对' }],
      ['memo.dispute', { memoId: memo.id, versionNo: 1, conclusionId: c1, reason: '理由换了' }],
    ] as const) {
      const error = await h.err(firm.client, action, payload);
      expect(error.code).toBe('MEMO.ALREADY_RESPONDED');
    }
    expect(await h.counts()).toEqual(before);

    const other = await addClient('王先生');
    await h.ok(other, 'memo.confirm', { memoId: memo.id, versionNo: 1 });
    const refused = await h.err(other, 'memo.dispute', { memoId: memo.id, versionNo: 1, reason: '不对' });
    expect(refused).toMatchObject({
      code: 'MEMO.ALREADY_RESPONDED',
      message: expect.stringContaining('已确认'),
    });
  });

  it('tells a client who answers a superseded version which version is current', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    await correctSecondConclusion(memo, []);
    const before = await h.counts();
    const error = await h.err(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 1 });
    expect(error).toMatchObject({ code: 'MEMO.SUPERSEDED', issues: [{ path: 'versionNo' }] });
    expect(error.message).toContain('第 2 版');
    const disputed = await h.err(firm.client, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      reason: '不对',
    });
    expect(disputed.code).toBe('MEMO.SUPERSEDED');
    expect(await h.counts()).toEqual(before);
  });

  it('shows each client only their own responses; the lawyer sees everyone’s standing', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const other = await addClient('王先生');
    const third = await addClient('赵女士');
    const mine = await h.ok(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 1 });
    const theirs = await h.ok(other, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      conclusionId: conclusionIds(memo)[2],
      reason: '律师费是第一期。',
    });
    await h.ok(third, 'memo.markViewed', { memoId: memo.id, versionNo: 1 });

    const asClient = await h.ok(firm.client, 'memo.get', { memoId: memo.id });
    expect(asClient.responses).toEqual([mine]);
    expect(asClient.myResponse).toEqual(mine);
    const asOther = await h.ok(other, 'memo.get', { memoId: memo.id });
    expect(asOther.responses).toEqual([theirs]);
    expect(JSON.stringify(asOther)).not.toContain(mine.responseId);

    const asLawyer = await h.ok(firm.lawyer, 'memo.get', { memoId: memo.id });
    expect(asLawyer.myResponse).toBeNull();
    expect(asLawyer.responses).toEqual(expect.arrayContaining([mine, theirs]));
    expect(asLawyer.clients?.map((c) => [c.displayName, c.state])).toEqual([
      ['李女士', 'confirmed'],
      ['王先生', 'disputed'],
      ['赵女士', 'viewed'],
    ]);
    expect(asLawyer.openDisputes).toEqual([theirs]);
    const [summary] = (await h.ok(firm.lawyer, 'memo.list', { caseId: firm.caseId })).memos;
    expect(summary).toMatchObject({ confirmedCount: 1, clientCount: 3, openDisputes: 1 });
    expect((await h.ok(other, 'memo.list', { caseId: firm.caseId })).memos[0].myState).toBe('disputed');
  });
});

describe('correcting', () => {
  it('needs a real change: the same words (with or without their ids) are no correction', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const before = await h.counts();
    for (const input of [memoInputOf(memo), sampleMemo]) {
      const error = await h.err(firm.lawyer, 'memo.correct', {
        memoId: memo.id,
        memo: input,
        reason: '无',
        resolves: [],
      });
      expect(error.code).toBe('MEMO.NOTHING_CHANGED');
    }
    expect(await h.counts()).toEqual(before);
  });

  it('answers only open disputes of this memo, and a dispute left open can be answered later', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const other = await publishMemo(h, firm.lawyer, firm.caseId);
    const [c1, c2] = conclusionIds(memo);
    const dispute = await h.ok(firm.client, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      conclusionId: c1,
      reason: '时间不对',
    });
    const elsewhere = await h.ok(firm.client, 'memo.dispute', {
      memoId: other.id,
      versionNo: 1,
      reason: '不对',
    });
    const second = await addClient('王先生');
    const confirmation = await h.ok(second, 'memo.confirm', { memoId: memo.id, versionNo: 1 });

    const before = await h.counts();
    for (const resolves of [[confirmation.responseId], [elsewhere.responseId], ['no-such-response']]) {
      const error = await h.err(firm.lawyer, 'memo.correct', {
        memoId: memo.id,
        memo: memoInputOf(memo, { followUp: '改为下周三前。' }),
        reason: '更正后续安排',
        resolves,
      });
      expect(error).toMatchObject({ code: 'MEMO.DISPUTE_NOT_OPEN', issues: [{ path: 'resolves.0' }] });
    }
    expect(await h.counts()).toEqual(before);

    // Version 2 changes something else and leaves the dispute open; version 3 answers it.
    const v2 = await h.ok(firm.lawyer, 'memo.correct', {
      memoId: memo.id,
      memo: memoInputOf(memo, { followUp: '改为下周三前。' }),
      reason: '更正后续安排',
    });
    expect(v2.openDisputes).toEqual([dispute]);
    const conclusions = v2.current.content.conclusions.map((c) =>
      c.id === c1 ? { ...c, text: '周四前提供。' } : c,
    );
    const v3 = await h.ok(firm.lawyer, 'memo.correct', {
      memoId: memo.id,
      memo: memoInputOf(v2, { conclusions }),
      reason: '更正提供材料的时间',
      resolves: [dispute.responseId, dispute.responseId],
    });
    expect(v3.current.content.resolves).toEqual([dispute.responseId]);
    expect(v3.openDisputes).toEqual([]);
    expect(v3.responses.find((r) => r.responseId === dispute.responseId)?.resolvedByVersionNo).toBe(3);

    // Answered once, it cannot be answered again.
    const again = await h.err(firm.lawyer, 'memo.correct', {
      memoId: memo.id,
      memo: memoInputOf(v3, { followUp: null }),
      reason: '删去后续安排',
      resolves: [dispute.responseId],
    });
    expect(again.code).toBe('MEMO.DISPUTE_NOT_OPEN');

    // The client's diff runs from the version they disputed to the current one.
    const seen = await h.ok(firm.client, 'memo.get', { memoId: memo.id });
    expect(seen.changesSinceMyResponse).toEqual({
      fromVersionNo: 1,
      toVersionNo: 3,
      fields: ['followUp'],
      points: [
        {
          list: 'conclusions',
          pointId: c1,
          change: 'changed',
          before: sampleMemo.conclusions[0].text,
          after: '周四前提供。',
        },
      ],
    });
    expect(c2).toBeDefined();
  });
});

describe('bad input: a typed error and nothing changed', () => {
  async function expectRejected(
    subject: string,
    action: Parameters<Harness['err']>[1],
    payload: unknown,
    code: string,
  ) {
    const before = await h.counts();
    const error = await h.err(subject, action, payload);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await h.counts()).toEqual(before);
    return error;
  }

  it('refuses a memo without conclusions, with an empty point, or with oversized text', async () => {
    const publish = (memo: unknown) => ({ caseId: firm.caseId, memo });
    const noConclusions = await expectRejected(
      firm.lawyer,
      'memo.publish',
      publish({ ...sampleMemo, conclusions: [] }),
      'INVALID_ARGUMENT',
    );
    expect(noConclusions.issues).toEqual([{ path: 'memo.conclusions', message: '请至少填写一条形成结论' }]);
    const { conclusions: _omitted, ...withoutList } = sampleMemo;
    await expectRejected(firm.lawyer, 'memo.publish', publish(withoutList), 'INVALID_ARGUMENT');
    const empty = await expectRejected(
      firm.lawyer,
      'memo.publish',
      publish({ ...sampleMemo, matters: [{ text: '  ' }] }),
      'INVALID_ARGUMENT',
    );
    expect(empty.issues).toEqual([{ path: 'memo.matters.0.text', message: '此项不能为空' }]);
    const long = await expectRejected(
      firm.lawyer,
      'memo.publish',
      publish({ ...sampleMemo, conclusions: [{ text: '结'.repeat(MEMO_LIMITS.pointText + 1) }] }),
      'INVALID_ARGUMENT',
    );
    expect(long.issues).toEqual([
      { path: 'memo.conclusions.0.text', message: `不能超过 ${MEMO_LIMITS.pointText} 个字` },
    ]);
    await expectRejected(
      firm.lawyer,
      'memo.publish',
      publish({ ...sampleMemo, followUp: '安'.repeat(MEMO_LIMITS.followUp + 1) }),
      'INVALID_ARGUMENT',
    );
    await expectRejected(
      firm.lawyer,
      'memo.publish',
      publish({ ...sampleMemo, participants: [] }),
      'INVALID_ARGUMENT',
    );
  });

  it('refuses a 沟通时间 in the future', async () => {
    await expectRejected(
      firm.lawyer,
      'memo.publish',
      { caseId: firm.caseId, memo: { ...sampleMemo, communicatedAt: '2026-03-03T01:00:00Z' } },
      'MEMO.IN_FUTURE',
    );
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    await expectRejected(
      firm.lawyer,
      'memo.correct',
      {
        memoId: memo.id,
        memo: memoInputOf(memo, { communicatedAt: '2026-03-03T01:00:00Z' }),
        reason: '时间',
        resolves: [],
      },
      'MEMO.IN_FUTURE',
    );
  });

  it('refuses a correction without a reason', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    await expectRejected(
      firm.lawyer,
      'memo.correct',
      { memoId: memo.id, memo: memoInputOf(memo, { followUp: '改了' }), reason: ' ' },
      'INVALID_ARGUMENT',
    );
  });

  it('refuses a dispute without a reason, or naming a conclusion the version does not have', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    for (const reason of [undefined, '', '   ']) {
      await expectRejected(
        firm.client,
        'memo.dispute',
        { memoId: memo.id, versionNo: 1, conclusionId: conclusionIds(memo)[0], reason },
        'INVALID_ARGUMENT',
      );
    }
    const unknown = await expectRejected(
      firm.client,
      'memo.dispute',
      { memoId: memo.id, versionNo: 1, conclusionId: memo.current.content.matters[0].id, reason: '不对' },
      'MEMO.CONCLUSION_NOT_FOUND',
    );
    expect(unknown.issues).toEqual([{ path: 'conclusionId', message: '所指的结论不存在' }]);
    await expectRejected(
      firm.client,
      'memo.dispute',
      { memoId: memo.id, versionNo: 1, reason: '理'.repeat(MEMO_LIMITS.reason + 1) },
      'INVALID_ARGUMENT',
    );
  });

  it('refuses a version that does not exist yet', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    await expectRejected(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 2 }, 'NOT_FOUND');
    await expectRejected(firm.client, 'memo.markViewed', { memoId: memo.id, versionNo: 2 }, 'NOT_FOUND');
  });

  it('refuses a lawyer confirming or disputing, and a client publishing or correcting', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    await expectRejected(firm.lawyer, 'memo.confirm', { memoId: memo.id, versionNo: 1 }, 'FORBIDDEN');
    await expectRejected(
      firm.lawyer,
      'memo.dispute',
      { memoId: memo.id, versionNo: 1, reason: '不对' },
      'FORBIDDEN',
    );
    await expectRejected(firm.client, 'memo.publish', { caseId: firm.caseId, memo: sampleMemo }, 'FORBIDDEN');
    await expectRejected(
      firm.client,
      'memo.correct',
      { memoId: memo.id, memo: memoInputOf(memo, { followUp: '改了' }), reason: '改', resolves: [] },
      'FORBIDDEN',
    );
  });

  it('does not reveal a memo to someone outside its case', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const outsider = await setUpFirm(h, '-other');
    await expectRejected(outsider.client, 'memo.get', { memoId: memo.id }, 'NOT_FOUND');
    await expectRejected(outsider.lawyer, 'memo.confirm', { memoId: memo.id, versionNo: 1 }, 'NOT_FOUND');
    await expectRejected(outsider.client, 'memo.confirm', { memoId: memo.id, versionNo: 1 }, 'NOT_FOUND');
  });
});

describe('read models run a fixed number of queries', () => {
  async function queriesOf(run: () => Promise<unknown>): Promise<number> {
    h.resetQueries();
    await run();
    return h.queries();
  }

  it('memo.get and memo.list do not grow with memos, versions, clients or responses', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    const get = (subject: string) => () => h.ok(subject, 'memo.get', { memoId: memo.id });
    const list = (subject: string) => () => h.ok(subject, 'memo.list', { caseId: firm.caseId });
    const calls = [get(firm.lawyer), get(firm.client), list(firm.lawyer), list(firm.client)];
    const withOne: number[] = [];
    for (const call of calls) withOne.push(await queriesOf(call));

    const others = [await addClient('王先生'), await addClient('赵女士')];
    const dispute = await h.ok(firm.client, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      reason: '不对',
    });
    const v2 = await correctSecondConclusion(memo, [dispute.responseId]);
    for (const c of others)
      await h.ok(c, 'memo.dispute', { memoId: memo.id, versionNo: 2, reason: '还是不对' });
    await correctSecondConclusion(v2, [], '第三版的结论。');
    await h.ok(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 3 });
    for (let i = 0; i < 4; i++) {
      const more = await publishMemo(h, firm.lawyer, firm.caseId);
      await h.ok(others[0], 'memo.dispute', { memoId: more.id, versionNo: 1, reason: '不对' });
      await h.ok(firm.client, 'memo.confirm', { memoId: more.id, versionNo: 1 });
    }
    expect((await get(firm.lawyer)()).openDisputes).toHaveLength(2);
    expect((await list(firm.client)()).memos).toHaveLength(5);
    for (const [i, call] of calls.entries()) expect(await queriesOf(call)).toBe(withOne[i]);
  });
});
