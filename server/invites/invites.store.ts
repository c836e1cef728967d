import { newId, randomSecret, sha256Hex } from '../platform/crypto';
import type { PagePosition } from '../core/paging';
import type { Db } from '../platform/migrate';
import type { InvitesTable } from '../platform/schema';
import type { Invite } from '../../contract/invites';
import { CODE_LENGTH, encodeInviteCode, formatInviteCode, inviteLink, invitePath } from './invite-code.rules';

/** Creates an invite and returns it with its code; only the code's hash is stored. */
export async function createInvite(
  db: Db,
  args: {
    kind: 'client' | 'lawyer';
    caseId: string | null;
    intendedName: string | null;
    createdBy: string;
    now: string;
    ttlHours: number;
    publicBaseUrl?: string | null;
  },
): Promise<Invite> {
  const code = encodeInviteCode(randomSecret(Math.ceil((CODE_LENGTH * 5) / 8)));
  const id = newId();
  const expiresAt = new Date(Date.parse(args.now) + args.ttlHours * 3600_000).toISOString();
  await db
    .insertInto('invites')
    .values({
      id,
      kind: args.kind,
      code_hash: sha256Hex(code),
      case_id: args.caseId,
      intended_name: args.intendedName,
      created_by: args.createdBy,
      created_at: args.now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
    })
    .execute();
  return {
    inviteId: id,
    kind: args.kind,
    code: formatInviteCode(code),
    path: invitePath(code),
    link: inviteLink(args.publicBaseUrl, code),
    expiresAt,
  };
}

/**
 * Gives an open invite a new code (only its hash is stored) and returns it; the previous code stops working.
 * Used when the request that created the invite is replayed: its stored answer keeps no code.
 */
export async function reissueInviteCode(
  db: Db,
  invite: InvitesTable,
  publicBaseUrl?: string | null,
): Promise<Invite | null> {
  const code = encodeInviteCode(randomSecret(Math.ceil((CODE_LENGTH * 5) / 8)));
  const result = await db
    .updateTable('invites')
    .set({ code_hash: sha256Hex(code) })
    .where('id', '=', invite.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return {
    inviteId: invite.id,
    kind: invite.kind,
    code: formatInviteCode(code),
    path: invitePath(code),
    link: inviteLink(publicBaseUrl, code),
    expiresAt: invite.expires_at,
  };
}

export async function findInvite(db: Db, inviteId: string): Promise<InvitesTable | undefined> {
  return db.selectFrom('invites').selectAll().where('id', '=', inviteId).executeTakeFirst();
}

export async function findInviteByCode(db: Db, normalizedCode: string): Promise<InvitesTable | undefined> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('code_hash', '=', sha256Hex(normalizedCode))
    .executeTakeFirst();
}

/** Marks the invite used; returns false if someone else used it first (the update matched no open row). */
export async function consumeInvite(db: Db, inviteId: string, userId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ used_at: now, used_by: userId })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A case's invites, newest first, with who created each and who (if anyone) joined through it: `count` rows from
 * after the keyset position `after` on (created_at, id).
 */
export function caseInvites(db: Db, caseId: string, page: { after: PagePosition | null; count: number }) {
  const after = page.after;
  let query = db
    .selectFrom('invites as i')
    .innerJoin('users as c', 'c.id', 'i.created_by')
    .leftJoin('users as u', 'u.id', 'i.used_by')
    .select([
      'i.id',
      'i.intended_name',
      'i.created_at',
      'i.expires_at',
      'i.used_at',
      'i.used_by',
      'i.revoked_at',
      'c.display_name as created_by_name',
      'u.display_name as used_by_name',
    ])
    .where('i.case_id', '=', caseId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.count);
  if (after) {
    query = query.where((e) =>
      e.or([
        e('i.created_at', '<', after.createdAt),
        e.and([e('i.created_at', '=', after.createdAt), e('i.id', '<', after.id)]),
      ]),
    );
  }
  return query.execute();
}

/** The members of a case, current and removed, by when they joined: the first `count`. */
export function caseMembersWithRemovals(db: Db, caseId: string, count: number) {
  return db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as r', 'r.id', 'm.removed_by')
    .select([
      'm.user_id',
      'u.display_name',
      'm.role',
      'm.joined_at',
      'm.removed_at',
      'r.display_name as removed_by_name',
    ])
    .where('m.case_id', '=', caseId)
    .orderBy('m.joined_at')
    .orderBy('m.user_id')
    .limit(count)
    .execute();
}

/**
 * Redeemed lawyer invites waiting for the admin, oldest first, with what the admin needs to judge the redeemer:
 * the first `count`.
 */
export function pendingEnrolments(db: Db, count: number) {
  return db
    .selectFrom('invites as i')
    .innerJoin('users as u', 'u.id', 'i.used_by')
    .select([
      'i.id',
      'i.intended_name',
      'i.used_at',
      'u.id as user_id',
      'u.display_name',
      'u.created_at as account_created_at',
      (eb) =>
        eb
          .selectFrom('case_members as m')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.role', '=', 'client')
          .where('m.removed_at', 'is', null)
          .as('client_case_count'),
    ])
    .where('i.kind', '=', 'lawyer')
    .where('i.used_at', 'is not', null)
    .where('i.decision', 'is', null)
    .orderBy('i.used_at')
    .orderBy('i.id')
    .limit(count)
    .execute();
}
