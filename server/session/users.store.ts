import { DEFAULT_CONTACT, type ContactSettings, type LawyerProfile, type Me } from '../../contract/session';
import type { CallerUser } from '../core/action';
import { newId } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import type { LawyerProfilesTable } from '../platform/schema';

/** The name shown until a person is known by a better one (WeChat gives us no name). */
export const DEFAULT_DISPLAY_NAME = '微信用户';

/** Returns the user for a subject, creating the row on first contact. */
export async function ensureUser(
  db: Db,
  subject: string,
  now: string,
  displayName = DEFAULT_DISPLAY_NAME,
): Promise<CallerUser> {
  await db
    .insertInto('users')
    .values({ id: newId(), subject, display_name: displayName, is_admin: 0, is_lawyer: 0, created_at: now })
    .onConflict((oc) => oc.column('subject').doNothing())
    .execute();
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'is_admin', 'is_lawyer'])
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
  return { id: row.id, displayName: row.display_name, isAdmin: !!row.is_admin, isLawyer: !!row.is_lawyer };
}

export async function findLawyerProfile(db: Db, userId: string): Promise<LawyerProfile | null> {
  const row = await db
    .selectFrom('lawyer_profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? toLawyerProfile(row) : null;
}

export function toLawyerProfile(row: LawyerProfilesTable): LawyerProfile {
  const contact = { ...DEFAULT_CONTACT, ...(JSON.parse(row.contact) as Partial<ContactSettings>) };
  return {
    name: row.name,
    firm: row.firm,
    licenseNo: row.license_no,
    phone: row.phone,
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    officeHours: {
      days: row.office_days.split(',').map(Number),
      start: row.office_start,
      end: row.office_end,
    },
    replyPromiseDays: row.reply_promise_days === null ? null : Number(row.reply_promise_days),
    contact,
  };
}

export async function saveLawyerProfile(
  db: Db,
  userId: string,
  profile: LawyerProfile,
  now: string,
): Promise<void> {
  const values = {
    name: profile.name,
    firm: profile.firm,
    license_no: profile.licenseNo,
    phone: profile.phone,
    quiet_start: profile.quietHours?.start ?? null,
    quiet_end: profile.quietHours?.end ?? null,
    office_days: [...profile.officeHours.days].sort().join(','),
    office_start: profile.officeHours.start,
    office_end: profile.officeHours.end,
    reply_promise_days: profile.replyPromiseDays,
    contact: JSON.stringify(profile.contact),
    updated_at: now,
  };
  await db
    .insertInto('lawyer_profiles')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
  await db.updateTable('users').set({ display_name: profile.name }).where('id', '=', userId).execute();
}

export async function describeMe(db: Db, user: CallerUser): Promise<Me> {
  const row = await db
    .selectFrom('users')
    .select(['display_name', 'is_admin', 'is_lawyer'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    displayName: row.display_name,
    isAdmin: !!row.is_admin,
    isLawyer: !!row.is_lawyer,
    profile: row.is_lawyer ? await findLawyerProfile(db, user.id) : null,
  };
}

/** Marks the configured subjects as firm admins (the bootstrap admin comes from configuration). */
export async function bootstrapAdmins(db: Db, subjects: string[], now: string, displayName = '律所管理员') {
  for (const subject of subjects) {
    await ensureUser(db, subject, now, displayName);
    await db.updateTable('users').set({ is_admin: 1 }).where('subject', '=', subject).execute();
  }
}
