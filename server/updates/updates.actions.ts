import { caseContext, type ActionHandler } from '../core/action';
import { fail, ok } from '../core/result';
import { appendCaseEvent } from '../events/event-log.store';
import { currentStageIndex, findStage, setCurrentStage, touchCase } from '../cases/cases.store';
import { newId } from '../platform/crypto';
import { sameContent } from './updates.rules';
import { caseOfUpdate, getUpdateDetail, insertVersion, listVersions, recordReceipt } from './updates.store';

const caseOfUpdateInput = (db: Parameters<typeof caseOfUpdate>[0], input: { updateId: string }) =>
  caseOfUpdate(db, input.updateId);

export const updatePublish: ActionHandler<'update.publish'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    let stage: { index: number; name: string } | null = null;
    if (input.stageIndex !== undefined && input.stageIndex !== null) {
      const found = await findStage(ctx.db, caseId, input.stageIndex);
      if (!found) return fail('CASE.STAGE_NOT_FOUND', [{ path: 'stageIndex', message: '所选阶段不存在' }]);
      stage = { index: Number(found.idx), name: found.name };
    }
    const fromStage = await currentStageIndex(ctx.db, caseId);
    const updateId = newId();
    const content = { title: input.title, body: input.body, nextSteps: input.nextSteps, risks: input.risks };
    const version = await insertVersion(ctx.db, {
      caseId,
      updateId,
      versionNo: 1,
      content,
      stage,
      reason: null,
      authorId: ctx.caller.user.id,
      now: ctx.now,
    });
    await appendCaseEvent(ctx.db, {
      caseId,
      at: ctx.now,
      actorId: ctx.caller.user.id,
      type: 'update.published',
      payload: { updateId, versionId: version.id, versionNo: 1, contentHash: version.contentHash },
    });
    if (stage && stage.index !== fromStage) {
      await setCurrentStage(ctx.db, caseId, stage.index);
      await appendCaseEvent(ctx.db, {
        caseId,
        at: ctx.now,
        actorId: ctx.caller.user.id,
        type: 'stage.changed',
        payload: { from: fromStage, to: stage.index, updateId },
      });
    }
    await touchCase(ctx.db, caseId, ctx.now);
    return ok(await getUpdateDetail(ctx.db, updateId, { userId: ctx.caller.user.id, role: 'lawyer' }));
  },
};

export const updateCorrect: ActionHandler<'update.correct'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: caseOfUpdateInput },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const [current] = await listVersions(ctx.db, input.updateId);
    const content = { title: input.title, body: input.body, nextSteps: input.nextSteps, risks: input.risks };
    if (sameContent(content, current)) return fail('UPDATE.NOTHING_CHANGED');
    const versionNo = current.versionNo + 1;
    const version = await insertVersion(ctx.db, {
      caseId: ctx.membership.caseId,
      updateId: input.updateId,
      versionNo,
      content,
      // A correction fixes the words; the stage move it announced stays part of the record.
      stage: current.stageChange,
      reason: input.reason,
      authorId: ctx.caller.user.id,
      now: ctx.now,
    });
    await appendCaseEvent(ctx.db, {
      caseId: ctx.membership.caseId,
      at: ctx.now,
      actorId: ctx.caller.user.id,
      type: 'update.corrected',
      payload: {
        updateId: input.updateId,
        versionId: version.id,
        versionNo,
        replaces: current.id,
        contentHash: version.contentHash,
      },
    });
    await touchCase(ctx.db, ctx.membership.caseId, ctx.now);
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
    const [current] = await listVersions(ctx.db, input.updateId);
    const created = await recordReceipt(ctx.db, {
      versionId: current.id,
      updateId: input.updateId,
      userId: ctx.caller.user.id,
      now: ctx.now,
      requestId: ctx.requestId,
    });
    if (created && ctx.membership.role === 'client') {
      await appendCaseEvent(ctx.db, {
        caseId: ctx.membership.caseId,
        at: ctx.now,
        actorId: ctx.caller.user.id,
        type: 'update.read',
        payload: {
          updateId: input.updateId,
          versionId: current.id,
          versionNo: current.versionNo,
          contentHash: current.contentHash,
          client: ctx.client,
          sourceIp: ctx.sourceIp,
        },
      });
    }
    const receipt = await ctx.db
      .selectFrom('read_receipts')
      .select('read_at')
      .where('version_id', '=', current.id)
      .where('user_id', '=', ctx.caller.user.id)
      .executeTakeFirstOrThrow();
    return ok({ versionNo: current.versionNo, readAt: receipt.read_at });
  },
};
