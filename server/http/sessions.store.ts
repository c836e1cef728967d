import { randomSecret, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';

export const SESSION_TTL_DAYS = 30;

/** Issues a bearer token for a user. The token is returned once; only its SHA-256 is stored. */
export async function createSession(
  db: Db,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomSecret(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_DAYS * 86400_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The subject behind a live token, or null for an unknown or expired one. */
export async function subjectForToken(db: Db, token: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.subject', 's.expires_at'])
    .where('s.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return row.subject;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256Hex(token)).execute();
}
