import { LIMITS } from '../../contract/limits';
import { readCursor, takePage } from '../core/paging';
import { userContext, type ActionHandler, type UserContext } from '../core/action';
import { fail, ok, type Result } from '../core/result';
import { pendingEnrolments } from '../invites/invites.store';
import { DEFAULT_DISPLAY_NAME } from './users.store';

export const adminListLawyers: ActionHandler<'admin.listLawyers'> = {
  access: { kind: 'admin' },
  async run(ctx, input) {
    const after = readCursor(input.cursor);
    if (!after.ok) return after;
    const first = !after.data;
    let lawyersQuery = ctx.db
      .selectFrom('users as u')
      .leftJoin('lawyer_profiles as p', 'p.user_id', 'u.id')
      .select([
        'u.id',
        'u.display_name',
        'u.created_at',
        'p.firm',
        'p.license_no',
        (eb) =>
          eb
            .selectFrom('case_members as m')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.role', '=', 'lawyer')
            .where('m.removed_at', 'is', null)
            .as('case_count'),
      ])
      .where('u.is_lawyer', '=', 1)
      // Paged in the order they enrolled, keyset (created_at, id).
      .orderBy('u.created_at')
      .orderBy('u.id')
      .limit(input.limit + 1);
    const from = after.data;
    if (from) {
      lawyersQuery = lawyersQuery.where((e) =>
        e.or([
          e('u.created_at', '>', from.createdAt),
          e.and([e('u.created_at', '=', from.createdAt), e('u.id', '>', from.id)]),
        ]),
      );
    }
    const { rows: lawyers, nextCursor } = takePage(await lawyersQuery.execute(), input.limit, (l) => ({
      createdAt: l.created_at,
      id: l.id,
    }));
    // What waits for the admin comes with the first page only (at most a page of each); later pages add lawyers.
    const pending = first
      ? await ctx.db
          .selectFrom('invites')
          .select(['id', 'intended_name', 'expires_at'])
          .where('kind', '=', 'lawyer')
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', ctx.now)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(LIMITS.pageSize)
          .execute()
      : [];
    const enrolments = first ? await pendingEnrolments(ctx.db, LIMITS.pageSize) : [];
    return ok({
      nextCursor,
      lawyers: lawyers.map((l) => ({
        userId: l.id,
        displayName: l.display_name,
        firm: l.firm,
        licenseNo: l.license_no,
        enrolledAt: l.created_at,
        caseCount: Number(l.case_count),
      })),
      pendingInvites: pending.map((p) => ({
        inviteId: p.id,
        name: p.intended_name ?? '',
        expiresAt: p.expires_at,
      })),
      pendingEnrolments: enrolments.map((e) => ({
        inviteId: e.id,
        invitedName: e.intended_name ?? '',
        redeemer: {
          userId: e.user_id,
          displayName: e.display_name,
          accountCreatedAt: e.account_created_at,
          clientCaseCount: Number(e.client_case_count),
        },
        redeemedAt: e.used_at as string,
      })),
    });
  },
};

type Decision = { inviteId: string; userId: string; decision: 'confirmed' | 'rejected'; decidedAt: string };

/**
 * Records the admin's decision on a redeemed lawyer invite, once. Confirming makes the redeemer a lawyer (and
 * gives an account that has no name of its own the name on the invite); rejecting leaves them as they were.
 */
async function decide(
  ctx: UserContext,
  inviteId: string,
  decision: 'confirmed' | 'rejected',
): Promise<Result<Decision>> {
  const invite = await ctx.db
    .selectFrom('invites')
    .select(['id', 'kind', 'used_by', 'decision', 'intended_name'])
    .where('id', '=', inviteId)
    .executeTakeFirst();
  if (!invite || invite.kind !== 'lawyer' || !invite.used_by) return fail('NOT_FOUND');
  if (invite.decision) return fail('INVITE.ALREADY_DECIDED');
  const updated = await ctx.db
    .updateTable('invites')
    .set({ decision, decided_at: ctx.now, decided_by: ctx.caller.user.id })
    .where('id', '=', inviteId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return fail('INVITE.ALREADY_DECIDED');
  if (decision === 'confirmed') {
    await ctx.db.updateTable('users').set({ is_lawyer: 1 }).where('id', '=', invite.used_by).execute();
    if (invite.intended_name) {
      await ctx.db
        .updateTable('users')
        .set({ display_name: invite.intended_name })
        .where('id', '=', invite.used_by)
        .where('display_name', '=', DEFAULT_DISPLAY_NAME)
        .execute();
    }
  }
  return ok({ inviteId, userId: invite.used_by, decision, decidedAt: ctx.now });
}

export const adminConfirmLawyer: ActionHandler<'admin.confirmLawyer'> = {
  access: { kind: 'admin' },
  run: (ctx, input) => decide(userContext(ctx), input.inviteId, 'confirmed'),
};

export const adminRejectLawyer: ActionHandler<'admin.rejectLawyer'> = {
  access: { kind: 'admin' },
  run: (ctx, input) => decide(userContext(ctx), input.inviteId, 'rejected'),
};
