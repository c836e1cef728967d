import { TASK_LIMITS } from '../../contract/limits';
import type { ClientTask } from '../../contract/tasks';
import { verifyCase } from '../../server/evidence/verify';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { publishStatement } from '../fixtures/statements';
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

async function addSecondClient(): Promise<string> {
  const invite = await h.ok(firm.lawyer, 'invite.createClient', {
    caseId: firm.caseId,
    clientName: '王先生',
  });
  await h.ok(SECOND_CLIENT, 'invite.redeem', { code: invite.code });
  return userIdOf(h, SECOND_CLIENT);
}

/** The task's event types on the chain, in order. */
async function taskEvents(): Promise<string[]> {
  const rows = await h.db
    .selectFrom('case_events')
    .select('type')
    .where('case_id', '=', firm.caseId)
    .where('type', 'like', 'task.%')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.type);
}

describe('a task from assignment to acceptance', () => {
  it('goes done → returned → done → accepted, each step a chained record, and verify passes', async () => {
    const assigned = await assignTask(h, firm.lawyer, firm.caseId, clientId);
    expect(assigned).toMatchObject({
      caseId: firm.caseId,
      title: '提供借条原件',
      assigneeId: clientId,
      assigneeName: '李女士',
      assignedByName: '张律师',
      status: 'open',
      overdue: false,
      steps: [],
      statementItem: null,
    });
    expect(assigned.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(assigned.chain?.seq).toBeGreaterThan(0);

    // The client sees it too, in their list.
    const mine = await h.ok(firm.client, 'task.list', { caseId: firm.caseId });
    expect(mine.tasks.map((t) => t.id)).toEqual([assigned.id]);

    h.advance(60_000);
    const done = await h.ok(firm.client, 'task.complete', {
      taskId: assigned.id,
      note: '已拍照上传，原件周五寄出。',
    });
    expect(done.status).toBe('submitted');
    expect(done.steps).toEqual([
      expect.objectContaining({ act: 'done', text: '已拍照上传，原件周五寄出。', byName: '李女士' }),
    ]);

    h.advance(60_000);
    const returned = await h.ok(firm.lawyer, 'task.review', {
      taskId: assigned.id,
      decision: 'return',
      reason: '照片看不清借款金额，请重新拍摄。',
    });
    expect(returned.status).toBe('returned');
    expect(returned.steps.map((s) => [s.act, s.text])).toEqual([
      ['done', '已拍照上传，原件周五寄出。'],
      ['return', '照片看不清借款金额，请重新拍摄。'],
    ]);
    // The client reads the reason on their side.
    expect((await h.ok(firm.client, 'task.get', { taskId: assigned.id })).steps[1]).toMatchObject({
      act: 'return',
      text: '照片看不清借款金额，请重新拍摄。',
      byName: '张律师',
    });

    h.advance(60_000);
    const again = await h.ok(firm.client, 'task.complete', { taskId: assigned.id, note: null });
    expect(again.status).toBe('submitted');
    // Steps recorded in the same millisecond still come in the order they happened (chain order).
    const accepted = await h.ok(firm.lawyer, 'task.review', {
      taskId: assigned.id,
      decision: 'accept',
      reason: null,
    });
    expect(accepted.status).toBe('accepted');
    expect(accepted.steps.map((s) => s.act)).toEqual(['done', 'return', 'done', 'accept']);
    const seqs = accepted.steps.map((s) => s.chain?.seq ?? 0);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    for (const s of accepted.steps) expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await taskEvents()).toEqual([
      'task.assigned',
      'task.completed',
      'task.returned',
      'task.completed',
      'task.accepted',
    ]);
    // Each step is a reply record whose parent is the task.
    const replies = await h.db
      .selectFrom('records')
      .select(['kind', 'parent_id'])
      .where('parent_id', '=', assigned.id)
      .execute();
    expect(replies).toHaveLength(4);
    expect(replies.every((r) => r.kind === 'reply')).toBe(true);

    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);

    // Nothing more to do on an accepted task, on either side.
    await expectRejected(
      firm.client,
      'task.complete',
      { taskId: assigned.id, note: null },
      'TASK.WRONG_STATE',
    );
    await expectRejected(
      firm.lawyer,
      'task.review',
      { taskId: assigned.id, decision: 'accept', reason: null },
      'TASK.WRONG_STATE',
    );
  });

  it('links a statement 需要您配合 item as it read, and keeps promise-guard warnings with the version', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const item = statement.current!.content.sections.youMust[0];
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '提供借条原件，我保证一定能胜诉',
      statementItem: { statementId: statement.id, itemId: item.id },
    });
    expect(task.statementItem).toEqual({
      statementId: statement.id,
      itemId: item.id,
      text: item.text,
      versionNo: 1,
    });
    const version = await h.db
      .selectFrom('record_versions')
      .select('promise_warnings')
      .where('record_id', '=', task.id)
      .executeTakeFirstOrThrow();
    const warnings = JSON.parse(version.promise_warnings) as { path: string }[];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0].path).toBe('title');
  });

  it('marks a task overdue after its Shanghai due date while the client has not done it', async () => {
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId, { dueDate: shanghaiDayAfter(h, 0) });
    expect(task.overdue).toBe(false);
    h.advance(DAY);
    expect((await h.ok(firm.client, 'task.get', { taskId: task.id })).overdue).toBe(true);
    const done = await h.ok(firm.client, 'task.complete', { taskId: task.id, note: null });
    expect(done).toMatchObject({ status: 'submitted', overdue: false });
  });

  it('lists unfinished tasks first by due date, then accepted ones; clients see only theirs', async () => {
    const secondId = await addSecondClient();
    const late = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '晚',
      dueDate: shanghaiDayAfter(h, 9),
    });
    const early = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '早',
      dueDate: shanghaiDayAfter(h, 2),
    });
    const finished = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '完',
      dueDate: shanghaiDayAfter(h, 1),
    });
    const others = await assignTask(h, firm.lawyer, firm.caseId, secondId, {
      title: '他人',
      dueDate: shanghaiDayAfter(h, 3),
    });
    await h.ok(firm.client, 'task.complete', { taskId: finished.id, note: null });
    await h.ok(firm.lawyer, 'task.review', { taskId: finished.id, decision: 'accept', reason: null });

    const ids = (tasks: ClientTask[]) => tasks.map((t) => t.id);
    const lawyerList = await h.ok(firm.lawyer, 'task.list', { caseId: firm.caseId });
    expect(ids(lawyerList.tasks)).toEqual([early.id, others.id, late.id, finished.id]);
    const clientList = await h.ok(firm.client, 'task.list', { caseId: firm.caseId });
    expect(ids(clientList.tasks)).toEqual([early.id, late.id, finished.id]);
    expect(ids((await h.ok(SECOND_CLIENT, 'task.list', { caseId: firm.caseId })).tasks)).toEqual([others.id]);
    expect((await h.err(SECOND_CLIENT, 'task.get', { taskId: early.id })).code).toBe('NOT_FOUND');

    // A constant number of queries, whatever the number of tasks and steps.
    h.resetQueries();
    await h.ok(firm.lawyer, 'task.list', { caseId: firm.caseId });
    const few = h.queries();
    for (let i = 0; i < 5; i++) {
      const t = await assignTask(h, firm.lawyer, firm.caseId, clientId);
      await h.ok(firm.client, 'task.complete', { taskId: t.id, note: '好' });
    }
    h.resetQueries();
    expect((await h.ok(firm.lawyer, 'task.list', { caseId: firm.caseId })).tasks).toHaveLength(9);
    expect(h.queries()).toBe(few);
  });

  it('lets two concurrent reviews of one submission record only one step', async () => {
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId);
    await h.ok(firm.client, 'task.complete', { taskId: task.id, note: null });
    const answers = await Promise.all([
      h.call(firm.lawyer, 'task.review', { taskId: task.id, decision: 'accept', reason: null }),
      h.call(firm.lawyer, 'task.review', { taskId: task.id, decision: 'return', reason: '再补一份' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['TASK.WRONG_STATE']);
    const after = await h.ok(firm.lawyer, 'task.get', { taskId: task.id });
    expect(after.steps).toHaveLength(2);
    expect((await verifyCase(h.db, firm.caseId)).findings).toEqual([]);
  });
});

