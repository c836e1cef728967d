import { apiError } from '../../contract/errors';
import { readCursor } from '../core/paging';
import { caseContext, type ActionHandler, type CaseContext } from '../core/action';
import { fail, ok, type Result } from '../core/result';
import { touchCase } from '../cases/cases.store';
import { lockCaseChain } from '../events/event-log.store';
import { newId, randomSecret } from '../platform/crypto';
import { notify } from '../notifications/notices.store';
import { clientIdsOf, lawyerIdsOf } from '../notifications/recipients';
import type { Db } from '../platform/migrate';
import { kindVersionFields } from '../records/record-kinds';
import { decidePublish, decideResponse, type ResponseKind } from '../records/records.rules';
import {
  createRecord,
  findRecord,
  findResponse,
  loadVersion,
  publishVersion,
  recordResponse,
  recordTitle,
  recordView,
  type Actor,
} from '../records/records.store';
import type { MemoContent, MemoResponse } from '../../contract/memos';
import {
  isInFuture,
  memoContentKey,
  memoContentOf,
  memoPromiseWarnings,
  resolutionsOf,
  unanswerableDisputes,
} from './memos.rules';
import {
  caseOfMemo,
  disputesOf,
  getMemoDetail,
  listMemoSummaries,
  loadMemoVersions,
  toMemoResponse,
} from './memos.store';

const byMemo = (db: Db, input: { memoId: string }) => caseOfMemo(db, input.memoId);
const newPointId = () => `p-${randomSecret(6).toString('base64url')}`;

const actorOf = (ctx: CaseContext): Actor => ({
  userId: ctx.caller.user.id,
  name: ctx.caller.user.displayName,
  role: ctx.membership.role,
});

const requestEvidence = (ctx: CaseContext) => ({
  now: ctx.now,
  requestId: ctx.requestId,
  client: ctx.client,
  sourceIp: ctx.sourceIp,
});

const inFuture = () =>
  fail('MEMO.IN_FUTURE', [{ path: 'memo.communicatedAt', message: '沟通时间不能晚于现在' }]);

/** A version of a memo as the kernel stores it: hashed whole, titled by its first conclusion. */
function memoVersion(
  record: { id: string; caseId: string },
  versionNo: number,
  content: MemoContent,
  note: string | null,
) {
  return {
    versionNo,
    content,
    ...kindVersionFields('memo', {
      caseId: record.caseId,
      recordId: record.id,
      versionNo,
      content,
      note,
    }),
    note,
    promiseWarnings: memoPromiseWarnings(content),
  };
}

export const memoPublish: ActionHandler<'memo.publish'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    if (isInFuture(input.memo.communicatedAt, ctx.now)) return inFuture();
    const record = {
      id: newId(),
      caseId: ctx.membership.caseId,
      kind: 'memo' as const,
      createdBy: ctx.caller.user.id,
    };
    const recordCommit = await createRecord(ctx.db, { ...record, now: ctx.now });
    const version = memoVersion(record, 1, memoContentOf(input.memo, newPointId, []), null);
    await publishVersion(ctx.db, {
      record,
      ...version,
      author: actorOf(ctx),
      now: ctx.now,
      event: {
        type: 'memo.published',
        payload: { promiseWarnings: version.promiseWarnings },
        commits: [recordCommit],
      },
      // A memo waits for each client's confirmation: it is news on their case list until they open it.
      countsAsUnread: true,
    });
    await touchCase(ctx.db, record.caseId, ctx.now);
    await notify(ctx, {
      kind: 'memo.published',
      caseId: record.caseId,
      recipients: await clientIdsOf(ctx.db, record.caseId),
      recordId: record.id,
      title: version.title,
    });
    return ok(await getMemoDetail(ctx.db, record.id, { userId: ctx.caller.user.id, role: 'lawyer' }));
  },
};

