import { apiError } from '../../contract/errors';
import { caseContext, type ActionContext, type ActionHandler } from '../core/action';
import { fail, ok } from '../core/result';
import { appendCaseEvent, type CaseEventType } from '../events/event-log.store';
import { findMembership } from '../cases/cases.store';
import { canonicalJson, newId, randomSecret, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import { findLawyerProfile } from '../session/users.store';
import {
  allItems,
  decideReminder,
  sameStatementContent,
  uncheckedItems,
  withItemIds,
} from './statements.rules';
import {
  caseOfQuestion,
  caseOfStatement,
  deleteDraft,
  findQuestion,
  findReceipt,
  findStatement,
  getStatementDetail,
  insertAcknowledgment,
  insertStatement,
  insertVersion,
  lastReminderAt,
  listQuestions,
  listStatementSummaries,
  loadDraft,
  loadVersion,
  recordView,
  saveDraft,
} from './statements.store';
import { STATEMENT_TEMPLATES, findTemplate } from './statement-templates';

const byStatement = (db: Db, input: { statementId: string }) => caseOfStatement(db, input.statementId);
const newItemId = () => `i-${randomSecret(6).toString('base64url')}`;
const EMPTY_SECTIONS = { worstCase: [], weWill: [], weCannot: [], youMust: [] };

function event(
  ctx: ActionContext & { membership: { caseId: string } },
  type: CaseEventType,
  payload: object,
) {
  return appendCaseEvent(ctx.db, {
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
    return ok({ templates: STATEMENT_TEMPLATES });
  },
};

export const statementCreateDraft: ActionHandler<'statement.createDraft'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const template = input.templateKey ? findTemplate(input.templateKey) : undefined;
    if (input.templateKey && !template) return fail('STATEMENT.TEMPLATE_NOT_FOUND');
    const statementId = newId();
    // Items copied from a template get ids of their own: the template is a starting text, not a record.
    const content = withItemIds(
      template
        ? {
            ...template.content,
            sections: {
              worstCase: template.content.sections.worstCase.map((i) => ({ text: i.text })),
              weWill: template.content.sections.weWill.map((i) => ({ text: i.text })),
              weCannot: template.content.sections.weCannot.map((i) => ({ text: i.text })),
              youMust: template.content.sections.youMust.map((i) => ({ text: i.text })),
            },
          }
        : { title: '预期与风险告知', intro: null, sections: EMPTY_SECTIONS },
      newItemId,
    );
    await insertStatement(ctx.db, {
      id: statementId,
      caseId: ctx.membership.caseId,
      createdBy: ctx.caller.user.id,
      now: ctx.now,
    });
    await saveDraft(ctx.db, statementId, content, ctx.caller.user.id, ctx.now);
    await event(ctx, 'statement.drafted', { statementId, template: template?.key ?? null });
    return ok(await getStatementDetail(ctx.db, statementId, { userId: ctx.caller.user.id, role: 'lawyer' }));
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
      await getStatementDetail(ctx.db, input.statementId, { userId: ctx.caller.user.id, role: 'lawyer' }),
    );
  },
};

export const statementPublish: ActionHandler<'statement.publish'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const draft = await loadDraft(ctx.db, input.statementId);
    if (!draft) return fail('STATEMENT.NO_DRAFT');
    if (allItems(draft.content).length === 0) return fail('STATEMENT.NO_ITEMS');
    const statement = await findStatement(ctx.db, input.statementId);
    const versionNo = Number(statement.current_version_no) + 1;
    if (versionNo > 1) {
      if (!input.changeNote) {
        return fail('STATEMENT.CHANGE_NOTE_REQUIRED', [{ path: 'changeNote', message: '请填写修改说明' }]);
      }
      const current = await loadVersion(ctx.db, input.statementId, versionNo - 1);
      if (current && sameStatementContent(current.content, draft.content))
        return fail('STATEMENT.NOTHING_CHANGED');
    }
    const version = await insertVersion(ctx.db, {
      caseId: ctx.membership.caseId,
      statementId: input.statementId,
      versionNo,
      content: draft.content,
      changeNote: versionNo > 1 ? input.changeNote : (input.changeNote ?? null),
      publishedBy: ctx.caller.user.id,
      now: ctx.now,
    });
    await deleteDraft(ctx.db, input.statementId);
    await event(ctx, 'statement.published', {
      statementId: input.statementId,
      versionId: version.id,
      versionNo,
      contentHash: version.contentHash,
      promiseWarnings: version.warnings,
    });
    return ok(
      await getStatementDetail(ctx.db, input.statementId, { userId: ctx.caller.user.id, role: 'lawyer' }),
    );
  },
};

