import { DELETED_USER_NAME } from '../../contract/privacy';
import { newId } from '../platform/crypto';
import type { Db } from '../platform/migrate';

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
export async function deleteAccount(
  db: Db,
  user: { id: string; subject: string },
  now: string,
): Promise<void> {
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
