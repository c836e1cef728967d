import { ERROR_MESSAGES } from '../../contract/errors';
import { readCursor } from '../core/paging';
import { promiseWarnings } from '../../contract/promise-guard';
import { caseContext, type ActionHandler, type CaseContext } from '../core/action';
import { fail, ok } from '../core/result';
import { touchCase } from '../cases/cases.store';
import { lockCaseChain } from '../events/event-log.store';
import { notify } from '../notifications/notices.store';
import { lawyerIdsOf } from '../notifications/recipients';
import type { Db } from '../platform/migrate';
import type { StoredReplyContent, StoredRequestContent } from '../records/record-kinds';
import { seesOthersEvidence } from '../records/records.rules';
import {
  findRecord,
  publishNewRecord,
  recordTitle,
  recordView,
  type Actor,
  type RequestEvidence,
} from '../records/records.store';
import { decideAnswer, promisedReply } from './requests.rules';
import {
  answeringTerms,
  caseOfRequest,
  findAnswer,
  isPublishedUpdateOf,
  loadRequest,
  loadRequestPage,
} from './requests.store';

const byRequest = (db: Db, input: { requestId: string }) => caseOfRequest(db, input.requestId);

const actorOf = (ctx: CaseContext): Actor => ({
  userId: ctx.caller.user.id,
  name: ctx.caller.user.displayName,
  role: ctx.membership.role,
});

const evidenceOf = (ctx: CaseContext): RequestEvidence => ({
  now: ctx.now,
  requestId: ctx.requestId,
  client: ctx.client,
  sourceIp: ctx.sourceIp,
});

/**
 * The request as the caller may see it: lawyers see every request of the case, a client only their own
 * (another client's request does not exist for them).
 */
async function visibleRequest(ctx: CaseContext, requestId: string) {
  const request = await loadRequest(ctx.db, requestId, ctx.now);
  if (!request) return null;
  if (!seesOthersEvidence(ctx.membership.role) && request.askedBy !== ctx.caller.user.id) return null;
  return request;
}

export const requestCreate: ActionHandler<'request.create'> = {
  access: { kind: 'case', roles: ['client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    const aboutUpdateId = input.aboutUpdateId ?? null;
    if (aboutUpdateId && !(await isPublishedUpdateOf(ctx.db, caseId, aboutUpdateId))) {
      return fail('REQUEST.UPDATE_NOT_FOUND', [{ path: 'aboutUpdateId', message: '所关联的进展不存在' }]);
    }
    // The promise is fixed when the request is written: a later change of office hours does not move it.
    const promisedBy = promisedReply(ctx.now, await answeringTerms(ctx.db, caseId));
    const content: StoredRequestContent = {
      category: input.category,
      body: input.body,
      aboutUpdateId,
      promisedBy,
    };
    const requestId = await publishNewRecord(ctx.db, {
      kind: 'request',
      caseId,
      content,
      // The guard reads lawyers' words; a client's are her own.
      promiseWarnings: [],
      author: actorOf(ctx),
      now: ctx.now,
      event: { type: 'request.created', payload: { category: content.category, aboutUpdateId, promisedBy } },
    });
    await touchCase(ctx.db, caseId, ctx.now);
    await notify(ctx, {
      kind: 'request.created',
      caseId,
      recipients: await lawyerIdsOf(ctx.db, caseId),
      recordId: requestId,
      title: await recordTitle(ctx.db, requestId),
    });
    return ok((await loadRequest(ctx.db, requestId, ctx.now))!);
  },
};

export const requestAnswer: ActionHandler<'request.answer'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byRequest },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    const dueBy = input.dueBy ?? null;
    const decision = decideAnswer({ kind: input.kind, dueBy, now: ctx.now });
    if (!decision.ok) {
      return fail(decision.code, [{ path: decision.path, message: ERROR_MESSAGES[decision.code] }]);
    }
    // Exactly one answer per request: under the case's lock a concurrent answer waits, then finds this one.
    await lockCaseChain(ctx.db, caseId);
    if (await findAnswer(ctx.db, input.requestId)) return fail('REQUEST.ALREADY_ANSWERED');
    const request = await findRecord(ctx.db, input.requestId);
    const content: StoredReplyContent = { parentId: request.id, act: input.kind, text: input.text, dueBy };
    // An answer reaches the client like an update does: the warnings the lawyer sent it despite are kept with it.
    const warnings = promiseWarnings([{ path: 'text', text: input.text }]);
    await publishNewRecord(ctx.db, {
      kind: 'reply',
      caseId,
      parentId: request.id,
      content,
      promiseWarnings: warnings,
      author: actorOf(ctx),
      now: ctx.now,
      event: {
        type: 'request.answered',
        payload: { requestId: request.id, act: input.kind, dueBy, promiseWarnings: warnings },
      },
    });
    await touchCase(ctx.db, caseId, ctx.now);
    await notify(ctx, {
      kind: 'request.answered',
      caseId,
      recipients: [request.createdBy],
      recordId: request.id,
      title: await recordTitle(ctx.db, request.id),
    });
    return ok((await loadRequest(ctx.db, request.id, ctx.now))!);
  },
};

export const requestGet: ActionHandler<'request.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: byRequest },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const request = await visibleRequest(ctx, input.requestId);
    return request ? ok(request) : fail('NOT_FOUND');
  },
};

export const requestList: ActionHandler<'request.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    const caseId = ctx.membership.caseId;
    const filter = seesOthersEvidence(ctx.membership.role)
      ? { caseId }
      : { caseId, askedBy: ctx.caller.user.id };
    return ok(await loadRequestPage(ctx.db, filter, { after: after.data, limit: input.limit }, ctx.now));
  },
};

export const requestMarkRead: ActionHandler<'request.markRead'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byRequest },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const request = await findRecord(ctx.db, input.requestId);
    // Only the client who asked reads the answer into the record; to another client the request does not exist.
    if (request.createdBy !== ctx.caller.user.id) return fail('NOT_FOUND');
    const answer = await findAnswer(ctx.db, request.id);
    if (!answer) return fail('REQUEST.NOT_ANSWERED');
    const view = await recordView(ctx.db, {
      record: answer.record,
      version: answer.version,
      isCurrent: true,
      viewer: actorOf(ctx),
      evidence: evidenceOf(ctx),
      eventType: 'request.answerRead',
      countsAsUnread: false,
    });
    return ok({ readAt: view.viewedAt, chain: view.chain });
  },
};
