import { newId, randomSecret, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';
import type { InvitesTable } from '../platform/schema';
import type { Invite } from '../../contract/invites';
import { CODE_LENGTH, encodeInviteCode, formatInviteCode, invitePath } from './invite-code.rules';

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
  return { inviteId: id, kind: args.kind, code: formatInviteCode(code), path: invitePath(code), expiresAt };
}

/**
 * Gives an open invite a new code (only its hash is stored) and returns it; the previous code stops working.
 * Used when the request that created the invite is replayed: its stored answer keeps no code.
 */
export async function reissueInviteCode(db: Db, invite: InvitesTable): Promise<Invite | null> {
  const code = encodeInviteCode(randomSecret(Math.ceil((CODE_LENGTH * 5) / 8)));
  const result = await db
    .updateTable('invites')
    .set({ code_hash: sha256Hex(code) })
    .where('id', '=', invite.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return {
    inviteId: invite.id,
    kind: invite.kind,
    code: formatInviteCode(code),
    path: invitePath(code),
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
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
