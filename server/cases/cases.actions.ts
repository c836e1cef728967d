import { STAGE_TEMPLATES } from '../../contract/case-types';
import { caseContext, userContext, type ActionHandler } from '../core/action';
import { fail, ok } from '../core/result';
import { newId } from '../platform/crypto';
import { findLawyerProfile } from '../session/users.store';
import { decodeCursor, encodeCursor } from '../updates/updates.rules';
import { timelinePage } from '../updates/updates.store';
import { addMember, getCaseDetail, insertCase, listCaseSummaries } from './cases.store';

export const caseCreate: ActionHandler<'case.create'> = {
  access: { kind: 'lawyer' },
  async run(raw, input) {
    const ctx = userContext(raw);
    const lawyerId = ctx.caller.user.id;
    if (!(await findLawyerProfile(ctx.db, lawyerId))) return fail('LAWYER.PROFILE_REQUIRED');
    const caseId = newId();
    const stages = STAGE_TEMPLATES[input.caseType];
    const caseCommits = await insertCase(ctx.db, {
      id: caseId,
      ...input,
      stages,
      createdBy: lawyerId,
      now: ctx.now,
    });
    await addMember(
      ctx.db,
      { caseId, userId: lawyerId, role: 'lawyer', now: ctx.now, inviteId: null },
      {
        type: 'case.created',
        actorId: lawyerId,
        payload: { caseType: input.caseType, stages: stages.map((s) => s.name) },
        alsoCommits: caseCommits,
      },
    );
    const detail = await getCaseDetail(ctx.db, caseId, lawyerId);
    if (!detail) throw new Error('a case just created must be readable');
    return ok(detail);
  },
};

export const caseList: ActionHandler<'case.list'> = {
  access: { kind: 'anyone' },
  async run(ctx, input) {
    if (!ctx.caller.user) return ok({ cases: [], nextCursor: null });
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    if (input.cursor && !after)
      return fail('INVALID_ARGUMENT', [{ path: 'cursor', message: '分页参数无效' }]);
    const page = await listCaseSummaries(ctx.db, ctx.caller.user.id, {
      after: after && { lastActivityAt: after.createdAt, caseId: after.id },
      limit: input.limit,
    });
    return ok({
      cases: page.cases,
      nextCursor: page.next && encodeCursor(page.next.lastActivityAt, page.next.caseId),
    });
  },
};

export const caseGet: ActionHandler<'case.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw) {
    const ctx = caseContext(raw);
    const detail = await getCaseDetail(ctx.db, ctx.membership.caseId, ctx.caller.user.id);
    return detail ? ok(detail) : fail('NOT_FOUND');
  },
};

export const caseTimeline: ActionHandler<'case.timeline'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    if (input.cursor && !after)
      return fail('INVALID_ARGUMENT', [{ path: 'cursor', message: '分页参数无效' }]);
    return ok(
      await timelinePage(ctx.db, {
        caseId: ctx.membership.caseId,
        viewer: { userId: ctx.caller.user.id, role: ctx.membership.role },
        after,
        limit: input.limit,
      }),
    );
  },
};
