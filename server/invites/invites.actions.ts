import { caseContext, userContext, type ActionContext, type ActionHandler } from '../core/action';
import { fail, ok } from '../core/result';
import { appendCaseEvent } from '../events/event-log.store';
import { addMember, findMembership } from '../cases/cases.store';
import { DEFAULT_DISPLAY_NAME, ensureUser } from '../session/users.store';
import { inviteState, normalizeInviteCode } from './invite-code.rules';
import type { Invite } from '../../contract/invites';
import {
  consumeInvite,
  createInvite,
  findInvite,
  findInviteByCode,
  reissueInviteCode,
} from './invites.store';

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
    if (state !== 'open') return fail(state === 'used' ? 'INVITE.USED' : 'INVITE.EXPIRED');
    const reissued = await reissueInviteCode(ctx.db, invite);
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
      }),
    );
  },
  secret: inviteSecret,
};

export const inviteRedeem: ActionHandler<'invite.redeem'> = {
  access: { kind: 'anyone' },
  async run(ctx, input) {
    const code = normalizeInviteCode(input.code);
    const invite = code ? await findInviteByCode(ctx.db, code) : undefined;
    if (!invite) return fail('INVITE.NOT_FOUND');

    const existingUser = ctx.caller.user;
    const state = inviteState(invite, ctx.now);
    if (state === 'used') {
      // The same person opening their own link again is not an error: they are where they wanted to be.
      if (existingUser && invite.used_by === existingUser.id) {
        return ok({ kind: invite.kind, caseId: invite.case_id });
      }
      return fail('INVITE.USED');
    }
    if (state === 'expired') return fail('INVITE.EXPIRED');

    const user =
      existingUser ??
      (await ensureUser(ctx.db, ctx.caller.subject, ctx.now, invite.intended_name ?? DEFAULT_DISPLAY_NAME));
    if (invite.kind === 'client' && invite.case_id) {
      if (await findMembership(ctx.db, invite.case_id, user.id)) return fail('INVITE.ALREADY_MEMBER');
    }
    if (!(await consumeInvite(ctx.db, invite.id, user.id, ctx.now))) return fail('INVITE.USED');
    if (invite.intended_name && user.displayName === DEFAULT_DISPLAY_NAME) {
      await ctx.db
        .updateTable('users')
        .set({ display_name: invite.intended_name })
        .where('id', '=', user.id)
        .execute();
    }

    if (invite.kind === 'lawyer') {
      await ctx.db.updateTable('users').set({ is_lawyer: 1 }).where('id', '=', user.id).execute();
      return ok({ kind: 'lawyer' as const, caseId: null });
    }
    const caseId = invite.case_id as string;
    await addMember(
      ctx.db,
      { caseId, userId: user.id, role: 'client', now: ctx.now, inviteId: invite.id },
      {
        type: 'member.joined',
        actorId: user.id,
        payload: { userId: user.id, role: 'client', inviteId: invite.id },
      },
    );
    return ok({ kind: 'client' as const, caseId });
  },
};
