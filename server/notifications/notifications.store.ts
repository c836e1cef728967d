/**
 * Reading notices: a person's consent credits and settings, a case's notices as the recipient or the sender sees
 * them, the demo's message preview, and where a reminder just written stands. Every view is a fixed number of
 * set-based queries, whatever the number of rows.
 */
import { sql } from 'kysely';
import {
  NOTICE_KINDS,
  NOTICE_TEMPLATES,
  NOTIFY_LIMITS,
  TEMPLATE_INFO,
  type Delivery,
  type Notice,
  type NoticeKind,
  type NoticeTemplate,
  type NotifySettings,
  type PreviewMessage,
} from '../../contract/notifications';
import type { UserContext } from '../core/action';
import type { Db } from '../platform/migrate';
import { deliveryOf } from './delivery';
import { sendErrorLabel } from './send-errors';
import { creditsByTemplateId, noticeTitle, quietHoursOf } from './notices.store';
import { quietHoursEnd } from './notices.rules';
import type { NotifyConfig, TemplateFields } from './notify-config';

const isNoticeKind = (kind: string): kind is NoticeKind => kind in NOTICE_KINDS;

/** The configured templates, in the contract's order. */
export function configuredTemplates(config: NotifyConfig) {
  return NOTICE_TEMPLATES.flatMap((key) => {
    const t = config.templates[key];
    return t ? [{ key, templateId: t.id, ...TEMPLATE_INFO[key] }] : [];
  });
}

/** The template key a configured template id stands for (undefined: not one of ours). */
export function templateKeyOf(config: NotifyConfig, templateId: string): NoticeTemplate | undefined {
  return NOTICE_TEMPLATES.find((key) => config.templates[key]?.id === templateId);
}

/** Unspent consents per configured template key (0 where none), from credits by template id. */
function creditsByKey(
  config: NotifyConfig,
  byId: Map<string, number>,
): Partial<Record<NoticeTemplate, number>> {
  const out: Partial<Record<NoticeTemplate, number>> = {};
  for (const t of configuredTemplates(config)) out[t.key] = byId.get(t.templateId) ?? 0;
  return out;
}

/** The caller's notification settings: three queries. */
export async function settingsOf(db: Db, userId: string, config: NotifyConfig): Promise<NotifySettings> {
  const credits = creditsByKey(config, await creditsByTemplateId(db, userId));
  const quiet = (await quietHoursOf(db, [userId])).get(userId) ?? null;
  const unseen = await db
    .selectFrom('member_case_state')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('unseen_notices'), sql<number>`0`).as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    mode: config.mode,
    templates: configuredTemplates(config),
    credits,
    quietHours: quiet,
    unseen: Number(unseen.n),
  };
}

/** One more unspent consent per accepted template id, never above NOTIFY_LIMITS.maxCredits. */
export async function addCredits(db: Db, userId: string, templateIds: readonly string[], now: string) {
  for (const templateId of new Set(templateIds)) {
    await db
      .insertInto('notify_credits')
      .values({ user_id: userId, template_id: templateId, credits: 1, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['user_id', 'template_id']).doUpdateSet({
          credits: sql<number>`case when notify_credits.credits + 1 > ${NOTIFY_LIMITS.maxCredits} then ${NOTIFY_LIMITS.maxCredits} else notify_credits.credits + 1 end`,
          updated_at: now,
        }),
      )
      .execute();
  }
}

/** Outbox rows with their people and their message, as every notice view reads them. */
const noticeRows = (db: Db) =>
  db
    .selectFrom('notification_outbox as o')
    .innerJoin('users as f', 'f.id', 'o.created_by')
    .innerJoin('users as t', 't.id', 'o.recipient_user_id')
    .leftJoin('notification_messages as m', 'm.id', 'o.message_id')
    .select([
      'o.id',
      'o.kind',
      'o.case_id',
      'o.subject_id',
      'o.payload',
      'o.created_at',
      'o.recipient_user_id',
      'o.status',
      'o.reason',
      'o.not_before',
      'o.seen_at',
      'f.display_name as from_name',
      't.display_name as to_name',
      'm.status as message_status',
      'm.next_attempt_at',
      'm.sent_at',
      'm.last_error',
    ]);

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeRows>['execute']>>[number];

