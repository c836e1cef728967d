/**
 * The sender: drains the outbox (notification_outbox) into subscribe messages (notification_messages) and hands
 * them to a transport.
 *
 * One drain:
 * 1. Messages left `sending` longer than the lease (a process died between the send and recording its outcome)
 *    go back to `retry`, due now, their reserved credit returned.
 * 2. Pending items that are due are read in bounded batches (index notification_outbox_due) and grouped by
 *    recipient and case. Per group: a recipient without a WeChat openid (wechat mode) → skipped `no_openid`;
 *    inside the RECIPIENT's quiet hours → stays pending with not_before = their end, reason `quiet_hours`; no
 *    credit for any template of the group's audience → skipped `no_consent` (the in-app count still shows it);
 *    else, in one short transaction, one credit is reserved (decremented), one message row is written (`sending`,
 *    attempt 1) and the items are claimed with a status-guarded `UPDATE … WHERE status = 'pending'`.
 * 3. Due retries (index notification_messages_due) are claimed the same way (`WHERE status = 'retry'`), a credit
 *    reserved again.
 * 4. Each claimed message is sent OUTSIDE any transaction; its outcome is recorded in another short transaction:
 *    `sent`; a retryable failure → `retry` after a backoff (1, 2, 4, 8 min) with the credit given back (WeChat
 *    spends a consent only on a message it accepts); after MAX_ATTEMPTS tries, or a failure no try can mend
 *    (invalid template or data) → `dead`, credit given back; WeChat's "user refused" (43101) → `dead`, the credit
 *    row zeroed and the items skipped `no_consent`.
 *
 * Concurrency: FOR UPDATE SKIP LOCKED is not portable to SQLite, so the design is ONE sender at a time (the worker
 * never overlaps its ticks; the cloud timer trigger runs one instance). The status-guarded claims keep a second,
 * accidental sender from sending an item twice through the planning path: the loser's claim updates no row and
 * its transaction rolls back.
 *
 * AT-LEAST-ONCE, NOT EXACTLY-ONCE: a crash after WeChat accepted a message but before `sent` was recorded leaves the
 * message `sending`; once its lease (claimed_at + leaseMs) has passed, the next drain sends it again. So each crash
 * may resend the messages that were in flight at that moment — at most once each, never any other — and nothing
 * claimed is ever lost. WeChat offers no idempotency key for subscribe messages that would close this gap.
 */
import {
  NOTICE_KINDS,
  NOTICE_TEMPLATES,
  type NoticeKind,
  type NoticeTemplate,
} from '../../contract/notice-kinds';
import { newId } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import { quietHoursEnd } from './notices.rules';
import { noticeTitle, quietHoursOf } from './notices.store';
import type { NotifyConfig } from './notify-config';
import { formatSendError } from './send-errors';
import { chooseTemplate, composeMessage, MAX_ATTEMPTS, nextAttemptAt, type GroupItem } from './sender.rules';
import type { MessageTransport, OutgoingMessage, SendResult } from './transports/transport';

export interface DrainOptions {
  clock: () => Date;
  config: NotifyConfig;
  transport: MessageTransport;
  /** Items or messages read per batch (default 100). */
  batchSize?: number;
  /**
   * How long a claimed message may stay `sending` before it is presumed lost and tried again (default 60 s). Must
   * exceed the longest send (token fetch, send, token refresh, send again: four request timeouts).
   */
  leaseMs?: number;
  /** Messages in flight at once (default 4). */
  concurrency?: number;
  log?: (message: string) => void;
}

export interface DrainOutcome {
  /** Messages claimed and handed to the transport. */
  attempted: number;
  sent: number;
  retrying: number;
  dead: number;
  /** Items deferred to the end of their recipient's quiet hours. */
  deferred: number;
  /** Items skipped (no consent, no openid, no template). */
  skipped: number;
  /** Messages found `sending` past their lease and put back to retry. */
  recovered: number;
}

interface Claimed {
  id: string;
  userId: string;
  templateId: string;
  claimedAt: string;
  attempts: number;
  message: OutgoingMessage;
}

const DEFAULT_BATCH = 100;
const DEFAULT_LEASE_MS = 60_000;
/** A drain stops after this many batches even if more is due (the next tick continues). */
const MAX_BATCHES = 50;

class ClaimLost extends Error {}