describe('bad input: a typed error, nothing changed', () => {
  it('refuses a due date in the past by the Shanghai date', async () => {
    // 2026-11-27T17:00Z is already 2026-11-28 01:00 in Shanghai: the 27th is past there.
    h.advance(Date.parse('2026-11-27T17:00:00.000Z') - h.now().getTime());
    const error = await expectRejected(
      firm.lawyer,
      'task.assign',
      { caseId: firm.caseId, title: '提供材料', details: null, dueDate: '2026-11-27', assigneeId: clientId },
      'DATE.IN_PAST',
    );
    expect(error.issues?.[0].path).toBe('dueDate');
    // The Shanghai today is fine.
    await assignTask(h, firm.lawyer, firm.caseId, clientId, { dueDate: '2026-11-28' });
  });

  it('refuses a task completed by another client of the case, and the lawyer completing it', async () => {
    await addSecondClient();
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId);
    await expectRejected(
      SECOND_CLIENT,
      'task.complete',
      { taskId: task.id, note: '我来' },
      'TASK.NOT_ASSIGNEE',
    );
    await expectRejected(firm.lawyer, 'task.complete', { taskId: task.id, note: null }, 'FORBIDDEN');
    // And a client cannot review or assign.
    await expectRejected(
      firm.client,
      'task.review',
      { taskId: task.id, decision: 'accept', reason: null },
      'FORBIDDEN',
    );
  });

  it('refuses returning without a reason, and reviewing a task that is not submitted', async () => {
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId);
    await expectRejected(
      firm.lawyer,
      'task.review',
      { taskId: task.id, decision: 'accept', reason: null },
      'TASK.WRONG_STATE',
    );
    await h.ok(firm.client, 'task.complete', { taskId: task.id, note: null });
    for (const reason of [null, '', '   '])
      await expectRejected(
        firm.lawyer,
        'task.review',
        { taskId: task.id, decision: 'return', reason },
        'TASK.REASON_REQUIRED',
      );
    await expectRejected(firm.client, 'task.complete', { taskId: task.id, note: null }, 'TASK.WRONG_STATE');
  });

  it('refuses assigning to the lawyer, or to someone not in the case', async () => {
    const lawyerId = await userIdOf(h, firm.lawyer);
    await expectRejected(
      firm.lawyer,
      'task.assign',
      { caseId: firm.caseId, title: '提供材料', dueDate: shanghaiDayAfter(h, 3), assigneeId: lawyerId },
      'TASK.ASSIGNEE_NOT_CLIENT',
    );
    const other = await setUpFirm(h, '-other');
    const outsiderId = await userIdOf(h, other.client);
    await expectRejected(
      firm.lawyer,
      'task.assign',
      { caseId: firm.caseId, title: '提供材料', dueDate: shanghaiDayAfter(h, 3), assigneeId: outsiderId },
      'TASK.ASSIGNEE_NOT_CLIENT',
    );
  });

  it('refuses linking an item that is not a 需要您配合 item of a statement of this case', async () => {
    const statement = await publishStatement(h, firm.lawyer, firm.caseId);
    const sections = statement.current!.content.sections;
    const base = {
      caseId: firm.caseId,
      title: '提供材料',
      dueDate: shanghaiDayAfter(h, 3),
      assigneeId: clientId,
    };
    for (const statementItem of [
      { statementId: statement.id, itemId: sections.weWill[0].id },
      { statementId: statement.id, itemId: 'i-not-there' },
    ])
      await expectRejected(
        firm.lawyer,
        'task.assign',
        { ...base, statementItem },
        'TASK.STATEMENT_ITEM_NOT_FOUND',
      );
    // A statement of another case.
    const other = await setUpFirm(h, '-other');
    const foreign = await publishStatement(h, other.lawyer, other.caseId);
    await expectRejected(
      firm.lawyer,
      'task.assign',
      {
        ...base,
        statementItem: { statementId: foreign.id, itemId: foreign.current!.content.sections.youMust[0].id },
      },
      'TASK.STATEMENT_ITEM_NOT_FOUND',
    );
    // A statement not yet published has no items to carry out.
    const draft = await h.ok(firm.lawyer, 'statement.createDraft', {
      caseId: firm.caseId,
      templateKey: null,
    });
    await expectRejected(
      firm.lawyer,
      'task.assign',
      { ...base, statementItem: { statementId: draft.id, itemId: 'i-any' } },
      'TASK.STATEMENT_ITEM_NOT_FOUND',
    );
  });

  it('refuses an oversized title, details or note', async () => {
    const base = { caseId: firm.caseId, dueDate: shanghaiDayAfter(h, 3), assigneeId: clientId };
    const error = await expectRejected(
      firm.lawyer,
      'task.assign',
      { ...base, title: '材'.repeat(TASK_LIMITS.title + 1) },
      'INVALID_ARGUMENT',
    );
    expect(error.issues?.[0]).toEqual({ path: 'title', message: `不能超过 ${TASK_LIMITS.title} 个字` });
    await expectRejected(
      firm.lawyer,
      'task.assign',
      { ...base, title: '材料', details: '详'.repeat(TASK_LIMITS.details + 1) },
      'INVALID_ARGUMENT',
    );
    await expectRejected(
      firm.lawyer,
      'task.assign',
      { ...base, title: '材料', dueDate: '2026-02-30' },
      'INVALID_ARGUMENT',
    );
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '材'.repeat(TASK_LIMITS.title),
    });
    await expectRejected(
      firm.client,
      'task.complete',
      { taskId: task.id, note: '注'.repeat(TASK_LIMITS.note + 1) },
      'INVALID_ARGUMENT',
    );
  });

  it('answers NOT_FOUND for a task of a case the caller is not in', async () => {
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId);
    const other = await setUpFirm(h, '-other');
    await expectRejected(other.lawyer, 'task.get', { taskId: task.id }, 'NOT_FOUND');
    await expectRejected(other.client, 'task.complete', { taskId: task.id, note: null }, 'NOT_FOUND');
  });
});
