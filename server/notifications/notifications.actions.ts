/**
 * notification.*: consent credits, the in-app notices of a case, and the demo's message preview.
 */
import type { ActionHandler } from '../core/action';
import { caseContext, userContext } from '../core/action';
import { fail, ok } from '../core/result';
import type { Db } from '../platform/migrate';
import { decodeCursor, encodeCursor } from '../updates/updates.rules';
import {
  addCredits,
  listNotices,
  loadPreview,
  markNoticesSeen,
  settingsOf,
  templateKeyOf,
} from './notifications.store';

export const notificationSettings: ActionHandler<'notification.settings'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    return ok(await settingsOf(ctx.db, ctx.caller.user.id, ctx.config.notify));
  },
};

export const notificationSubscribe: ActionHandler<'notification.subscribe'> = {
  access: { kind: 'user' },
  async run(raw, input) {
    const ctx = userContext(raw);
    const results = Object.entries(input.results);
    const unknown = results.filter(([templateId]) => !templateKeyOf(ctx.config.notify, templateId));
    if (unknown.length > 0) {
      return fail(
        'NOTIFY.UNKNOWN_TEMPLATE',
        unknown.map(([templateId]) => ({ path: `results.${templateId}`, message: '不是本小程序的消息模板' })),
      );
    }
    const accepted = results.filter(([, answer]) => answer === 'accept').map(([templateId]) => templateId);
    await addCredits(ctx.db, ctx.caller.user.id, accepted, ctx.now);
    return ok(await settingsOf(ctx.db, ctx.caller.user.id, ctx.config.notify));
  },
};

export const notificationList: ActionHandler<'notification.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const before = input.before ? decodeCursor(input.before) : null;
    if (input.before && !before)
      return fail('INVALID_ARGUMENT', [{ path: 'before', message: '分页参数无效' }]);
    const page = await listNotices(ctx.db, {
      caseId: ctx.membership.caseId,
      userId: ctx.caller.user.id,
      box: input.box,
      before,
      now: ctx.now,
    });
    return ok({ notices: page.notices, next: page.next && encodeCursor(page.next.createdAt, page.next.id) });
  },
};

export const notificationMarkSeen: ActionHandler<'notification.markSeen'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw) {
    const ctx = caseContext(raw);
    await markNoticesSeen(ctx.db, ctx.membership.caseId, ctx.caller.user.id, ctx.now);
    return ok({ caseId: ctx.membership.caseId, unseen: 0 });
  },
};

export const notificationPreview: ActionHandler<'notification.preview'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    // Only the demo records messages instead of sending them: elsewhere there is nothing to preview.
    if (ctx.config.notify.mode !== 'demo') return fail('NOT_FOUND');
    const personas = await loadPreview(ctx.db, ctx.config.notify, ctx.now);
    const shown = await previewAudience(ctx.db, ctx.caller.user);
    return ok({
      personas: personas.filter((p) => shown === 'all' || shown.has(p.userId)),
      generatedAt: ctx.now,
    });
  },
};

/**
 * Whose messages the caller may preview: their own; a lawyer's also those of the members of the cases they are a
 * lawyer of; the firm admin's everyone's. A client never sees what another client (of their case or another) was
 * sent: the titles and names in it are that person's.
 */
async function previewAudience(db: Db, user: { id: string; isAdmin: boolean }): Promise<Set<string> | 'all'> {
  if (user.isAdmin) return 'all';
  const rows = await db
    .selectFrom('case_members as mine')
    .innerJoin('case_members as m', 'm.case_id', 'mine.case_id')
    .select('m.user_id')
    .where('mine.user_id', '=', user.id)
    .where('mine.role', '=', 'lawyer')
    .where('mine.removed_at', 'is', null)
    .where('m.removed_at', 'is', null)
    .execute();
  return new Set([user.id, ...rows.map((r) => r.user_id)]);
}
