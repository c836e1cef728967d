import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { ok } from '../core/result';
import { describeMe, ensureUser, saveLawyerProfile } from './users.store';

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
    await saveLawyerProfile(ctx.db, ctx.caller.user.id, input, ctx.now);
    return ok(await describeMe(ctx.db, ctx.caller.user));
  },
};
