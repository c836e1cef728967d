import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { fail, ok } from '../core/result';
import { ensureUser } from '../session/users.store';
import { appendConsent, readLatest } from './consent.store';
import { describeStanding } from './privacy.rules';

export const privacyStatus: ActionHandler<'privacy.status'> = {
  access: { kind: 'anyone' },
  async run(ctx) {
    // Asking creates nothing: a person the server has not seen needs to agree first.
    const latest = ctx.caller.user ? await readLatest(ctx.db, ctx.caller.user.id) : null;
    return ok(describeStanding(latest, PRIVACY_NOTICE_VERSION));
  },
};

export const privacyConsent: ActionHandler<'privacy.consent'> = {
  access: { kind: 'anyone' },
  async run(ctx, input) {
    if (input.version !== PRIVACY_NOTICE_VERSION) return fail('PRIVACY.VERSION_OUTDATED');
    // Agreeing is the first thing a new person does: their account starts here.
    const user = ctx.caller.user ?? (await ensureUser(ctx.db, ctx.caller.subject, ctx.now));
    await appendConsent(ctx.db, {
      userId: user.id,
      kind: 'consent',
      version: input.version,
      at: ctx.now,
      requestId: ctx.requestId,
    });
    return ok(describeStanding(await readLatest(ctx.db, user.id), PRIVACY_NOTICE_VERSION));
  },
};

export const privacyWithdraw: ActionHandler<'privacy.withdraw'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    const userId = ctx.caller.user.id;
    const latest = await readLatest(ctx.db, userId);
    await appendConsent(ctx.db, {
      userId,
      kind: 'withdraw',
      version: latest?.version ?? PRIVACY_NOTICE_VERSION,
      at: ctx.now,
      requestId: ctx.requestId,
    });
    // Processing stops: every H5 session ends (weapp identity is the platform's; writes are refused instead).
    await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return ok(describeStanding(await readLatest(ctx.db, userId), PRIVACY_NOTICE_VERSION));
  },
};
