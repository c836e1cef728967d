import { LIMITS } from '../../contract/limits';
import type { Workbench } from '../../contract/workbench';
import { openCaseWithClient, openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { memoInputOf, publishMemo } from '../fixtures/memos';
import { writeRequest } from '../fixtures/requests';
import { publishStatement, statementItemIds } from '../fixtures/statements';
import { assignTask, shanghaiDayAfter, userIdOf } from '../fixtures/tasks';

const DAY = 86_400_000;
const SECOND_CLIENT = 'wx:o-client-second';

let h: Harness;
let firm: Firm;
let clientId: string;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
  clientId = await userIdOf(h, firm.client);
});
afterEach(() => h.close());

const bench = (lawyer = firm.lawyer) => h.ok(lawyer, 'workbench.get', {});

/** Each section's count and overdue count, for compact expectations. */
const counts = (w: Workbench) =>
  Object.fromEntries(
    (['questions', 'requests', 'disputes', 'unacknowledged', 'tasks'] as const).map((k) => [
      k,
      [w[k].count, w[k].overdue],
    ]),
  );

const NOTHING = {
  questions: [0, 0],
  requests: [0, 0],
  disputes: [0, 0],
  unacknowledged: [0, 0],
  tasks: [0, 0],
};

describe('the lawyer’s 工作台', () => {
  it('starts empty, and is the lawyer’s only: clients are FORBIDDEN', async () => {
    const w = await bench();
    expect(counts(w)).toEqual(NOTHING);
    expect(w.generatedAt).toBe(h.now().toISOString());
    const before = await h.counts();
    expect((await h.err(firm.client, 'workbench.get', {})).code).toBe('FORBIDDEN');
    expect((await h.err(null, 'workbench.get', {})).code).toBe('UNAUTHENTICATED');
    expect(await h.counts()).toEqual(before);
  });

  it('counts statement questions and acknowledgments as they are handled', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    let w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, unacknowledged: [1, 0] });
    expect(w.unacknowledged.items).toEqual([
      {
        kind: 'statementUnacknowledged',
        caseId: firm.caseId,
        caseTitle: '李女士诉某公司民间借贷纠纷',
        recordId: statement.id,
        subId: null,
        title: statement.current!.content.title,
        who: '李女士',
        since: statement.current!.publishedAt,
        dueAt: null,
        overdue: false,
      },
    ]);

    h.advance(60_000);
    const itemId = statement.current!.content.sections.worstCase[0].id;
    const question = await h.ok(firm.client, 'statement.ask', {
      statementId: statement.id,
      versionNo: 1,
      itemId,
      question: '证据不足的话，借款金额会被全部驳回吗？',
    });
    w = await bench();
    expect(w.questions.count).toBe(1);
    expect(w.questions.items[0]).toMatchObject({
      kind: 'question',
      recordId: statement.id,
      subId: question.id,
      title: '证据不足的话，借款金额会被全部驳回吗？',
      who: '李女士',
      since: question.askedAt,
    });

    await h.ok(firm.lawyer, 'statement.answer', {
      questionId: question.id,
      answer: '不一定，要看转账记录。',
    });
    expect(counts(await bench())).toEqual({ ...NOTHING, unacknowledged: [1, 0] });

    await h.ok(firm.client, 'statement.acknowledge', {
      statementId: statement.id,
      versionNo: 1,
      itemIds: statementItemIds(statement),
    });
    expect(counts(await bench())).toEqual(NOTHING);
  });

  it('counts a memo unconfirmed, then disputed, then corrected, then confirmed', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    let w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, unacknowledged: [1, 0] });
    expect(w.unacknowledged.items[0]).toMatchObject({
      kind: 'memoUnconfirmed',
      recordId: memo.id,
      who: '李女士',
    });

    h.advance(60_000);
    const dispute = await h.ok(firm.client, 'memo.dispute', {
      memoId: memo.id,
      versionNo: 1,
      conclusionId: memo.current.content.conclusions[1].id,
      reason: '我们说的是对方答辩后一周内再评估。',
    });
    w = await bench();
    // The client answered this version (with a dispute): it waits on the lawyer now, not on the client.
    expect(counts(w)).toEqual({ ...NOTHING, disputes: [1, 0] });
    expect(w.disputes.items).toEqual([
      expect.objectContaining({
        kind: 'memoDispute',
        recordId: memo.id,
        subId: dispute.responseId,
        who: '李女士',
        since: dispute.respondedAt,
      }),
    ]);

    h.advance(60_000);
    const corrected = await h.ok(firm.lawyer, 'memo.correct', {
      memoId: memo.id,
      memo: memoInputOf(memo, {
        conclusions: memo.current.content.conclusions.map((c, i) =>
          i === 1 ? { id: c.id, text: '暂不申请财产保全，对方答辩后一周内再评估。' } : c,
        ),
      }),
      reason: '按李女士的异议更正第二条结论',
      resolves: [dispute.responseId],
    });
    w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, unacknowledged: [1, 0] });
    expect(w.unacknowledged.items[0].since).toBe(corrected.current.publishedAt);

    await h.ok(firm.client, 'memo.confirm', { memoId: memo.id, versionNo: 2 });
    expect(counts(await bench())).toEqual(NOTHING);
  });

  it('keeps a dispute open when the correction does not answer it', async () => {
    const memo = await publishMemo(h, firm.lawyer, firm.caseId);
    await h.ok(firm.client, 'memo.dispute', { memoId: memo.id, versionNo: 1, reason: '整份记录时间不对。' });
    await h.ok(firm.lawyer, 'memo.correct', {
      memoId: memo.id,
      memo: memoInputOf(memo, { followUp: '下周二前律师整理证据目录。' }),
      reason: '调整后续安排',
      resolves: [],
    });
    expect(counts(await bench())).toEqual({ ...NOTHING, disputes: [1, 0], unacknowledged: [1, 0] });
  });

  it('counts a request with its promised reply, overdue after it, until it is answered', async () => {
    const request = await writeRequest(h, firm.client, firm.caseId);
    let w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, requests: [1, 0] });
    expect(w.requests.items[0]).toMatchObject({
      kind: 'request',
      recordId: request.id,
      who: '李女士',
      since: request.askedAt,
      dueAt: request.promisedBy,
      overdue: false,
    });
    expect(request.promisedBy).not.toBeNull();
    expect(w.requests.items[0].title).toContain('请帮我向法院申请调取被告的银行流水');

    h.advance(Date.parse(request.promisedBy!) - h.now().getTime() + 60_000);
    w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, requests: [1, 1] });
    expect(w.requests.items[0].overdue).toBe(true);

    await h.ok(firm.lawyer, 'request.answer', {
      requestId: request.id,
      kind: 'decline',
      text: '调取银行流水需要法院批准，目前证据尚不足以申请。',
    });
    expect(counts(await bench())).toEqual(NOTHING);
  });

  it('counts tasks submitted for review and tasks overdue, as each step happens', async () => {
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId, { dueDate: shanghaiDayAfter(h, 0) });
    // Open and not yet due: nothing waits for the lawyer.
    expect(counts(await bench())).toEqual(NOTHING);

    h.advance(DAY);
    let w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, tasks: [1, 1] });
    expect(w.tasks.items[0]).toMatchObject({
      kind: 'task',
      recordId: task.id,
      title: task.title,
      who: '李女士',
      since: task.assignedAt,
      dueAt: task.dueDate,
      overdue: true,
    });

    h.advance(60_000);
    const done = await h.ok(firm.client, 'task.complete', { taskId: task.id, note: '已上传' });
    w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, tasks: [1, 0] });
    expect(w.tasks.items[0]).toMatchObject({ overdue: false, since: done.steps[0].at });

    await h.ok(firm.lawyer, 'task.review', { taskId: task.id, decision: 'return', reason: '照片不清晰' });
    // Returned past its due date: overdue again, waiting on the client.
    expect(counts(await bench())).toEqual({ ...NOTHING, tasks: [1, 1] });

    await h.ok(firm.client, 'task.complete', { taskId: task.id, note: null });
    expect(counts(await bench())).toEqual({ ...NOTHING, tasks: [1, 0] });
    await h.ok(firm.lawyer, 'task.review', { taskId: task.id, decision: 'accept', reason: null });
    expect(counts(await bench())).toEqual(NOTHING);
  });

  it('names the clients a statement waits on, or how many', async () => {
    const invite = await h.ok(firm.lawyer, 'invite.createClient', {
      caseId: firm.caseId,
      clientName: '王先生',
    });
    await h.ok(SECOND_CLIENT, 'invite.redeem', { code: invite.code });
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const names = (await bench()).unacknowledged.items[0].who;
    const second = (await h.ok(SECOND_CLIENT, 'session.me', {})).displayName;
    expect(names?.split('、').sort()).toEqual(['李女士', second].sort());
    await h.ok(firm.client, 'statement.acknowledge', {
      statementId: statement.id,
      versionNo: 1,
      itemIds: statementItemIds(statement),
    });
    expect((await bench()).unacknowledged.items[0].who).toBe(second);
    const third = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok('wx:o-client-third', 'invite.redeem', { code: third.code });
    const fourth = await h.ok(firm.lawyer, 'invite.createClient', { caseId: firm.caseId, clientName: null });
    await h.ok('wx:o-client-fourth', 'invite.redeem', { code: fourth.code });
    expect((await bench()).unacknowledged.items[0].who).toBe('3 位客户');
  });

  it('shows nothing of cases the lawyer is not in, and everything of all theirs, oldest first', async () => {
    const other = await setUpFirm(h, '-other');
    await publishStatement(h, other.lawyer, other.caseId);
    await writeRequest(h, other.client, other.caseId);
    expect(counts(await bench())).toEqual(NOTHING);
    expect(counts(await bench(other.lawyer))).toEqual({
      ...NOTHING,
      requests: [1, 0],
      unacknowledged: [1, 0],
    });

    // A second case of the first lawyer: items of both, oldest first.
    const first = await writeRequest(h, firm.client, firm.caseId);
    h.advance(60_000);
    const secondCase = await openCaseWithClient(h, firm.lawyer, 'wx:o-client-b', '赵女士');
    const later = await writeRequest(h, 'wx:o-client-b', secondCase);
    const w = await bench();
    expect(w.requests.items.map((i) => [i.recordId, i.caseId])).toEqual([
      [first.id, firm.caseId],
      [later.id, secondCase],
    ]);
  });

  it('gives exact counts beyond the page, and items capped at the page size', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const itemId = statement.current!.content.sections.youMust[0].id;
    const asked: string[] = [];
    for (let i = 0; i < LIMITS.pageSize + 2; i++) {
      h.advance(1000);
      const q = await h.ok(firm.client, 'statement.ask', {
        statementId: statement.id,
        versionNo: 1,
        itemId,
        question: `第 ${i + 1} 个问题`,
      });
      asked.push(q.id);
    }
    const w = await bench();
    expect(w.questions.count).toBe(LIMITS.pageSize + 2);
    expect(w.questions.items.map((i) => i.subId)).toEqual(asked.slice(0, LIMITS.pageSize));
  });

  it('reads a fixed number of queries, whatever the number of cases and items', async () => {
    const measure = async () => {
      h.resetQueries();
      await bench();
      return h.queries();
    };
    const few = await measure();
    for (let i = 0; i < 4; i++) {
      const caseId = await openCaseWithClient(h, firm.lawyer, `wx:o-client-n${i}`, `客户${i}`);
      await publishStatement(h, firm.lawyer, caseId);
      await publishMemo(h, firm.lawyer, caseId);
      await writeRequest(h, `wx:o-client-n${i}`, caseId);
      await assignTask(h, firm.lawyer, caseId, await userIdOf(h, `wx:o-client-n${i}`), {
        dueDate: shanghaiDayAfter(h, 0),
      });
    }
    h.advance(2 * DAY);
    const w = await bench();
    expect(counts(w)).toEqual({ ...NOTHING, requests: [4, 4], unacknowledged: [8, 0], tasks: [4, 4] });
    expect(await measure()).toBe(few);
  });
});
