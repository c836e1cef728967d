import { caseContext, type ActionHandler, type CaseContext } from '../core/action';
import { fail, ok } from '../core/result';
import { appendCaseEvent } from '../events/event-log.store';
import type { StageChange } from '../../contract/cases';
import { ERROR_MESSAGES } from '../../contract/errors';
import { currentStageIndex, findStage, setCurrentStage, touchCase } from '../cases/cases.store';
import { stageMoveProblem } from '../cases/stages.rules';
import { newId } from '../platform/crypto';
import { notify } from '../notifications/notices.store';
import { clientIdsOf } from '../notifications/recipients';
import type { Db } from '../platform/migrate';
import { decidePublish, viewIsEvidence } from '../records/records.rules';
import {
  createRecord,
  findRecord,
  loadVersions,
  publishVersion,
  recordView,
  type Actor,
} from '../records/records.store';
import {
  updateContentKey,
  updateEvidence,
  updateExcerpt,
  updatePromiseWarnings,
  type StoredUpdateContent,
} from './updates.rules';
import { caseOfUpdate, getUpdateDetail } from './updates.store';

const caseOfUpdateInput = (db: Db, input: { updateId: string }) => caseOfUpdate(db, input.updateId);

const actorOf = (ctx: CaseContext): Actor => ({
  userId: ctx.caller.user.id,
  name: ctx.caller.user.displayName,
  role: ctx.membership.role,
});

export const updatePublish: ActionHandler<'update.publish'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    let stage: StageChange | null = null;
    const fromStage = await currentStageIndex(ctx.db, caseId);
    if (input.stageIndex !== undefined && input.stageIndex !== null) {
      const found = await findStage(ctx.db, caseId, input.stageIndex);
      if (!found) return fail('CASE.STAGE_NOT_FOUND', [{ path: 'stageIndex', message: '所选阶段不存在' }]);
      const index = Number(found.idx);
      const problem = stageMoveProblem(fromStage, index, input.stageReason);
      if (problem) return fail(problem, [{ path: 'stageReason', message: ERROR_MESSAGES[problem] }]);
      // Only a move back carries a reason: it is what the client is told about it.
      stage =
        index < fromStage
          ? { index, name: found.name, reason: input.stageReason! }
          : { index, name: found.name };
    }
    const record = { id: newId(), caseId, kind: 'update' as const, createdBy: ctx.caller.user.id };
    const recordCommit = await createRecord(ctx.db, { ...record, now: ctx.now });
    const content: StoredUpdateContent = {
      title: input.title,
      body: input.body,
      nextSteps: input.nextSteps,
      risks: input.risks,
      stage,
    };
    const promiseWarnings = updatePromiseWarnings(content);
    await publishVersion(ctx.db, {
      record,
      versionNo: 1,
      content,
      evidence: updateEvidence(content, { caseId, updateId: record.id, versionNo: 1, stage, reason: null }),
      title: content.title,
      excerpt: updateExcerpt(content.body),
      note: null,
      promiseWarnings,
      author: actorOf(ctx),
      now: ctx.now,
      event: { type: 'update.published', payload: { promiseWarnings }, commits: [recordCommit] },
      countsAsUnread: true,
    });
    if (stage && stage.index !== fromStage) {
      await setCurrentStage(ctx.db, caseId, stage.index);
      await appendCaseEvent(ctx.db, {
        caseId,
        at: ctx.now,
        actorId: ctx.caller.user.id,
        type: 'stage.changed',
        payload: {
          from: fromStage,
          to: stage.index,
          updateId: record.id,
          ...(stage.reason ? { reason: stage.reason } : {}),
        },
      });
    }
    await touchCase(ctx.db, caseId, ctx.now);
    await notify(ctx, {
      kind: 'update.published',
      caseId,
      recipients: await clientIdsOf(ctx.db, caseId),
      recordId: record.id,
      title: content.title,
    });
    return ok(await getUpdateDetail(ctx.db, record.id, { userId: ctx.caller.user.id, role: 'lawyer' }));
  },
};

export const updateCorrect: ActionHandler<'update.correct'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: caseOfUpdateInput },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const record = await findRecord(ctx.db, input.updateId);
    const [current] = await loadVersions<StoredUpdateContent>(ctx.db, input.updateId);
    // A correction fixes the words; the stage move it announced stays part of the record.
    const content: StoredUpdateContent = {
      title: input.title,
      body: input.body,
      nextSteps: input.nextSteps,
      risks: input.risks,
      stage: current.content.stage,
    };
    const promiseWarnings = updatePromiseWarnings(content);
    const decision = decidePublish({
      latest: { versionNo: current.versionNo, contentKey: updateContentKey(current.content) },
      next: { contentKey: updateContentKey(content), note: input.reason },
    });
    if (!decision.ok) return fail('UPDATE.NOTHING_CHANGED');
    await publishVersion(ctx.db, {
      record,
      versionNo: decision.versionNo,
      content,
      evidence: updateEvidence(content, {
        caseId: record.caseId,
        updateId: record.id,
        versionNo: decision.versionNo,
        stage: content.stage,
        reason: input.reason,
      }),
      title: content.title,
      excerpt: updateExcerpt(content.body),
      note: input.reason,
      promiseWarnings,
      author: actorOf(ctx),
      now: ctx.now,
      event: { type: 'update.corrected', payload: { promiseWarnings } },
      countsAsUnread: true,
      replaces: { id: current.id },
    });
    await touchCase(ctx.db, record.caseId, ctx.now);
    await notify(ctx, {
      kind: 'update.published',
      caseId: record.caseId,
      recipients: await clientIdsOf(ctx.db, record.caseId),
      recordId: record.id,
      title: content.title,
    });
    return ok(await getUpdateDetail(ctx.db, input.updateId, { userId: ctx.caller.user.id, role: 'lawyer' }));
  },
};

export const updateGet: ActionHandler<'update.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: caseOfUpdateInput },
  async run(raw, input) {
    const ctx = caseContext(raw);
    return ok(
      await getUpdateDetail(ctx.db, input.updateId, {
        userId: ctx.caller.user.id,
        role: ctx.membership.role,
      }),
    );
  },
};

export const updateMarkRead: ActionHandler<'update.markRead'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: caseOfUpdateInput },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const record = await findRecord(ctx.db, input.updateId);
    const [current] = await loadVersions<StoredUpdateContent>(ctx.db, input.updateId);
    const view = await recordView(ctx.db, {
      record,
      version: current,
      isCurrent: true,
      viewer: actorOf(ctx),
      evidence: { now: ctx.now, requestId: ctx.requestId, client: ctx.client, sourceIp: ctx.sourceIp },
      // A client's read is evidence that they were informed; a lawyer's own reads are not.
      eventType: viewIsEvidence(ctx.membership.role) ? 'update.read' : null,
      countsAsUnread: true,
    });
    return ok({ versionNo: current.versionNo, readAt: view.viewedAt, chain: view.chain });
  },
};
