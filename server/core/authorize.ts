import type { MemberRole } from '../../contract/roles';
import { lockCaseChain } from '../events/event-log.store';
import type { Db } from '../platform/migrate';
import type { Access, Caller } from './action';
import { fail, ok, type Result } from './result';

type Membership = { caseId: string; role: MemberRole } | null;

/**
 * Applies an action's access rule to the caller, before the action reads anything. A write to a case takes the
 * case's lock (held to commit) before it reads the membership: a removal that committed first answers NOT_FOUND,
 * and one that comes later waits until the write has committed — never a write recorded after the removal.
 */
export async function authorize(
  db: Db,
  access: Access<never>,
  caller: Caller,
  input: unknown,
  { write }: { write: boolean } = { write: false },
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
      // Writers of one case run one at a time from here to commit (DESIGN §4: the chain append is serialized).
      if (write) await lockCaseChain(db, caseId);
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
