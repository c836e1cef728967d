import { notify } from '../notifications/notices.store';
import { apiError } from '../../contract/errors';
import { promiseWarnings } from '../../contract/promise-guard';
import type { StatementContent, StatementItem } from '../../contract/statements';
import { caseContext, type ActionContext, type ActionHandler, type CaseContext } from '../core/action';
import { readCursor } from '../core/paging';
import { fail, ok } from '../core/result';
import { appendCaseEvent, type CaseEventType } from '../events/event-log.store';
import { findMembership } from '../cases/cases.store';
import { canonicalJson, newId, randomSecret, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import type { RowCommitment } from '../evidence/evidence-tables';
import { insertCommitted } from '../evidence/evidence.store';
import { decidePublish, decideResponse, respondsToRecords, seesUnpublished } from '../records/records.rules';
import {
  createRecord,
  deleteDraft,
  findRecord,
  findResponse,
  loadDrafts,
  loadVersion,
  publishVersion,
  recordResponse,
  recordView,
  saveDraft,
  type Actor,
  recordTitle,
} from '../records/records.store';
import { reminderDelivery } from '../notifications/notifications.store';
import { clientIdsOf, lawyerIdsOf } from '../notifications/recipients';
import {
  allItems,
  decideReminder,
  statementContentKey,
  statementEvidence,
  statementPromiseWarnings,
  uncheckedItems,
  withItemIds,
} from './statements.rules';
import {
  caseOfQuestion,
  caseOfStatement,
  findQuestion,
  getStatementDetail,
  lastRemindersAt,
  listQuestions,
  listStatementSummaries,
  toReceipt,
} from './statements.store';
import { findTemplate, loadStatementTemplates } from './statement-templates';

const byStatement = (db: Db, input: { statementId: string }) => caseOfStatement(db, input.statementId);
const newItemId = () => `i-${randomSecret(6).toString('base64url')}`;
const EMPTY_SECTIONS = { worstCase: [], weWill: [], weCannot: [], youMust: [] };

const actorOf = (ctx: CaseContext): Actor => ({
  userId: ctx.caller.user.id,
  name: ctx.caller.user.displayName,
  role: ctx.membership.role,
});

function event(
  ctx: ActionContext & { membership: { caseId: string } },
  type: CaseEventType,
  payload: object,
  commits?: RowCommitment[],
) {
  return appendCaseEvent(ctx.db, {
    caseId: ctx.membership.caseId,
    at: ctx.now,
    actorId: ctx.caller.user?.id ?? '',
    type,
    payload: payload as Record<string, unknown>,
    commits,
  });
}

/** The event of a row the statement's people write directly (questions, answers), committing to it. */
function committedEvent<T extends 'record_questions' | 'record_answers'>(
  ctx: ActionContext & { membership: { caseId: string } },
  table: T,
  row: Parameters<typeof insertCommitted<T>>[2],
  type: CaseEventType,
  payload: object,
) {
  return insertCommitted(ctx.db, table, row, {
    caseId: ctx.membership.caseId,
    at: ctx.now,
    actorId: ctx.caller.user?.id ?? '',
    type,
    payload: payload as Record<string, unknown>,
  });
}

export const statementTemplates: ActionHandler<'statement.templates'> = {
  access: { kind: 'lawyer' },
  async run() {
    return ok({ templates: await loadStatementTemplates() });
  },
};

/** A template item as the start of a draft item: its text and legal basis, without the template's id. */
const startingItem = (item: StatementItem) => ({ text: item.text, basis: item.basis });

export const statementCreateDraft: ActionHandler<'statement.createDraft'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const template = input.templateKey ? await findTemplate(input.templateKey) : undefined;
    if (input.templateKey && !template) return fail('STATEMENT.TEMPLATE_NOT_FOUND');
    const statementId = newId();
    // Items copied from a template get ids of their own: the template is a starting text, not a record.
    const content = withItemIds(
      template
        ? {
            ...template.content,
            sections: {
              worstCase: template.content.sections.worstCase.map(startingItem),
              weWill: template.content.sections.weWill.map(startingItem),
              weCannot: template.content.sections.weCannot.map(startingItem),
              youMust: template.content.sections.youMust.map(startingItem),
            },
          }
        : { title: '预期与风险告知书', intro: null, sections: EMPTY_SECTIONS },
      newItemId,
    );
    const recordCommit = await createRecord(ctx.db, {
      id: statementId,
      caseId: ctx.membership.caseId,
      kind: 'statement',
      createdBy: ctx.caller.user.id,
      now: ctx.now,
    });
    await saveDraft(ctx.db, statementId, content, ctx.caller.user.id, ctx.now);
    await event(ctx, 'statement.drafted', { statementId, template: template?.key ?? null }, [recordCommit]);
    return ok(
      await getStatementDetail(ctx.db, statementId, { userId: ctx.caller.user.id, role: 'lawyer' }, ctx.now),
    );
  },
};