/** Drains what is due at the clock's time. Safe to call again at any moment; never throws for a send failure. */
export async function drainOutbox(db: Db, o: DrainOptions): Promise<DrainOutcome> {
  const out: DrainOutcome = {
    attempted: 0,
    sent: 0,
    retrying: 0,
    dead: 0,
    deferred: 0,
    skipped: 0,
    recovered: 0,
  };
  const batch = o.batchSize ?? DEFAULT_BATCH;
  out.recovered = await recoverStale(db, o);
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { read, claimed, changed } = await planBatch(db, o, batch, out);
    await sendAll(db, o, claimed, out);
    if (read < batch || !changed) break;
  }
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { read, claimed } = await claimRetries(db, o, batch, out);
    await sendAll(db, o, claimed, out);
    if (read < batch) break;
  }
  return out;
}

/** Messages a dead process left `sending`: back to retry (or dead after the last try), credit returned. */
async function recoverStale(db: Db, o: DrainOptions): Promise<number> {
  const now = o.clock().toISOString();
  const before = new Date(Date.parse(now) - (o.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  const stale = await db
    .selectFrom('notification_messages')
    .select(['id', 'recipient_user_id', 'template_id', 'attempts', 'claimed_at'])
    .where('status', '=', 'sending')
    .where('claimed_at', '<', before)
    .limit(o.batchSize ?? DEFAULT_BATCH)
    .execute();
  let recovered = 0;
  for (const m of stale) {
    await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('notification_messages')
        .set({
          status: Number(m.attempts) >= MAX_ATTEMPTS ? 'dead' : 'retry',
          next_attempt_at: now,
          last_error: formatSendError('unknown', 'interrupted before its outcome was recorded'),
        })
        .where('id', '=', m.id)
        .where('status', '=', 'sending')
        .where('claimed_at', '=', m.claimed_at)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return;
      await giveCreditBack(trx, m.recipient_user_id, m.template_id, now);
      recovered++;
    });
  }
  if (recovered) o.log?.(`${recovered} message(s) left sending past the lease: tried again`);
  return recovered;
}

interface PendingRow {
  id: string;
  kind: string;
  recipient_user_id: string;
  case_id: string;
  subject_id: string;
  payload: string;
  created_at: string;
  template: string;
}

