import type { ActionHandler } from '../core/action';
import { ok } from '../core/result';

export const adminListLawyers: ActionHandler<'admin.listLawyers'> = {
  access: { kind: 'admin' },
  async run(ctx) {
    const lawyers = await ctx.db
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
            .as('case_count'),
      ])
      .where('u.is_lawyer', '=', 1)
      .orderBy('u.created_at')
      .execute();
    const pending = await ctx.db
      .selectFrom('invites')
      .select(['id', 'intended_name', 'expires_at'])
      .where('kind', '=', 'lawyer')
      .where('used_at', 'is', null)
      .where('expires_at', '>', ctx.now)
      .orderBy('created_at', 'desc')
      .execute();
    return ok({
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
    });
  },
};
