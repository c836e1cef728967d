import { caseContext, userContext, type ActionContext, type ActionHandler } from '../core/action';
import { MEMBER_LIST_CAP } from '../../contract/paging';
import { readCursor, takePage } from '../core/paging';
import { fail, ok } from '../core/result';
import { appendCaseEvent } from '../events/event-log.store';
import { addMember, startMemberState, touchCase } from '../cases/cases.store';
import { DEFAULT_DISPLAY_NAME, ensureUser } from '../session/users.store';
import type { Db } from '../platform/migrate';
import type { InvitesTable } from '../platform/schema';
import { inviteState, normalizeInviteCode } from './invite-code.rules';
import type { Invite } from '../../contract/invites';
import type { ErrorCode } from '../../contract/errors';
import {
  caseInvites,
  caseMembersWithRemovals,
  consumeInvite,
  createInvite,
  findInvite,
  findInviteByCode,
  reissueInviteCode,
} from './invites.store';

const REFUSED: Record<'used' | 'expired' | 'revoked', ErrorCode> = {
  used: 'INVITE.USED',
  expired: 'INVITE.EXPIRED',
  revoked: 'INVITE.REVOKED',
};

/**
 * An invite's code is its secret: the idempotency store keeps the answer without it, and a replayed request
 * gets a fresh code for the same, still open invite (the database never holds a usable code).
 */
const inviteSecret = {
  strip: ({ inviteId, kind, expiresAt }: Invite) => ({ inviteId, kind, expiresAt }),
  async reissue(ctx: ActionContext, stored: unknown) {
    const invite = await findInvite(ctx.db, (stored as { inviteId: string }).inviteId);
    if (!invite) return fail('INVITE.NOT_FOUND');
    const state = inviteState(invite, ctx.now);
    if (state !== 'open') return fail(REFUSED[state]);
    const reissued = await reissueInviteCode(ctx.db, invite, ctx.config.publicBaseUrl);
    return reissued ? ok(reissued) : fail('INVITE.USED');
  },
};

export const inviteCreateClient: ActionHandler<'invite.createClient'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const invite = await createInvite(ctx.db, {
      kind: 'client',
      caseId: ctx.membership.caseId,
      intendedName: input.clientName,
      createdBy: ctx.caller.user.id,
      now: ctx.now,
      ttlHours: ctx.config.inviteTtlHours,
      publicBaseUrl: ctx.config.publicBaseUrl,
    });
    await appendCaseEvent(ctx.db, {
      caseId: ctx.membership.caseId,
      at: ctx.now,
      actorId: ctx.caller.user.id,
      type: 'invite.created',
      payload: { inviteId: invite.inviteId, kind: 'client', expiresAt: invite.expiresAt },
    });
    return ok(invite);
  },
  secret: inviteSecret,
};

export const adminInviteLawyer: ActionHandler<'admin.inviteLawyer'> = {
  access: { kind: 'admin' },
  async run(raw, input) {
    const ctx = userContext(raw);
    return ok(
      await createInvite(ctx.db, {
        kind: 'lawyer',
        caseId: null,
        intendedName: input.name,
        createdBy: ctx.caller.user.id,
        now: ctx.now,
        ttlHours: ctx.config.inviteTtlHours,
        publicBaseUrl: ctx.config.publicBaseUrl,
      }),
    );
  },
  secret: inviteSecret,
};

/** The invite a code names, or why it cannot be used (the caller's own redeemed invite is not refused). */
async function usableInvite(
  ctx: ActionContext,
  rawCode: string,
): Promise<{ invite: InvitesTable; redeemedByYou: boolean } | { error: ErrorCode }> {
  const code = normalizeInviteCode(rawCode);
  const invite = code ? await findInviteByCode(ctx.db, code) : undefined;
  if (!invite) return { error: 'INVITE.NOT_FOUND' };
  const state = inviteState(invite, ctx.now);
  if (state === 'open') return { invite, redeemedByYou: false };
  const me = ctx.caller.user;
  if (state === 'used' && me && invite.used_by === me.id) {
    // The same person opening their own link again is where they wanted to be — unless they were removed
    // from the case since: then this invite is spent and only a new one lets them back.
    if (invite.kind === 'client' && !(await activeRole(ctx.db, invite.case_id as string, me.id)))
      return { error: 'INVITE.USED' };
    return { invite, redeemedByYou: true };
  }
  return { error: REFUSED[state] };
}