export const statementSaveDraft: ActionHandler<'statement.saveDraft'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const content = withItemIds(input.content, newItemId);
    await saveDraft(ctx.db, input.statementId, content, ctx.caller.user.id, ctx.now);
    // Drafts are working copies, but the chain still records that one was saved and what it hashed to.
    await event(ctx, 'statement.draftSaved', {
      statementId: input.statementId,
      draftHash: sha256Hex(canonicalJson(content)),
    });
    return ok(
      await getStatementDetail(
        ctx.db,
        input.statementId,
        { userId: ctx.caller.user.id, role: 'lawyer' },
        ctx.now,
      ),
    );
  },
};

export const statementPublish: ActionHandler<'statement.publish'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const draft = (await loadDrafts<StatementContent>(ctx.db, [input.statementId])).get(input.statementId);
    if (!draft) return fail('STATEMENT.NO_DRAFT');
    if (allItems(draft.content).length === 0) return fail('STATEMENT.NO_ITEMS');
    const record = await findRecord(ctx.db, input.statementId);
    const latest = record.currentVersionNo
      ? await loadVersion<StatementContent>(ctx.db, record.id, record.currentVersionNo)
      : null;
    const note = input.changeNote ?? null;
    const decision = decidePublish({
      latest: latest && { versionNo: latest.versionNo, contentKey: statementContentKey(latest.content) },
      next: { contentKey: statementContentKey(draft.content), note },
    });
    if (!decision.ok) {
      return decision.reason === 'NOTE_REQUIRED'
        ? fail('STATEMENT.CHANGE_NOTE_REQUIRED', [{ path: 'changeNote', message: '请填写修改说明' }])
        : fail('STATEMENT.NOTHING_CHANGED');
    }
    const promiseWarnings = statementPromiseWarnings(draft.content);
    await publishVersion(ctx.db, {
      record,
      versionNo: decision.versionNo,
      content: draft.content,
      evidence: statementEvidence(draft.content, {
        caseId: record.caseId,
        statementId: record.id,
        versionNo: decision.versionNo,
        changeNote: note,
      }),
      title: draft.content.title,
      note,
      promiseWarnings,
      author: actorOf(ctx),
      now: ctx.now,
      event: { type: 'statement.published', payload: { promiseWarnings } },
      countsAsUnread: false,
    });
    await deleteDraft(ctx.db, input.statementId);
    await notify(ctx, {
      kind: 'statement.published',
      caseId: record.caseId,
      recipients: await clientIdsOf(ctx.db, record.caseId),
      recordId: record.id,
      title: draft.content.title,
    });
    return ok(
      await getStatementDetail(
        ctx.db,
        input.statementId,
        { userId: ctx.caller.user.id, role: 'lawyer' },
        ctx.now,
      ),
    );
  },
};

export const statementList: ActionHandler<'statement.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    return ok(
      await listStatementSummaries(
        ctx.db,
        ctx.caller.user.id,
        { caseId: ctx.membership.caseId },
        { after: after.data, limit: input.limit },
      ),
    );
  },
};

