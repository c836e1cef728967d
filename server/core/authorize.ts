import type { MemberRole } from '../../contract/roles';
import type { Db } from '../platform/migrate';
import type { Access, Caller } from './action';
import { fail, ok, type Result } from './result';

type Membership = { caseId: string; role: MemberRole } | null;

/** Applies an action's access rule to the caller, before the action reads anything. */
export async function authorize(
  db: Db,
  access: Access<never>,
  caller: Caller,
  input: unknown,
): Promise<Result<Membership>> {
  switch (access.kind) {
    case 'anyone':
      return ok(null);
    case 'user':
      return caller.user ? ok(null) : fail('UNAUTHENTICATED');
    case 'lawyer':
      return caller.user?.isLawyer ? ok(null) : fail('FORBIDDEN');
    case 'admin':
      return caller.user?.isAdmin ? ok(null) : fail('FORBIDDEN');
    case 'case': {
      if (!caller.user) return fail('NOT_FOUND');
      const caseId = await (access.caseOf as (db: Db, input: unknown) => Promise<string | null>)(db, input);
      if (!caseId) return fail('NOT_FOUND');
      const member = await db
        .selectFrom('case_members')
        .select('role')
        .where('case_id', '=', caseId)
        .where('user_id', '=', caller.user.id)
        // A member the case's lawyer removed is an outsider from that moment: the case does not exist for them.
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!member) return fail('NOT_FOUND');
      if (!access.roles.includes(member.role)) return fail('FORBIDDEN');
      return ok({ caseId, role: member.role });
    }
  }
}