export const statementList: ActionHandler<'statement.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw) {
    const ctx = caseContext(raw);
    return ok({
      statements: await listStatementSummaries(ctx.db, ctx.caller.user.id, {
        caseId: ctx.membership.caseId,
        role: ctx.membership.role,
      }),
    });
  },
};

export const statementGet: ActionHandler<'statement.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const statement = await findStatement(ctx.db, input.statementId);
    // A client never sees a statement before it is published: to them it does not exist yet.
    if (ctx.membership.role === 'client' && !statement.current_version_id) return fail('NOT_FOUND');
    return ok(
      await getStatementDetail(ctx.db, input.statementId, {
        userId: ctx.caller.user.id,
        role: ctx.membership.role,
      }),
    );
  },
};

export const statementMarkViewed: ActionHandler<'statement.markViewed'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const version = await loadVersion(ctx.db, input.statementId, input.versionNo);
    if (!version) return fail('STATEMENT.NOT_PUBLISHED');
    const created = await recordView(ctx.db, {
      versionId: version.id,
      statementId: input.statementId,
      userId: ctx.caller.user.id,
      now: ctx.now,
    });
    if (created) {
      await event(ctx, 'statement.viewed', {
        statementId: input.statementId,
        versionId: version.id,
        versionNo: version.versionNo,
      });
    }
    const view = await ctx.db
      .selectFrom('statement_views')
      .select('viewed_at')
      .where('version_id', '=', version.id)
      .where('user_id', '=', ctx.caller.user.id)
      .executeTakeFirstOrThrow();
    return ok({ versionNo: version.versionNo, viewedAt: view.viewed_at });
  },
};

export const statementAcknowledge: ActionHandler<'statement.acknowledge'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const statement = await findStatement(ctx.db, input.statementId);
    const currentNo = Number(statement.current_version_no);
    if (currentNo === 0 || input.versionNo > currentNo) return fail('STATEMENT.NOT_PUBLISHED');
    if (input.versionNo < currentNo) {
      return {
        ok: false,
        error: apiError(
          'STATEMENT.SUPERSEDED',
          [{ path: 'versionNo', message: `最新版本为第 ${currentNo} 版` }],
          `该告知书已更新至第 ${currentNo} 版，请查看最新版本后再确认`,
        ),
      };
    }
    const version = await loadVersion(ctx.db, input.statementId, currentNo);
    if (!version) throw new Error('the current version must exist');
    const existing = await findReceipt(ctx.db, version.id, ctx.caller.user.id);
    if (existing) return ok(existing);
    const missing = uncheckedItems(version.content, input.itemIds);
    if (missing.length > 0) {
      return fail(
        'STATEMENT.ITEMS_UNCHECKED',
        missing.map((id) => ({ path: `itemIds.${id}`, message: '尚未勾选此条' })),
      );
    }
    await insertAcknowledgment(ctx.db, {
      statementId: input.statementId,
      versionId: version.id,
      versionNo: version.versionNo,
      userId: ctx.caller.user.id,
      contentHash: version.contentHash,
      now: ctx.now,
      requestId: ctx.requestId,
      clientInfo: ctx.client,
      sourceIp: ctx.sourceIp,
    });
    const receipt = await findReceipt(ctx.db, version.id, ctx.caller.user.id);
    if (!receipt) throw new Error('the acknowledgment just written must be readable');
    await event(ctx, 'statement.acknowledged', {
      statementId: input.statementId,
      acknowledgmentId: receipt.acknowledgmentId,
      versionId: version.id,
      versionNo: version.versionNo,
      contentHash: version.contentHash,
      requestId: ctx.requestId,
      client: ctx.client,
      sourceIp: ctx.sourceIp,
    });
    return ok(receipt);
  },
};