/** One batch of due pending items: grouped, each group deferred, skipped or claimed into a message. */
async function planBatch(
  db: Db,
  o: DrainOptions,
  batch: number,
  out: DrainOutcome,
): Promise<{ read: number; claimed: Claimed[]; changed: boolean }> {
  const now = o.clock().toISOString();
  const rows: PendingRow[] = await db
    .selectFrom('notification_outbox')
    .select(['id', 'kind', 'recipient_user_id', 'case_id', 'subject_id', 'payload', 'created_at', 'template'])
    .where('status', '=', 'pending')
    .where('not_before', '<=', now)
    .orderBy('not_before')
    .orderBy('id')
    .limit(batch)
    .execute();
  if (rows.length === 0) return { read: 0, claimed: [], changed: false };

  const groups = new Map<string, PendingRow[]>();
  for (const r of rows) {
    const key = `${r.recipient_user_id}\u0000${r.case_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const userIds = [...new Set(rows.map((r) => r.recipient_user_id))];
  const caseIds = [...new Set(rows.map((r) => r.case_id))];
  const [users, quiet, creditRows, cases] = await Promise.all([
    db.selectFrom('users').select(['id', 'subject']).where('id', 'in', userIds).execute(),
    quietHoursOf(db, userIds),
    db
      .selectFrom('notify_credits')
      .select(['user_id', 'template_id', 'credits'])
      .where('user_id', 'in', userIds)
      .execute(),
    db.selectFrom('cases').select(['id', 'title']).where('id', 'in', caseIds).execute(),
  ]);
  const subjectOf = new Map(users.map((u) => [u.id, u.subject]));
  const caseTitle = new Map(cases.map((c) => [c.id, c.title]));
  const credits = new Map(creditRows.map((c) => [`${c.user_id}\u0000${c.template_id}`, Number(c.credits)]));
  const creditsOf = (userId: string): Partial<Record<NoticeTemplate, number>> => {
    const result: Partial<Record<NoticeTemplate, number>> = {};
    for (const t of NOTICE_TEMPLATES) {
      const cfg = o.config.templates[t];
      if (cfg) result[t] = credits.get(`${userId}\u0000${cfg.id}`) ?? 0;
    }
    return result;
  };

  const claimed: Claimed[] = [];
  let changed = false;
  for (const group of groups.values()) {
    const userId = group[0].recipient_user_id;
    const caseId = group[0].case_id;
    const ids = group.map((g) => g.id);
    const subject = subjectOf.get(userId) ?? '';
    if (o.config.mode === 'wechat' && !subject.startsWith('wx:')) {
      changed = (await skip(db, ids, 'no_openid', out)) || changed;
      continue;
    }
    const quietEnd = quietHoursEnd(now, quiet.get(userId) ?? null);
    if (quietEnd) {
      const moved = await db
        .updateTable('notification_outbox')
        .set({ not_before: quietEnd, reason: 'quiet_hours' })
        .where('id', 'in', ids)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      out.deferred += Number(moved.numUpdatedRows);
      changed = changed || Number(moved.numUpdatedRows) > 0;
      continue;
    }
    const items: GroupItem[] = group.map((g) => ({
      id: g.id,
      kind: g.kind as NoticeKind,
      template: (NOTICE_TEMPLATES as readonly string[]).includes(g.template)
        ? (g.template as NoticeTemplate)
        : NOTICE_KINDS[g.kind as NoticeKind].template,
      subjectId: g.subject_id,
      title: noticeTitle(g.payload),
      createdAt: g.created_at,
    }));
    const choice = chooseTemplate(
      items.map((i) => i.template),
      o.config.templates,
      creditsOf(userId),
    );
    if ('skip' in choice) {
      changed = (await skip(db, ids, choice.skip, out)) || changed;
      continue;
    }
    const template = o.config.templates[choice.template];
    if (!template) continue; // chooseTemplate only picks configured templates
    const content = composeMessage(items, template, { caseId, caseTitle: caseTitle.get(caseId) ?? '' });
    const messageId = newId();
    try {
      await db.transaction().execute(async (trx) => {
        await reserveCredit(trx, userId, template.id, now);
        await trx
          .insertInto('notification_messages')
          .values({
            id: messageId,
            recipient_user_id: userId,
            case_id: caseId,
            template: choice.template,
            template_id: template.id,
            page: content.page,
            data: JSON.stringify(content.data),
            transport: o.transport.name,
            status: 'sending',
            attempts: 1,
            next_attempt_at: now,
            claimed_at: now,
            sent_at: null,
            last_error: null,
            created_at: now,
          })
          .execute();
        const moved = await trx
          .updateTable('notification_outbox')
          .set({ status: 'sending', message_id: messageId, reason: null })
          .where('id', 'in', ids)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== ids.length) throw new ClaimLost();
      });
    } catch (error) {
      if (error instanceof ClaimLost) continue; // another sender took them, or the credit went meanwhile
      throw error;
    }
    changed = true;
    const key = `${userId}\u0000${template.id}`;
    credits.set(key, (credits.get(key) ?? 1) - 1);
    claimed.push({
      id: messageId,
      userId,
      templateId: template.id,
      claimedAt: now,
      attempts: 1,
      message: {
        touser: touserOf(subject),
        templateId: template.id,
        page: content.page,
        data: content.data,
        miniprogramState: o.config.miniprogramState,
      },
    });
  }
  return { read: rows.length, claimed, changed };
}

/** Due retries, each claimed (`retry` → `sending`, one more attempt) with a credit reserved again. */
async function claimRetries(
  db: Db,
  o: DrainOptions,
  batch: number,
  out: DrainOutcome,
): Promise<{ read: number; claimed: Claimed[] }> {
  const now = o.clock().toISOString();
  const due = await db
    .selectFrom('notification_messages as m')
    .innerJoin('users as u', 'u.id', 'm.recipient_user_id')
    .select(['m.id', 'm.recipient_user_id', 'm.template_id', 'm.page', 'm.data', 'm.attempts', 'u.subject'])
    .where('m.status', '=', 'retry')
    .where('m.next_attempt_at', '<=', now)
    .orderBy('m.next_attempt_at')
    .orderBy('m.id')
    .limit(batch)
    .execute();
  const claimed: Claimed[] = [];
  for (const m of due) {
    const attempts = Number(m.attempts) + 1;
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const reserved = await trx
          .updateTable('notify_credits')
          .set((eb) => ({ credits: eb('credits', '-', 1), updated_at: now }))
          .where('user_id', '=', m.recipient_user_id)
          .where('template_id', '=', m.template_id)
          .where('credits', '>', 0)
          .executeTakeFirst();
        if (Number(reserved.numUpdatedRows) !== 1) {
          // The consent it had was spent or refused meanwhile: nothing may be sent.
          const moved = await trx
            .updateTable('notification_messages')
            .set({ status: 'dead', last_error: formatSendError('noConsent', 'no credit left for a retry') })
            .where('id', '=', m.id)
            .where('status', '=', 'retry')
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 1)
            await trx
              .updateTable('notification_outbox')
              .set({ status: 'skipped', reason: 'no_consent' })
              .where('message_id', '=', m.id)
              .execute();
          return 'dead' as const;
        }
        const moved = await trx
          .updateTable('notification_messages')
          .set({ status: 'sending', attempts, claimed_at: now })
          .where('id', '=', m.id)
          .where('status', '=', 'retry')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new ClaimLost();
        return 'claimed' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof ClaimLost) return 'lost' as const;
        throw error;
      });
    if (outcome === 'dead') out.dead++;
    if (outcome !== 'claimed') continue;
    claimed.push({
      id: m.id,
      userId: m.recipient_user_id,
      templateId: m.template_id,
      claimedAt: now,
      attempts,
      message: {
        touser: touserOf(m.subject),
        templateId: m.template_id,
        page: m.page,
        data: JSON.parse(m.data) as OutgoingMessage['data'],
        miniprogramState: o.config.miniprogramState,
      },
    });
  }
  return { read: due.length, claimed };
}

/** Sends claimed messages, a few at a time, outside any transaction; records each outcome as it comes. */
async function sendAll(db: Db, o: DrainOptions, claimed: Claimed[], out: DrainOutcome): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const c = claimed[next++];
      out.attempted++;
      let result: SendResult;
      try {
        result = await o.transport.send(c.message);
      } catch (error) {
        result = {
          ok: false,
          failure: 'unknown',
          detail: error instanceof Error ? error.message.slice(0, 120) : 'transport threw',
          retryable: true,
        };
      }
      const state = await recordOutcome(db, o, c, result);
      if (state) out[state]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, claimed.length) }, lane));
}

/** The outcome of one try, in one short transaction. Null when the claim was no longer ours (lease passed). */
async function recordOutcome(
  db: Db,
  o: DrainOptions,
  c: Claimed,
  result: SendResult,
): Promise<'sent' | 'retrying' | 'dead' | null> {
  const now = o.clock().toISOString();
  return db.transaction().execute(async (trx) => {
    const mine = trx
      .updateTable('notification_messages')
      .where('id', '=', c.id)
      .where('status', '=', 'sending')
      .where('claimed_at', '=', c.claimedAt);
    if (result.ok) {
      const moved = await mine.set({ status: 'sent', sent_at: now, last_error: null }).executeTakeFirst();
      return Number(moved.numUpdatedRows) === 1 ? 'sent' : null;
    }
    const lastError = formatSendError(result.failure, result.detail);
    if (result.failure === 'noConsent') {
      // WeChat says the person has no consent left for this template: our count was wrong; it is zero now.
      const moved = await mine.set({ status: 'dead', last_error: lastError }).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return null;
      await trx
        .updateTable('notify_credits')
        .set({ credits: 0, updated_at: now })
        .where('user_id', '=', c.userId)
        .where('template_id', '=', c.templateId)
        .execute();
      await trx
        .updateTable('notification_outbox')
        .set({ status: 'skipped', reason: 'no_consent' })
        .where('message_id', '=', c.id)
        .execute();
      o.log?.(`message ${c.id}: ${lastError} (consent zeroed)`);
      return 'dead';
    }
    const retry = result.retryable && c.attempts < MAX_ATTEMPTS;
    const moved = await mine
      .set(
        retry
          ? { status: 'retry', next_attempt_at: nextAttemptAt(now, c.attempts), last_error: lastError }
          : { status: 'dead', last_error: lastError },
      )
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return null;
    await giveCreditBack(trx, c.userId, c.templateId, now);
    o.log?.(`message ${c.id} try ${c.attempts}: ${lastError}${retry ? '' : ' (dead)'}`);
    return retry ? 'retrying' : 'dead';
  });
}

async function skip(db: Db, ids: string[], reason: string, out: DrainOutcome): Promise<boolean> {
  const moved = await db
    .updateTable('notification_outbox')
    .set({ status: 'skipped', reason })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  out.skipped += Number(moved.numUpdatedRows);
  return Number(moved.numUpdatedRows) > 0;
}

async function reserveCredit(db: Db, userId: string, templateId: string, now: string): Promise<void> {
  const reserved = await db
    .updateTable('notify_credits')
    .set((eb) => ({ credits: eb('credits', '-', 1), updated_at: now }))
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .where('credits', '>', 0)
    .executeTakeFirst();
  if (Number(reserved.numUpdatedRows) !== 1) throw new ClaimLost();
}

async function giveCreditBack(db: Db, userId: string, templateId: string, now: string): Promise<void> {
  await db
    .updateTable('notify_credits')
    .set((eb) => ({ credits: eb('credits', '+', 1), updated_at: now }))
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .execute();
}

/** The openid WeChat sends to (`wx:<openid>`); the demo records its personas' subjects as they are. */
function touserOf(subject: string): string {
  return subject.startsWith('wx:') ? subject.slice(3) : subject;
}