export const memoCorrect: ActionHandler<'memo.correct'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: byMemo },
  async run(raw, input) {
    const ctx = caseContext(raw);
    if (isInFuture(input.memo.communicatedAt, ctx.now)) return inFuture();
    // Under the case's lock: a concurrent correction or dispute is either all seen or not begun.
    await lockCaseChain(ctx.db, ctx.membership.caseId);
    const record = await findRecord(ctx.db, input.memoId);
    const versions = await loadMemoVersions(ctx.db, input.memoId);
    const current = versions[0];
    const resolves = [...new Set(input.resolves)];
    const unanswerable = unanswerableDisputes({
      requested: resolves,
      disputesOfMemo: await disputesOf(ctx.db, input.memoId),
      resolved: resolutionsOf(versions),
    });
    if (unanswerable.length > 0) {
      return fail(
        'MEMO.DISPUTE_NOT_OPEN',
        unanswerable.map((id) => ({
          path: `resolves.${input.resolves.indexOf(id)}`,
          message: '该异议不存在或已处理',
        })),
      );
    }
    const content = memoContentOf(input.memo, newPointId, resolves);
    const decision = decidePublish({
      latest: { versionNo: current.versionNo, contentKey: memoContentKey(current.content) },
      next: { contentKey: memoContentKey(content), note: input.reason },
    });
    if (!decision.ok) {
      switch (decision.reason) {
        case 'NOTHING_CHANGED':
          return fail('MEMO.NOTHING_CHANGED');
        case 'NOTE_REQUIRED':
          return fail('INVALID_ARGUMENT', [{ path: 'reason', message: '请填写更正说明' }]);
      }
    }
    const version = memoVersion(record, decision.versionNo, content, input.reason);
    await publishVersion(ctx.db, {
      record,
      ...version,
      author: actorOf(ctx),
      now: ctx.now,
      event: { type: 'memo.corrected', payload: { promiseWarnings: version.promiseWarnings, resolves } },
      countsAsUnread: true,
      replaces: { id: current.id },
    });
    await touchCase(ctx.db, record.caseId, ctx.now);
    await notify(ctx, {
      kind: 'memo.published',
      caseId: record.caseId,
      recipients: await clientIdsOf(ctx.db, record.caseId),
      recordId: record.id,
      title: version.title,
    });
    return ok(await getMemoDetail(ctx.db, record.id, { userId: ctx.caller.user.id, role: 'lawyer' }));
  },
};

export const memoGet: ActionHandler<'memo.get'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: byMemo },
  async run(raw, input) {
    const ctx = caseContext(raw);
    return ok(
      await getMemoDetail(ctx.db, input.memoId, { userId: ctx.caller.user.id, role: ctx.membership.role }),
    );
  },
};

export const memoList: ActionHandler<'memo.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    const viewer = { userId: ctx.caller.user.id, role: ctx.membership.role };
    return ok(
      await listMemoSummaries(ctx.db, ctx.membership.caseId, viewer, {
        after: after.data,
        limit: input.limit,
      }),
    );
  },
};

const versionNotFound = () => fail('NOT_FOUND', [{ path: 'versionNo', message: '该版本不存在' }]);

export const memoMarkViewed: ActionHandler<'memo.markViewed'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byMemo },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const record = await findRecord(ctx.db, input.memoId);
    const version = await loadVersion<MemoContent>(ctx.db, input.memoId, input.versionNo);
    if (!version) return versionNotFound();
    const view = await recordView(ctx.db, {
      record,
      version,
      isCurrent: version.id === record.currentVersionId,
      viewer: actorOf(ctx),
      evidence: requestEvidence(ctx),
      eventType: 'memo.viewed',
      countsAsUnread: true,
    });
    return ok({ versionNo: version.versionNo, viewedAt: view.viewedAt, chain: view.chain });
  },
};

const VERBS: { readonly [K in ResponseKind]: string } = { acknowledged: '确认', disputed: '提出异议' };

/**
 * A client's confirmation or dispute of the version they name, once per version: it must be the current one,
 * and the same act again answers with the first one's receipt (one record, one event). A different act on a
 * version already answered is refused: who disputed waits for the correction, who confirmed stands.
 */