export const statementAsk: ActionHandler<'statement.ask'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const version = await loadVersion(ctx.db, input.statementId, input.versionNo);
    if (!version) return fail('STATEMENT.NOT_PUBLISHED');
    const item = allItems(version.content).find((i) => i.id === input.itemId);
    if (!item) return fail('STATEMENT.ITEM_NOT_FOUND', [{ path: 'itemId', message: '条目不存在' }]);
    const id = newId();
    await ctx.db
      .insertInto('statement_questions')
      .values({
        id,
        statement_id: input.statementId,
        version_id: version.id,
        version_no: version.versionNo,
        item_id: item.id,
        item_text: item.text,
        asked_by: ctx.caller.user.id,
        question: input.question,
        asked_at: ctx.now,
      })
      .execute();
    await event(ctx, 'statement.question.asked', {
      statementId: input.statementId,
      questionId: id,
      versionNo: version.versionNo,
      itemId: item.id,
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
    const answered = await ctx.db
      .selectFrom('statement_answers')
      .select('question_id')
      .where('question_id', '=', input.questionId)
      .executeTakeFirst();
    if (answered) return fail('STATEMENT.QUESTION_ANSWERED');
    await ctx.db
      .insertInto('statement_answers')
      .values({
        question_id: input.questionId,
        answer: input.answer,
        answered_by: ctx.caller.user.id,
        answered_at: ctx.now,
      })
      .execute();
    await event(ctx, 'statement.question.answered', {
      statementId: question.statement_id,
      questionId: input.questionId,
    });
    const [result] = await listQuestions(ctx.db, question.statement_id, input.questionId);
    return ok(result);
  },
};

export const statementRemind: ActionHandler<'statement.remind'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byStatement },
  async run(raw, input) {
    const ctx = caseContext(raw);
    if ((await findMembership(ctx.db, ctx.membership.caseId, input.clientUserId)) !== 'client')
      return fail('NOT_FOUND');
    const statement = await findStatement(ctx.db, input.statementId);
    if (!statement.current_version_id) return fail('STATEMENT.NOT_PUBLISHED');
    if (await findReceipt(ctx.db, statement.current_version_id, input.clientUserId)) {
      return fail('STATEMENT.ALREADY_ACKNOWLEDGED');
    }
    const profile = await findLawyerProfile(ctx.db, ctx.caller.user.id);
    const decision = decideReminder({
      now: ctx.now,
      lastRemindedAt: await lastReminderAt(ctx.db, input.statementId, input.clientUserId),
      quietHours: profile?.quietHours ?? null,
    });
    if (!decision.allowed) {
      return fail(
        decision.reason === 'QUIET_HOURS' ? 'STATEMENT.QUIET_HOURS' : 'STATEMENT.REMINDED_RECENTLY',
      );
    }
    const outboxId = newId();
    await ctx.db
      .insertInto('notification_outbox')
      .values({
        id: outboxId,
        kind: 'statement.reminder',
        recipient_user_id: input.clientUserId,
        case_id: ctx.membership.caseId,
        subject_id: input.statementId,
        payload: JSON.stringify({
          statementId: input.statementId,
          versionNo: Number(statement.current_version_no),
        }),
        created_by: ctx.caller.user.id,
        created_at: ctx.now,
        status: 'pending',
      })
      .execute();
    await event(ctx, 'statement.reminder.queued', {
      statementId: input.statementId,
      outboxId,
      clientUserId: input.clientUserId,
    });
    return ok({ outboxId, queuedAt: ctx.now, nextAllowedAt: decision.nextAllowedAt });
  },
};

export const statementMine: ActionHandler<'statement.mine'> = {
  access: { kind: 'anyone' },
  async run(ctx) {
    if (!ctx.caller.user) return ok({ pending: [], acknowledged: [] });
    const all = await listStatementSummaries(ctx.db, ctx.caller.user.id, { clientOfAnyCase: true });
    return ok({
      pending: all.filter((s) => s.myState !== 'acknowledged'),
      acknowledged: all.filter((s) => s.myState === 'acknowledged'),
    });
  },
};
