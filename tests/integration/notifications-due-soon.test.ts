import { queueDueSoonTasks } from '../../server/notifications/due-soon';
import { openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';
import { assignTask, shanghaiDayAfter, userIdOf } from '../fixtures/tasks';

let h: Harness;
let firm: Firm;
let clientId: string;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
  clientId = await userIdOf(h, firm.client);
});
afterEach(() => h.close());

const dueSoonRows = () =>
  h.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('kind', '=', 'task.dueSoon')
    .orderBy('subject_id')
    .execute();

const tick = () => queueDueSoonTasks(h.db, h.now().toISOString(), 'demo');

describe('queueDueSoonTasks', () => {
  it('queues one notice per waiting task due today or tomorrow, once per due date', async () => {
    const tomorrow = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '明天到期',
      dueDate: shanghaiDayAfter(h, 1),
    });
    const today = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      title: '今天到期',
      dueDate: shanghaiDayAfter(h, 0),
    });
    await assignTask(h, firm.lawyer, firm.caseId, clientId, { dueDate: shanghaiDayAfter(h, 2) });
    const submitted = await assignTask(h, firm.lawyer, firm.caseId, clientId, {
      dueDate: shanghaiDayAfter(h, 1),
    });
    await h.ok(firm.client, 'task.complete', { taskId: submitted.id, note: null });
    const lawyerId = await userIdOf(h, firm.lawyer);

    const { unseen_notices: before } = await h.db
      .selectFrom('member_case_state')
      .select('unseen_notices')
      .where('user_id', '=', clientId)
      .where('case_id', '=', firm.caseId)
      .executeTakeFirstOrThrow();

    h.resetQueries();
    expect(await tick()).toBe(2);
    const rows = await dueSoonRows();
    expect(rows.map((r) => r.subject_id).sort()).toEqual([tomorrow.id, today.id].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ recipient_user_id: clientId, created_by: lawyerId, status: 'pending' });
      expect(JSON.parse(r.payload).dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const { unseen_notices: after } = await h.db
      .selectFrom('member_case_state')
      .select('unseen_notices')
      .where('user_id', '=', clientId)
      .where('case_id', '=', firm.caseId)
      .executeTakeFirstOrThrow();
    expect(Number(after)).toBe(Number(before) + 2);

    // Every later tick: nothing again, in one query.
    h.resetQueries();
    expect(await tick()).toBe(0);
    expect(h.queries()).toBe(1);
    h.advance(3600_000);
    expect(await tick()).toBe(0);
    expect(await dueSoonRows()).toHaveLength(2);
  });

  it('notifies a task returned to its client, not one submitted or accepted', async () => {
    const task = await assignTask(h, firm.lawyer, firm.caseId, clientId, { dueDate: shanghaiDayAfter(h, 1) });
    await h.ok(firm.client, 'task.complete', { taskId: task.id, note: null });
    expect(await tick()).toBe(0);
    await h.ok(firm.lawyer, 'task.review', { taskId: task.id, decision: 'return', reason: '照片不清楚' });
    expect(await tick()).toBe(1);
    await h.ok(firm.client, 'task.complete', { taskId: task.id, note: null });
    await h.ok(firm.lawyer, 'task.review', { taskId: task.id, decision: 'accept', reason: null });
    expect(await tick()).toBe(0);
  });

  it('queues inApp items when delivery is off', async () => {
    await assignTask(h, firm.lawyer, firm.caseId, clientId, { dueDate: shanghaiDayAfter(h, 0) });
    expect(await queueDueSoonTasks(h.db, h.now().toISOString(), 'off')).toBe(1);
    expect((await dueSoonRows()).map((r) => r.status)).toEqual(['inApp']);
  });
});
