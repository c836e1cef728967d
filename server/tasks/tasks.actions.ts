import { shanghaiDate } from '../../contract/office-hours';
import { readCursor } from '../core/paging';
import { promiseWarnings } from '../../contract/promise-guard';
import type { StatementContent } from '../../contract/statements';
import type { ClientTask } from '../../contract/tasks';
import { caseContext, type ActionHandler, type CaseContext } from '../core/action';
import { fail, ok, type Result } from '../core/result';
import { touchCase } from '../cases/cases.store';
import { lockCaseChain, type CaseEventType } from '../events/event-log.store';
import { notify } from '../notifications/notices.store';
import { lawyerIdsOf } from '../notifications/recipients';
import type { Db } from '../platform/migrate';
import type { StoredReplyContent, StoredTaskContent } from '../records/record-kinds';
import { seesOthersEvidence } from '../records/records.rules';
import {
  caseOfRecord,
  findRecord,
  loadVersion,
  publishNewRecord,
  type Actor,
} from '../records/records.store';
import { decideComplete, decideReview, dueDateAllowed, type TaskAct } from './tasks.rules';
import { caseOfTask, findClientOfCase, loadTaskPage, loadTasks } from './tasks.store';

const byTask = (db: Db, input: { taskId: string }) => caseOfTask(db, input.taskId);

const actorOf = (ctx: CaseContext): Actor => ({
  userId: ctx.caller.user.id,
  name: ctx.caller.user.displayName,
  role: ctx.membership.role,
});

/** The task as the caller sees it (NOT_FOUND for a client it was not assigned to). */
async function taskAsSeenBy(ctx: CaseContext, taskId: string): Promise<ClientTask | null> {
  const [task] = await loadTasks(
    ctx.db,
    { taskId },
    { userId: ctx.caller.user.id, seesAll: seesOthersEvidence(ctx.membership.role) },
    ctx.now,
  );
  return task ?? null;
}

async function answer(ctx: CaseContext, taskId: string): Promise<Result<ClientTask>> {
  const task = await taskAsSeenBy(ctx, taskId);
  if (!task) throw new Error('a task just written must be readable by its writer');
  return ok(task);
}

/** The 需要您配合 item of the statement's current version, as it reads now; null when there is none such. */
async function youMustItem(ctx: CaseContext, statementId: string, itemId: string) {
  if ((await caseOfRecord(ctx.db, statementId, 'statement')) !== ctx.membership.caseId) return null;
  const record = await findRecord(ctx.db, statementId);
  if (!record.currentVersionNo) return null;
  const version = await loadVersion<StatementContent>(ctx.db, statementId, record.currentVersionNo);
  const item = version?.content.sections.youMust.find((i) => i.id === itemId);
  return version && item ? { statementId, itemId, text: item.text, versionNo: version.versionNo } : null;
}

export const taskAssign: ActionHandler<'task.assign'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    if (!dueDateAllowed(input.dueDate, shanghaiDate(ctx.now)))
      return fail('DATE.IN_PAST', [{ path: 'dueDate', message: '截止日期不能早于今天' }]);
    const assignee = await findClientOfCase(ctx.db, caseId, input.assigneeId);
    if (!assignee)
      return fail('TASK.ASSIGNEE_NOT_CLIENT', [{ path: 'assigneeId', message: '只能指派给本案的客户' }]);
    let statementItem: StoredTaskContent['statementItem'] = null;
    if (input.statementItem) {
      statementItem = await youMustItem(ctx, input.statementItem.statementId, input.statementItem.itemId);
      if (!statementItem)
        return fail('TASK.STATEMENT_ITEM_NOT_FOUND', [
          { path: 'statementItem.itemId', message: '所选条目不是该告知书现行版本中「需要您配合」的条目' },
        ]);
    }
    const content: StoredTaskContent = {
      title: input.title,
      details: input.details,
      dueDate: input.dueDate,
      assigneeId: assignee.userId,
      assigneeName: assignee.name,
      statementItem,
    };
    // What the lawyer asks of the client reaches them like an update: the warnings it was sent despite are kept.
    const warnings = promiseWarnings([
      { path: 'title', text: content.title },
      ...(content.details ? [{ path: 'details', text: content.details }] : []),
    ]);
    const taskId = await publishNewRecord(ctx.db, {
      kind: 'task',
      caseId,
      content,
      promiseWarnings: warnings,
      author: actorOf(ctx),
      now: ctx.now,
      event: {
        type: 'task.assigned',
        payload: { assigneeId: assignee.userId, dueDate: content.dueDate, promiseWarnings: warnings },
      },
    });
    await touchCase(ctx.db, caseId, ctx.now);
    await notify(ctx, {
      kind: 'task.assigned',
      caseId,
      recipients: [assignee.userId],
      recordId: taskId,
      title: content.title,
    });
    return answer(ctx, taskId);
  },
};

