/**
 * Writing notices into the outbox, in the caller's transaction: a record and what its readers should learn of
 * it commit together or not at all. The sender (sender.ts) reads them from there.
 */
import { DEFAULT_QUIET_HOURS, NOTICE_KINDS, type NoticeKind } from '../../contract/notifications';
import type { UserContext } from '../core/action';
import { newId } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import type { NotifyConfig } from './notify-config';
import type { QuietHours } from './notices.rules';

export interface NoticeInput {
  kind: NoticeKind;
  caseId: string;
  /** Who should learn of it; the author of the act is never among them (dropped if passed). */
  recipients: readonly string[];
  /** The record it is about: the page the message opens. */
  recordId: string;
  /** What the message and the in-app list name (the record's title). */
  title: string;
}

/**
 * Queues one notice per recipient and raises each one's unseen count on the case. Returns the outbox ids, in
 * recipient order. With no WeChat delivery configured the items are `inApp` from the start, so nothing ever says
 * they are waiting to be sent.
 */
export async function queueNotices(
  db: Db,
  n: NoticeInput & { createdBy: string; now: string; mode: NotifyConfig['mode'] },
): Promise<string[]> {
  const recipients = [...new Set(n.recipients)].filter((r) => r !== n.createdBy);
  if (recipients.length === 0) return [];
  const rows = recipients.map((recipient) => ({
    id: newId(),
    kind: n.kind,
    recipient_user_id: recipient,
    case_id: n.caseId,
    subject_id: n.recordId,
    payload: JSON.stringify({ title: n.title }),
    created_by: n.createdBy,
    created_at: n.now,
    status: n.mode === 'off' ? ('inApp' as const) : ('pending' as const),
    template: NOTICE_KINDS[n.kind].template,
    not_before: n.now,
    message_id: null,
    reason: null,
    seen_at: null,
  }));
  await db.insertInto('notification_outbox').values(rows).execute();
  await db
    .updateTable('member_case_state')
    .set((eb) => ({ unseen_notices: eb('unseen_notices', '+', 1) }))
    .where('case_id', '=', n.caseId)
    .where('user_id', 'in', recipients)
    .execute();
  return rows.map((r) => r.id);
}

/** The title a notice's payload carries (what `queueNotices` wrote); '' if unreadable. */
export function noticeTitle(payload: string): string {
  try {
    const title = (JSON.parse(payload) as { title?: unknown }).title;
    return typeof title === 'string' ? title : '';
  } catch {
    return '';
  }
}

/** `queueNotices` for an action: the caller is the author, at the request's time, under the server's config. */
export function notify(ctx: UserContext, n: NoticeInput): Promise<string[]> {
  return queueNotices(ctx.db, {
    ...n,
    createdBy: ctx.caller.user.id,
    now: ctx.now,
    mode: ctx.config.notify.mode,
  });
}

/**
 * Each recipient's quiet hours: a lawyer's own from the profile (null: none), everyone else the default
 * 22:00–08:00. One query for any number of people.
 */
export async function quietHoursOf(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, QuietHours | null>> {
  const result = new Map<string, QuietHours | null>(userIds.map((id) => [id, { ...DEFAULT_QUIET_HOURS }]));
  if (userIds.length === 0) return result;
  const profiles = await db
    .selectFrom('lawyer_profiles')
    .select(['user_id', 'quiet_start', 'quiet_end'])
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const p of profiles)
    result.set(p.user_id, p.quiet_start && p.quiet_end ? { start: p.quiet_start, end: p.quiet_end } : null);
  return result;
}

/** Unspent one-time consents per template id for one person. */
export async function creditsByTemplateId(db: Db, userId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('notify_credits')
    .select(['template_id', 'credits'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.template_id, Number(r.credits)]));
}