export const statementGet: ActionHandler<'statement.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const record = await findRecord(ctx.db, input.statementId);
    // Before it is published a statement is the lawyers' working copy: to anyone else it does not exist yet.
    if (!record.currentVersionId && !seesUnpublished(ctx.membership.role)) return fail('NOT_FOUND');
    return ok(
      await getStatementDetail(
        ctx.db,
        input.statementId,
        { userId: ctx.caller.user.id, role: ctx.membership.role },
        ctx.now,
      ),
    );
  },
};

export const statementMarkViewed: ActionHandler<'statement.markViewed'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const record = await findRecord(ctx.db, input.statementId);
    const version = await loadVersion<StatementContent>(ctx.db, input.statementId, input.versionNo);
    if (!version) return fail('STATEMENT.NOT_PUBLISHED');
    const view = await recordView(ctx.db, {
      record,
      version,
      isCurrent: version.id === record.currentVersionId,
      viewer: actorOf(ctx),
      evidence: { now: ctx.now, requestId: ctx.requestId, client: ctx.client, sourceIp: ctx.sourceIp },
      eventType: 'statement.viewed',
      countsAsUnread: false,
    });
    return ok({ versionNo: version.versionNo, viewedAt: view.viewedAt, chain: view.chain });
  },
};

export const statementAcknowledge: ActionHandler<'statement.acknowledge'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const record = await findRecord(ctx.db, input.statementId);
    const existing = record.currentVersionId
      ? await findResponse(ctx.db, record.currentVersionId, ctx.caller.user.id)
      : null;
    const decision = decideResponse({
      role: ctx.membership.role,
      currentVersionNo: record.currentVersionNo,
      versionNo: input.versionNo,
      existing: existing?.kind ?? null,
      kind: 'acknowledged',
      reason: null,
    });
    if (!decision.ok) {
      switch (decision.reason) {
        case 'ALREADY':
          return ok(toReceipt(existing!));
        case 'SUPERSEDED':
          return {
            ok: false,
            error: apiError(
              'STATEMENT.SUPERSEDED',
              [{ path: 'versionNo', message: `最新版本为第 ${decision.currentVersionNo} 版` }],
              `该告知书已修订至第 ${decision.currentVersionNo} 版，请查看最新版本后再提交知悉回执`,
            ),
          };
        case 'NOT_PUBLISHED':
          return fail('STATEMENT.NOT_PUBLISHED');
        case 'ROLE':
        case 'REASON_REQUIRED':
          return fail('FORBIDDEN');
      }
    }
    const version = await loadVersion<StatementContent>(ctx.db, record.id, record.currentVersionNo);
    if (!version) throw new Error('the current version must exist');
    const missing = uncheckedItems(version.content, input.itemIds);
    if (missing.length > 0) {
      return fail(
        'STATEMENT.ITEMS_UNCHECKED',
        missing.map((id) => ({ path: `itemIds.${id}`, message: '尚未勾选此条' })),
      );
    }
    const { response } = await recordResponse(ctx.db, {
      record,
      version,
      responder: actorOf(ctx),
      kind: 'acknowledged',
      reason: null,
      evidence: { now: ctx.now, requestId: ctx.requestId, client: ctx.client, sourceIp: ctx.sourceIp },
      eventType: 'statement.acknowledged',
    });
    return ok(toReceipt(response));
  },
};

export const statementAsk: ActionHandler<'statement.ask'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const version = await loadVersion<StatementContent>(ctx.db, input.statementId, input.versionNo);
    if (!version) return fail('STATEMENT.NOT_PUBLISHED');
    const item = allItems(version.content).find((i) => i.id === input.itemId);
    if (!item) return fail('STATEMENT.ITEM_NOT_FOUND', [{ path: 'itemId', message: '条目不存在' }]);
    const id = newId();
    const row = {
      id,
      record_id: input.statementId,
      version_id: version.id,
      version_no: version.versionNo,
      item_id: item.id,
      item_text: item.text,
      asked_by: ctx.caller.user.id,
      asked_by_name: ctx.caller.user.displayName,
      question: input.question,
      asked_at: ctx.now,
    };
    await committedEvent(ctx, 'record_questions', row, 'statement.question.asked', {
      statementId: input.statementId,
      questionId: id,
      versionNo: version.versionNo,
      itemId: item.id,
    });
    await notify(ctx, {
      kind: 'question.asked',
      caseId: ctx.membership.caseId,
      recipients: await lawyerIdsOf(ctx.db, ctx.membership.caseId),
      recordId: input.statementId,
      title: version.title,
    });
    const [question] = await listQuestions(ctx.db, input.statementId, id);
    return ok(question);
  },
};