async function membershipRow(db: Db, caseId: string, userId: string) {
  return db
    .selectFrom('case_members')
    .select(['role', 'removed_at'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

async function activeRole(db: Db, caseId: string, userId: string) {
  const row = await membershipRow(db, caseId, userId);
  return row && !row.removed_at ? row.role : null;
}

/** The inviting lawyer's name and firm as their profile states them (their account name without one). */
async function inviter(db: Db, userId: string) {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('lawyer_profiles as p', 'p.user_id', 'u.id')
    .select(['u.display_name', 'p.name', 'p.firm'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return { name: row.name || row.display_name, firm: row.firm || null };
}

export const invitePreview: ActionHandler<'invite.preview'> = {
  access: { kind: 'anyone' },
  async run(ctx, input) {
    const found = await usableInvite(ctx, input.code);
    if ('error' in found) return fail(found.error);
    const { invite, redeemedByYou } = found;
    const caseTitle = invite.case_id
      ? (
          await ctx.db
            .selectFrom('cases')
            .select('title')
            .where('id', '=', invite.case_id)
            .executeTakeFirstOrThrow()
        ).title
      : null;
    const by = await inviter(ctx.db, invite.created_by);
    return ok({
      kind: invite.kind,
      caseTitle,
      inviterName: by.name,
      firm: by.firm,
      intendedName: invite.intended_name,
      expiresAt: invite.expires_at,
      redeemedByYou,
    });
  },
};

export const inviteRedeem: ActionHandler<'invite.redeem'> = {
  access: { kind: 'anyone' },
  async run(ctx, input) {
    const found = await usableInvite(ctx, input.code);
    if ('error' in found) return fail(found.error);
    const { invite, redeemedByYou } = found;
    if (redeemedByYou) {
      return ok({
        kind: invite.kind,
        caseId: invite.case_id,
        pending: invite.decision === null && invite.kind === 'lawyer',
      });
    }

    // A lawyer invite names someone the admin will confirm: the account keeps its own name until then, so the
    // admin sees who actually redeemed it.
    const user =
      ctx.caller.user ??
      (await ensureUser(
        ctx.db,
        ctx.caller.subject,
        ctx.now,
        invite.kind === 'client' ? (invite.intended_name ?? DEFAULT_DISPLAY_NAME) : DEFAULT_DISPLAY_NAME,
      ));

    if (invite.kind === 'lawyer') {
      if (!(await consumeInvite(ctx.db, invite.id, user.id, ctx.now))) return fail('INVITE.USED');
      return ok({ kind: 'lawyer' as const, caseId: null, pending: true });
    }

    const caseId = invite.case_id as string;
    const existing = await membershipRow(ctx.db, caseId, user.id);
    if (existing && (!existing.removed_at || existing.role !== 'client'))
      return fail('INVITE.ALREADY_MEMBER');
    if (!(await consumeInvite(ctx.db, invite.id, user.id, ctx.now))) return fail('INVITE.USED');
    if (invite.intended_name && user.displayName === DEFAULT_DISPLAY_NAME) {
      await ctx.db
        .updateTable('users')
        .set({ display_name: invite.intended_name })
        .where('id', '=', user.id)
        .execute();
    }
    if (existing) await rejoin(ctx.db, { caseId, userId: user.id, inviteId: invite.id, now: ctx.now });
    else {
      await addMember(
        ctx.db,
        { caseId, userId: user.id, role: 'client', now: ctx.now, inviteId: invite.id },
        {
          type: 'member.joined',
          actorId: user.id,
          payload: { userId: user.id, role: 'client', inviteId: invite.id },
        },
      );
    }
    return ok({ kind: 'client' as const, caseId, pending: false });
  },
};

/**
 * A removed client joins again through a new invite. Their membership row is the committed record of the first
 * joining and stays as it is; the chain records this joining, and access returns with the removal cleared.
 */
async function rejoin(db: Db, m: { caseId: string; userId: string; inviteId: string; now: string }) {
  await db
    .updateTable('case_members')
    .set({ removed_at: null, removed_by: null })
    .where('case_id', '=', m.caseId)
    .where('user_id', '=', m.userId)
    .execute();
  await appendCaseEvent(db, {
    caseId: m.caseId,
    at: m.now,
    actorId: m.userId,
    type: 'member.joined',
    payload: { userId: m.userId, role: 'client', inviteId: m.inviteId, rejoined: true },
  });
  await startMemberState(db, m);
  await touchCase(db, m.caseId, m.now);
}

export const inviteList: ActionHandler<'invite.list'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    const caseId = ctx.membership.caseId;
    const [rows, members] = await Promise.all([
      caseInvites(ctx.db, caseId, { after: after.data, count: input.limit + 1 }),
      // The members come with the first page only: later pages append invites.
      after.data ? [] : caseMembersWithRemovals(ctx.db, caseId, MEMBER_LIST_CAP),
    ]);
    const { rows: invites, nextCursor } = takePage(rows, input.limit, (i) => ({
      createdAt: i.created_at,
      id: i.id,
    }));
    return ok({
      nextCursor,
      invites: invites.map((i) => ({
        inviteId: i.id,
        intendedName: i.intended_name,
        createdAt: i.created_at,
        createdByName: i.created_by_name,
        expiresAt: i.expires_at,
        status: inviteState(i, ctx.now),
        usedAt: i.used_at,
        usedBy: i.used_by ? { userId: i.used_by, displayName: i.used_by_name ?? '' } : null,
        revokedAt: i.revoked_at,
      })),
      members: members.map((m) => ({
        userId: m.user_id,
        displayName: m.display_name,
        role: m.role,
        joinedAt: m.joined_at,
        removedAt: m.removed_at,
        removedByName: m.removed_at ? (m.removed_by_name ?? null) : null,
      })),
    });
  },
};

export const inviteRevoke: ActionHandler<'invite.revoke'> = {
  access: {
    kind: 'case',
    roles: ['lawyer'],
    caseOf: async (db, input) =>
      (await db.selectFrom('invites').select('case_id').where('id', '=', input.inviteId).executeTakeFirst())
        ?.case_id ?? null,
  },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const invite = await findInvite(ctx.db, input.inviteId);
    if (!invite) return fail('NOT_FOUND');
    const state = inviteState(invite, ctx.now);
    if (state !== 'open') return fail(REFUSED[state]);
    await ctx.db
      .updateTable('invites')
      .set({ revoked_at: ctx.now, revoked_by: ctx.caller.user.id })
      .where('id', '=', invite.id)
      .where('used_at', 'is', null)
      .execute();
    await appendCaseEvent(ctx.db, {
      caseId: ctx.membership.caseId,
      at: ctx.now,
      actorId: ctx.caller.user.id,
      type: 'invite.revoked',
      payload: { inviteId: invite.id },
    });
    return ok({ inviteId: invite.id, revokedAt: ctx.now });
  },
};

/**
 * Removes a member: from this moment every action of the case answers them NOT_FOUND (authorize reads
 * `removed_at`), the case leaves their list and their waiting notices are not sent. What they read, acknowledged,
 * asked or wrote stays in the record, the chain and the export; the removal is itself an event of the chain.
 */
export const memberRemove: ActionHandler<'member.remove'> = {
  access: { kind: 'case', roles: ['lawyer'], caseOf: async (_db, input) => input.caseId },
  async run(raw, input) {
    const ctx = caseContext(raw);
    const caseId = ctx.membership.caseId;
    if (input.userId === ctx.caller.user.id) return fail('MEMBER.CANNOT_REMOVE_SELF');
    const target = await membershipRow(ctx.db, caseId, input.userId);
    if (!target) return fail('NOT_FOUND');
    if (target.removed_at) return fail('MEMBER.ALREADY_REMOVED');
    if (target.role === 'lawyer') {
      const lawyers = await ctx.db
        .selectFrom('case_members')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .where('role', '=', 'lawyer')
        .where('removed_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(lawyers.n) <= 1) return fail('MEMBER.LAST_LAWYER');
    }
    await ctx.db
      .updateTable('case_members')
      .set({ removed_at: ctx.now, removed_by: ctx.caller.user.id })
      .where('case_id', '=', caseId)
      .where('user_id', '=', input.userId)
      .execute();
    // Working state of their membership: the case leaves their list, and nothing still waiting reaches them.
    await ctx.db
      .deleteFrom('member_case_state')
      .where('case_id', '=', caseId)
      .where('user_id', '=', input.userId)
      .execute();
    await ctx.db
      .updateTable('notification_outbox')
      .set({ status: 'skipped', reason: 'member_removed' })
      .where('case_id', '=', caseId)
      .where('recipient_user_id', '=', input.userId)
      .where('status', '=', 'pending')
      .execute();
    await appendCaseEvent(ctx.db, {
      caseId,
      at: ctx.now,
      actorId: ctx.caller.user.id,
      type: 'member.removed',
      payload: { userId: input.userId, role: target.role, removedBy: ctx.caller.user.id },
    });
    return ok({ userId: input.userId, removedAt: ctx.now });
  },
};
