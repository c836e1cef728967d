/**
 * Invite codes: 140 random bits written in Crockford base32 (no I, L, O, U), grouped by four so a person
 * can read one aloud or type it. Typing is forgiving: case, spaces, dashes, and the look-alikes I/L/O
 * are normalized before the code is hashed.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 28;

/** Encodes random bytes (at least 18) into a code of CODE_LENGTH symbols, 5 bits each. */
export function encodeInviteCode(random: Uint8Array): string {
  if (random.length * 8 < CODE_LENGTH * 5) throw new Error('not enough randomness for an invite code');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

export function formatInviteCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The canonical form of what a person typed or a link carried; null when it cannot be a code. */
export function normalizeInviteCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}

export type InviteState = 'open' | 'used' | 'expired' | 'revoked';

export function inviteState(
  invite: { used_at: string | null; expires_at: string; revoked_at?: string | null },
  now: string,
): InviteState {
  if (invite.used_at) return 'used';
  if (invite.revoked_at) return 'revoked';
  return invite.expires_at <= now ? 'expired' : 'open';
}

export function invitePath(code: string): string {
  return `/pages/join/index?code=${code}`;
}

/**
 * The join page on the deployment's public web address (`CASETRAIL_PUBLIC_URL`), the H5 hash route; null when
 * the deployment names none.
 */
export function inviteLink(publicBaseUrl: string | null | undefined, code: string): string | null {
  if (!publicBaseUrl) return null;
  return `${publicBaseUrl.replace(/\/+$/, '')}/#${invitePath(code)}`;
}
