import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { fail, ok } from '../core/result';
import { appendConsent, readLatest } from './consent.store';
import { decideDeletion } from './privacy.rules';

export const accountDelete: ActionHandler<'account.delete'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    const { user } = ctx.caller;
    const lawyerCases = await ctx.db
      .selectFrom('case_members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .where('role', '=', 'lawyer')
      .executeTakeFirstOrThrow();
    const decision = decideDeletion({ isAdmin: user.isAdmin, lawyerCaseCount: Number(lawyerCases.n) });
    if (!decision.allowed) return fail(decision.code);
    const latest = await readLatest(ctx.db, user.id);
    await appendConsent(ctx.db, {
      userId: user.id,
      kind: 'delete',
      version: latest?.version ?? PRIVACY_NOTICE_VERSION,
      at: ctx.now,
      requestId: ctx.requestId,
    });
    // Rarely called: the deletion itself loads on first use (a lazy file of the cloud bundle).
    const { deleteAccount } = await import('./account-delete');
    await deleteAccount(ctx.db, { id: user.id, subject: ctx.caller.subject }, ctx.now);
    return ok({ deletedAt: ctx.now });
  },
};