function toNotice(r: NoticeRow, now: string): Notice | null {
  if (!isNoticeKind(r.kind)) return null;
  const message =
    r.message_status && r.next_attempt_at
      ? {
          status: r.message_status,
          next_attempt_at: r.next_attempt_at,
          sent_at: r.sent_at,
          last_error: r.last_error,
        }
      : null;
  return {
    id: r.id,
    kind: r.kind,
    caseId: r.case_id,
    recordId: r.subject_id,
    title: noticeTitle(r.payload),
    fromName: r.from_name,
    toName: r.to_name,
    createdAt: r.created_at,
    seen: r.seen_at !== null,
    delivery: deliveryOf(r, message, now),
  };
}

export type NoticeCursor = { createdAt: string; id: string };

/**
 * A page of a case's notices, newest first: those `userId` received, or those their acts sent. One query (the
 * recipient's or the sender's index), one row more than the page to know whether there is a next.
 */
export async function listNotices(
  db: Db,
  q: { caseId: string; userId: string; box: 'received' | 'sent'; before: NoticeCursor | null; now: string },
): Promise<{ notices: Notice[]; next: NoticeCursor | null }> {
  let query = noticeRows(db)
    .where('o.case_id', '=', q.caseId)
    .where(q.box === 'received' ? 'o.recipient_user_id' : 'o.created_by', '=', q.userId);
  if (q.before) {
    const { createdAt, id } = q.before;
    query = query.where((eb) =>
      eb.or([
        eb('o.created_at', '<', createdAt),
        eb.and([eb('o.created_at', '=', createdAt), eb('o.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(NOTIFY_LIMITS.pageSize + 1)
    .execute();
  const page = rows.slice(0, NOTIFY_LIMITS.pageSize);
  const last = page.at(-1);
  return {
    notices: page.flatMap((r) => toNotice(r, q.now) ?? []),
    next: rows.length > NOTIFY_LIMITS.pageSize && last ? { createdAt: last.created_at, id: last.id } : null,
  };
}

/** The caller has looked at the case's notices: each unseen one is marked seen, and the count is zero. */
export async function markNoticesSeen(db: Db, caseId: string, userId: string, now: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ seen_at: now })
    .where('case_id', '=', caseId)
    .where('recipient_user_id', '=', userId)
    .where('seen_at', 'is', null)
    .execute();
  await db
    .updateTable('member_case_state')
    .set({ unseen_notices: 0 })
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Where a notice just queued for `recipient` stands, as the one who caused it is told: in-app only when this
 * deployment sends no messages; not possible without a consent for any template of the recipient's audience;
 * inside the recipient's quiet hours, deferred until they end (the item waits until then: `not_before`); else
 * queued for the next drain.
 */
export async function newNoticeDelivery(
  ctx: UserContext,
  n: { outboxId: string | undefined; recipient: string; audience: 'client' | 'lawyer' },
): Promise<Delivery> {
  const none = { at: null, reason: null };
  if (ctx.config.notify.mode === 'off' || !n.outboxId) return { state: 'inApp', ...none };
  const credits = creditsByKey(ctx.config.notify, await creditsByTemplateId(ctx.db, n.recipient));
  const usable = NOTICE_TEMPLATES.some(
    (key) => TEMPLATE_INFO[key].audience === n.audience && (credits[key] ?? 0) > 0,
  );
  if (!usable) return { state: 'noConsent', ...none };
  const quiet = (await quietHoursOf(ctx.db, [n.recipient])).get(n.recipient) ?? null;
  const end = quietHoursEnd(ctx.now, quiet);
  if (end) {
    await ctx.db
      .updateTable('notification_outbox')
      .set({ not_before: end, reason: 'quiet_hours' })
      .where('id', '=', n.outboxId)
      .where('status', '=', 'pending')
      .execute();
    return { state: 'deferred', at: end, reason: '对方处于免打扰时段' };
  }
  return { state: 'queued', ...none };
}

/** A reminder's delivery: a client's notice (see newNoticeDelivery). */
export function reminderDelivery(ctx: UserContext, clientUserId: string, outboxId: string | undefined) {
  return newNoticeDelivery(ctx, { outboxId, recipient: clientUserId, audience: 'client' });
}

// --- The demo's 消息预览 -----------------------------------------------------------------------------------

const PREVIEW_LABELS: { readonly [F in keyof TemplateFields]-?: string } = {
  case: '案件名称',
  summary: '通知内容',
  time: '时间',
  note: '备注',
};
/** Messages per persona the preview shows (newest), and how many it reads at most in all. */
export const PREVIEW_MESSAGES = 20;
const PREVIEW_ROWS = 500;

/** A message's `data` as the recipient's WeChat shows it: the template's fields, labelled, in order. */
export function labelledFields(
  data: string,
  fields: TemplateFields | undefined,
): { label: string; value: string }[] {
  let parsed: Record<string, { value?: unknown }> = {};
  try {
    parsed = JSON.parse(data) as Record<string, { value?: unknown }>;
  } catch {
    return [];
  }
  const valueOf = (keyword: string) => {
    const v = parsed[keyword]?.value;
    return typeof v === 'string' ? v : null;
  };
  if (!fields) {
    return Object.keys(parsed).flatMap((k) => {
      const value = valueOf(k);
      return value === null ? [] : [{ label: k, value }];
    });
  }
  return (Object.keys(PREVIEW_LABELS) as (keyof TemplateFields)[]).flatMap((f) => {
    const keyword = fields[f];
    const value = keyword ? valueOf(keyword) : null;
    return value === null ? [] : [{ label: PREVIEW_LABELS[f], value }];
  });
}

/**
 * What each persona would have received: everyone with a message or a notice, their credits, their newest
 * messages (with the notices each carries) and their notices not in a sent message. Five queries in all.
 */
export async function loadPreview(db: Db, config: NotifyConfig, now: string) {
  const people = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('notification_outbox as o')
            .select('o.id')
            .whereRef('o.recipient_user_id', '=', 'u.id'),
        ),
        eb.exists(
          eb
            .selectFrom('notification_messages as m')
            .select('m.id')
            .whereRef('m.recipient_user_id', '=', 'u.id'),
        ),
      ]),
    )
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute();
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);

  const credits = await db
    .selectFrom('notify_credits')
    .select(['user_id', 'template_id', 'credits'])
    .where('user_id', 'in', ids)
    .execute();
  const messages = await db
    .selectFrom('notification_messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'm.id',
      'm.recipient_user_id',
      'm.template',
      'm.page',
      'm.data',
      'm.status',
      'm.attempts',
      'm.sent_at',
      'm.last_error',
      'm.created_at',
      'c.title as case_title',
    ])
    .where('m.recipient_user_id', 'in', ids)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(PREVIEW_ROWS)
    .execute();
  const shownMessages = new Map<string, typeof messages>();
  for (const m of messages) {
    const list = shownMessages.get(m.recipient_user_id) ?? [];
    if (list.length < PREVIEW_MESSAGES) list.push(m);
    shownMessages.set(m.recipient_user_id, list);
  }
  const messageIds = [...shownMessages.values()].flat().map((m) => m.id);
  const carried = messageIds.length
    ? await db
        .selectFrom('notification_outbox')
        .select(['message_id', 'kind'])
        .where('message_id', 'in', messageIds)
        .orderBy('created_at')
        .execute()
    : [];
  const kindsOf = new Map<string, NoticeKind[]>();
  for (const c of carried) {
    if (!c.message_id || !isNoticeKind(c.kind)) continue;
    kindsOf.set(c.message_id, [...(kindsOf.get(c.message_id) ?? []), c.kind]);
  }
  const waiting = await noticeRows(db)
    .where('o.recipient_user_id', 'in', ids)
    .where((eb) => eb.or([eb('o.message_id', 'is', null), eb('m.status', '!=', 'sent')]))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(PREVIEW_ROWS)
    .execute();

  return people.map((p) => {
    const byId = new Map(
      credits.filter((c) => c.user_id === p.id).map((c) => [c.template_id, Number(c.credits)]),
    );
    return {
      userId: p.id,
      displayName: p.display_name,
      credits: creditsByKey(config, byId),
      messages: (shownMessages.get(p.id) ?? []).map((m): PreviewMessage => ({
        id: m.id,
        caseTitle: m.case_title,
        templateTitle: (NOTICE_TEMPLATES as readonly string[]).includes(m.template)
          ? TEMPLATE_INFO[m.template as NoticeTemplate].title
          : m.template,
        fields: labelledFields(m.data, config.templates[m.template as NoticeTemplate]?.fields),
        page: m.page,
        status: m.status,
        attempts: Number(m.attempts),
        sentAt: m.sent_at,
        lastError: sendErrorLabel(m.last_error),
        kinds: kindsOf.get(m.id) ?? [],
        createdAt: m.created_at,
      })),
      waiting: waiting
        .filter((w) => w.recipient_user_id === p.id)
        .slice(0, PREVIEW_MESSAGES)
        .flatMap((w) => toNotice(w, now) ?? []),
    };
  });
}
