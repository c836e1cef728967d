import { DELETED_USER_NAME } from '../../contract/privacy';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { fail, ok } from '../core/result';
import { newId } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import { appendConsent, readLatest } from './consent.store';
import { decideDeletion } from './privacy.rules';

/**
 * Deletes a person's account (个人信息保护法 §47), keeping what the firm must retain:
 * - removed: their H5 sessions, a lawyer's practice profile, their unspent notification consents, their stored
 *   idempotent answers (which repeat what they sent), pending notices to them;
 * - anonymized: the account's name (「已注销用户」 wherever the app shows current names) and the name on the
 *   invite they joined by; the subject is replaced, so their WeChat identity starts a new, empty account;
 * - kept: the case records (versions, acknowledgments and disputes with the name, device details and address
 *   recorded at the time, questions, requests) and the event chain. Those rows are append-only evidence whose
 *   fields the chain commits to: changing them would break verification, and the firm must keep them.
 */
async function deleteAccount(db: Db, user: { id: string; subject: string }, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  await db.deleteFrom('lawyer_profiles').where('user_id', '=', user.id).execute();
  await db.deleteFrom('notify_credits').where('user_id', '=', user.id).execute();
  await db.deleteFrom('idempotency').where('subject', '=', user.subject).execute();
  await db
    .updateTable('notification_outbox')
    .set({ status: 'skipped', reason: 'account_deleted' })
    .where('recipient_user_id', '=', user.id)
    .where('status', '=', 'pending')
    .execute();
  await db
    .updateTable('invites')
    .set({ intended_name: DELETED_USER_NAME })
    .where('used_by', '=', user.id)
    .where('intended_name', 'is not', null)
    .execute();
  await db
    .updateTable('users')
    .set({
      display_name: DELETED_USER_NAME,
      subject: `deleted:${newId()}`,
      is_lawyer: 0,
      deleted_at: now,
    })
    .where('id', '=', user.id)
    .execute();
}

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
    await deleteAccount(ctx.db, { id: user.id, subject: ctx.caller.subject }, ctx.now);
    return ok({ deletedAt: ctx.now });
  },
};