export const statementAnswer: ActionHandler<'statement.answer'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: (db, input) => caseOfQuestion(db, input.questionId) },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const question = await findQuestion(ctx.db, input.questionId);
    if (!question) return fail('NOT_FOUND');
    if (question.answered) return fail('STATEMENT.QUESTION_ANSWERED');
    // An answer reaches the client like an update does: the warnings the lawyer sent it despite are kept with it.
    const warnings = promiseWarnings([{ path: 'answer', text: input.answer }]);
    const row = {
      question_id: input.questionId,
      record_id: question.record_id,
      answer: input.answer,
      answered_by: ctx.caller.user.id,
      answered_by_name: ctx.caller.user.displayName,
      answered_at: ctx.now,
      promise_warnings: JSON.stringify(warnings),
    };
    await committedEvent(ctx, 'record_answers', row, 'statement.question.answered', {
      statementId: question.record_id,
      questionId: input.questionId,
      promiseWarnings: warnings,
    });
    await notify(ctx, {
      kind: 'question.answered',
      caseId: ctx.membership.caseId,
      recipients: [question.asked_by],
      recordId: question.record_id,
      title: await recordTitle(ctx.db, question.record_id),
    });
    const [result] = await listQuestions(ctx.db, question.record_id, input.questionId);
    return ok(result);
  },
};

export const statementRemind: ActionHandler<'statement.remind'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const role = await findMembership(ctx.db, ctx.membership.caseId, input.clientUserId);
    if (!role || !respondsToRecords(role)) return fail('NOT_FOUND');
    const record = await findRecord(ctx.db, input.statementId);
    if (!record.currentVersionId) return fail('STATEMENT.NOT_PUBLISHED');
    const response = await findResponse(ctx.db, record.currentVersionId, input.clientUserId);
    if (response?.kind === 'acknowledged') return fail('STATEMENT.ALREADY_ACKNOWLEDGED');
    const reminders = await lastRemindersAt(ctx.db, input.statementId, [input.clientUserId]);
    const decision = decideReminder({
      now: ctx.now,
      lastRemindedAt: reminders.get(input.clientUserId) ?? null,
    });
    if (!decision.allowed) return fail('STATEMENT.REMINDED_RECENTLY');
    const [outboxId] = await notify(ctx, {
      kind: 'statement.reminder',
      caseId: ctx.membership.caseId,
      recipients: [input.clientUserId],
      recordId: input.statementId,
      title: await recordTitle(ctx.db, input.statementId),
    });
    await event(ctx, 'statement.reminder.queued', {
      statementId: input.statementId,
      outboxId,
      clientUserId: input.clientUserId,
    });
    return ok({
      outboxId,
      queuedAt: ctx.now,
      nextAllowedAt: decision.nextAllowedAt,
      delivery: await reminderDelivery(ctx, input.clientUserId, outboxId),
    });
  },
};

export const statementMine: ActionHandler<'statement.mine'> = {
  access: { kind: 'anyone' },
  async run(ctx, input) {
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    if (!ctx.caller.user) return ok({ pending: [], acknowledged: [], nextCursor: null });
    const page = await listStatementSummaries(
      ctx.db,
      ctx.caller.user.id,
      { clientOfAnyCase: true },
      { after: after.data, limit: input.limit },
    );
    return ok({
      pending: page.statements.filter((s) => s.myState !== 'acknowledged'),
      acknowledged: page.statements.filter((s) => s.myState === 'acknowledged'),
      nextCursor: page.nextCursor,
    });
  },
};
