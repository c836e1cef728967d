import { randomSecret, sha256Hex } from '../platform/crypto';
import type { Db } from '../platform/migrate';

export const SESSION_TTL_DAYS = 30;

/** Subjects made by the dev login (`/api/dev/login`) and nothing else: its personas and `dev:new:…`. */
export const DEV_SUBJECT_PREFIX = 'dev:';

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

export interface TokenOptions {
  /**
   * Whether identities the dev login made may authenticate. Only a server in dev mode passes true: a server
   * started without dev login on data a demo wrote must not let its personas in.
   */
  allowDev: boolean;
}

/**
 * The subject behind a live token, or null for an unknown or expired one — or for a dev identity, unless
 * `options.allowDev` (the default refuses them).
 */
export async function subjectForToken(
  db: Db,
  token: string,
  now: Date,
  options: TokenOptions = { allowDev: false },
): Promise<string | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.subject', 's.expires_at'])
    .where('s.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  if (!options.allowDev && row.subject.startsWith(DEV_SUBJECT_PREFIX)) return null;
  return row.subject;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256Hex(token)).execute();
}

/** Ends every session of one person (「退出所有设备」). Returns how many there were. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
