import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { fail, ok } from '../core/result';
import { describeMe, ensureUser, saveLawyerProfile } from './users.store';
import { deleteUserSessions } from '../http/sessions.store';

export const sessionMe: ActionHandler<'session.me'> = {
  access: { kind: 'anyone' },
  async run(ctx) {
    const user = ctx.caller.user ?? (await ensureUser(ctx.db, ctx.caller.subject, ctx.now));
    return ok(await describeMe(ctx.db, user));
  },
};

export const profileUpdate: ActionHandler<'profile.update'> = {
  access: { kind: 'lawyer' },
  async run(raw, input) {
    const ctx = userContext(raw);
    // A detail clients are to see must exist: 「展示电话」 without a phone would show them nothing.
    const { contact } = input;
    const missing = [
      contact.showPhone && !input.phone && { path: 'phone', message: '请填写要向客户展示的电话' },
      contact.showWechat &&
        !contact.wechatId && { path: 'contact.wechatId', message: '请填写要向客户展示的微信号' },
      contact.showAddress &&
        !contact.officeAddress && { path: 'contact.officeAddress', message: '请填写要向客户展示的办公地址' },
    ].filter((issue): issue is { path: string; message: string } => !!issue);
    if (missing.length > 0) return fail('PROFILE.CONTACT_MISSING', missing);
    await saveLawyerProfile(ctx.db, ctx.caller.user.id, input, ctx.now);
    return ok(await describeMe(ctx.db, ctx.caller.user));
  },
};

/**
 * 「退出所有设备」: ends every session of the caller, on every device, this one included (the next call from any of
 * them answers UNAUTHENTICATED). A WeChat user has no session to end: the platform identifies them.
 */
export const sessionSignOutEverywhere: ActionHandler<'session.signOutEverywhere'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    return ok({ sessionsEnded: await deleteUserSessions(ctx.db, ctx.caller.user.id) });
  },
};