async function respond(
  ctx: CaseContext,
  input: { memoId: string; versionNo: number },
  act: { kind: ResponseKind; reason: string | null; conclusionId: string | null },
): Promise<Result<MemoResponse>> {
  // Under the case's lock: a correction published meanwhile is seen, so nothing answers a superseded version.
  await lockCaseChain(ctx.db, ctx.membership.caseId);
  const record = await findRecord(ctx.db, input.memoId);
  const existing = record.currentVersionId
    ? await findResponse(ctx.db, record.currentVersionId, ctx.caller.user.id)
    : null;
  const decision = decideResponse({
    role: ctx.membership.role,
    currentVersionNo: record.currentVersionNo,
    versionNo: input.versionNo,
    existing: existing?.kind ?? null,
    kind: act.kind,
    reason: act.reason,
  });
  const versions = await loadMemoVersions(ctx.db, record.id);
  const asResponse = (r: NonNullable<typeof existing>) =>
    toMemoResponse(r, versions, resolutionsOf(versions));
  if (!decision.ok) {
    switch (decision.reason) {
      case 'ALREADY':
        return existing && sameAct(existing, act)
          ? ok(asResponse(existing))
          : alreadyResponded(decision.existing);
      case 'SUPERSEDED':
        return {
          ok: false,
          error: apiError(
            'MEMO.SUPERSEDED',
            [{ path: 'versionNo', message: `最新版本为第 ${decision.currentVersionNo} 版` }],
            `该备忘录已更正至第 ${decision.currentVersionNo} 版，请查看最新版本后再${VERBS[act.kind]}`,
          ),
        };
      case 'NOT_PUBLISHED':
        return versionNotFound();
      case 'REASON_REQUIRED':
        return fail('INVALID_ARGUMENT', [{ path: 'reason', message: '请填写异议理由' }]);
      case 'ROLE':
        return fail('FORBIDDEN');
    }
  }
  const current = versions[0];
  if (act.conclusionId && !current.content.conclusions.some((c) => c.id === act.conclusionId))
    return fail('MEMO.CONCLUSION_NOT_FOUND', [{ path: 'conclusionId', message: '所指的结论不存在' }]);
  const { created, response } = await recordResponse(ctx.db, {
    record,
    version: current,
    responder: actorOf(ctx),
    kind: act.kind,
    reason: act.reason,
    itemId: act.conclusionId,
    evidence: requestEvidence(ctx),
    eventType: act.kind === 'acknowledged' ? 'memo.confirmed' : 'memo.disputed',
  });
  if (created && act.kind === 'disputed') {
    await notify(ctx, {
      kind: 'memo.disputed',
      caseId: record.caseId,
      recipients: await lawyerIdsOf(ctx.db, record.caseId),
      recordId: record.id,
      title: await recordTitle(ctx.db, record.id),
    });
  }
  // A concurrent request may have answered first: its act stands, and this one is told so unless the same.
  return sameAct(response, act) ? ok(asResponse(response)) : alreadyResponded(response.kind);
}

const sameAct = (
  r: { kind: ResponseKind; reason: string | null; itemId: string | null },
  act: { kind: ResponseKind; reason: string | null; conclusionId: string | null },
) => r.kind === act.kind && r.reason === act.reason && r.itemId === act.conclusionId;

function alreadyResponded(first: ResponseKind): Result<never> {
  return {
    ok: false,
    error: apiError(
      'MEMO.ALREADY_RESPONDED',
      [{ path: 'versionNo', message: first === 'acknowledged' ? '您已确认该版本' : '您已对该版本提出异议' }],
      first === 'acknowledged' ? '您已确认该版本，如有新的问题请联系律师' : undefined,
    ),
  };
}

export const memoConfirm: ActionHandler<'memo.confirm'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byMemo },
  async run(raw, input) {
    return respond(caseContext(raw), input, { kind: 'acknowledged', reason: null, conclusionId: null });
  },
};

export const memoDispute: ActionHandler<'memo.dispute'> = {
  access: { kind: 'case', roles: ['client'], caseOf: byMemo },
  async run(raw, input) {
    return respond(caseContext(raw), input, {
      kind: 'disputed',
      reason: input.reason,
      conclusionId: input.conclusionId || null,
    });
  },
};