/** Appends a step to a task: a reply record whose parent is the task, one version, its own event. */
async function appendStep(
  ctx: CaseContext,
  taskId: string,
  step: { act: TaskAct; text: string | null; eventType: CaseEventType },
) {
  const caseId = ctx.membership.caseId;
  const content: StoredReplyContent = { parentId: taskId, act: step.act, text: step.text, dueBy: null };
  // The lawyer's reason reaches the client: checked like everything else a lawyer writes to them.
  const warnings =
    step.act !== 'done' && step.text ? promiseWarnings([{ path: 'reason', text: step.text }]) : [];
  await publishNewRecord(ctx.db, {
    kind: 'reply',
    caseId,
    parentId: taskId,
    content,
    promiseWarnings: warnings,
    author: actorOf(ctx),
    now: ctx.now,
    event: { type: step.eventType, payload: { taskId, act: step.act, promiseWarnings: warnings } },
  });
  await touchCase(ctx.db, caseId, ctx.now);
}

export const taskComplete: ActionHandler<'task.complete'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byTask },
  async run(raw, input) {
    const ctx = caseContext(raw);
    // Under the case's lock: a concurrent step waits, then reads the state this one leaves.
    await lockCaseChain(ctx.db, ctx.membership.caseId);
    const [task] = await loadTasks(ctx.db, { taskId: input.taskId }, { userId: '', seesAll: true }, ctx.now);
    if (!task) return fail('NOT_FOUND');
    const decision = decideComplete({
      status: task.status,
      isAssignee: task.assigneeId === ctx.caller.user.id,
    });
    if (!decision.ok)
      return fail(decision.reason === 'NOT_ASSIGNEE' ? 'TASK.NOT_ASSIGNEE' : 'TASK.WRONG_STATE');
    await appendStep(ctx, task.id, { act: 'done', text: input.note, eventType: 'task.completed' });
    await notify(ctx, {
      kind: 'task.completed',
      caseId: task.caseId,
      recipients: await lawyerIdsOf(ctx.db, task.caseId),
      recordId: task.id,
      title: task.title,
    });
    return answer(ctx, task.id);
  },
};

export const taskReview: ActionHandler<'task.review'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byTask },
  async run(raw, input) {
    const ctx = caseContext(raw);
    await lockCaseChain(ctx.db, ctx.membership.caseId);
    const task = await taskAsSeenBy(ctx, input.taskId);
    if (!task) return fail('NOT_FOUND');
    const decision = decideReview({ status: task.status, decision: input.decision, reason: input.reason });
    if (!decision.ok) {
      return decision.reason === 'REASON_REQUIRED'
        ? fail('TASK.REASON_REQUIRED', [{ path: 'reason', message: '退回时请填写原因' }])
        : fail('TASK.WRONG_STATE');
    }
    await appendStep(ctx, task.id, {
      act: decision.act,
      text: input.reason,
      eventType: decision.act === 'accept' ? 'task.accepted' : 'task.returned',
    });
    await notify(ctx, {
      kind: decision.act === 'accept' ? 'task.accepted' : 'task.returned',
      caseId: task.caseId,
      recipients: [task.assigneeId],
      recordId: task.id,
      title: task.title,
    });
    return answer(ctx, task.id);
  },
};

export const taskGet: ActionHandler<'task.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: byTask },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const task = await taskAsSeenBy(ctx, input.taskId);
    return task ? ok(task) : fail('NOT_FOUND');
  },
};

export const taskList: ActionHandler<'task.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    return ok(
      await loadTaskPage(
        ctx.db,
        ctx.membership.caseId,
        { userId: ctx.caller.user.id, seesAll: seesOthersEvidence(ctx.membership.role) },
        { after: after.data, limit: input.limit },
        ctx.now,
      ),
    );
  },
};
