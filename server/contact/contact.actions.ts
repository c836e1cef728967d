import type { ContactCard } from '../../contract/cases';
import { DEFAULT_QUIET_HOURS } from '../../contract/limits';
import type { LawyerProfile } from '../../contract/session';
import { DEFAULT_CONTACT } from '../../contract/session';
import { caseContext, type ActionHandler } from '../core/action';
import { ok } from '../core/result';
import type { Db } from '../platform/migrate';
import { DEFAULT_REPLY_TERMS } from '../requests/requests.rules';
import { toLawyerProfile } from '../session/users.store';

export const caseContact: ActionHandler<'case.contact'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw) {
    const ctx = caseContext(raw);
    return ok({ lawyers: await contactCards(ctx.db, ctx.membership.caseId) });
  },
};

/**
 * The case's lawyers as its clients see them, the one who opened the case (and answers its requests) first:
 * two queries for any number of lawyers.
 */
async function contactCards(db: Db, caseId: string): Promise<ContactCard[]> {
  const lawyers = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select(['m.user_id', 'm.joined_at', 'u.display_name', 'c.created_by'])
    .where('m.case_id', '=', caseId)
    .where('m.role', '=', 'lawyer')
    .where('m.removed_at', 'is', null)
    .execute();
  if (lawyers.length === 0) return [];
  const profiles = new Map(
    (
      await db
        .selectFrom('lawyer_profiles')
        .selectAll()
        .where(
          'user_id',
          'in',
          lawyers.map((l) => l.user_id),
        )
        .execute()
    ).map((row) => [row.user_id, toLawyerProfile(row)]),
  );
  const creatorFirst = (l: (typeof lawyers)[number]) => (l.user_id === l.created_by ? 0 : 1);
  return lawyers
    .sort(
      (a, b) =>
        creatorFirst(a) - creatorFirst(b) ||
        a.joined_at.localeCompare(b.joined_at) ||
        a.user_id.localeCompare(b.user_id),
    )
    .map((l) => toCard(l.user_id, profiles.get(l.user_id) ?? withoutProfile(l.display_name)));
}

/** A lawyer who never filled in a profile: their name, no firm, and what `profile.update` would default to. */
function withoutProfile(name: string): LawyerProfile {
  return {
    name,
    firm: '',
    licenseNo: '',
    phone: null,
    quietHours: { ...DEFAULT_QUIET_HOURS },
    officeHours: DEFAULT_REPLY_TERMS.officeHours,
    replyPromiseDays: DEFAULT_REPLY_TERMS.replyPromiseDays,
    contact: DEFAULT_CONTACT,
  };
}

/** Only what the lawyer chose to show: a detail not chosen (or not filled in) is null. */
function toCard(userId: string, p: LawyerProfile): ContactCard {
  return {
    userId,
    name: p.name,
    firm: p.firm,
    phone: p.contact.showPhone ? p.phone : null,
    wechatId: p.contact.showWechat ? p.contact.wechatId : null,
    officeAddress: p.contact.showAddress ? p.contact.officeAddress : null,
    officeHours: { days: [...p.officeHours.days], start: p.officeHours.start, end: p.officeHours.end },
    replyPromiseDays: p.replyPromiseDays,
    quietHours: p.quietHours,
  };
}
