import { randomBytes } from 'node:crypto';
import {
  CODE_LENGTH,
  encodeInviteCode,
  formatInviteCode,
  inviteLink,
  inviteState,
  normalizeInviteCode,
} from './invite-code.rules';

describe('invite codes', () => {
  it('carries at least 128 bits in symbols a person can type', () => {
    const code = encodeInviteCode(randomBytes(18));
    expect(code).toHaveLength(CODE_LENGTH);
    expect(CODE_LENGTH * 5).toBeGreaterThanOrEqual(128);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
  });

  it('refuses too little randomness', () => {
    expect(() => encodeInviteCode(randomBytes(8))).toThrow();
  });

  it('normalizes what a person typed back to the code', () => {
    const code = encodeInviteCode(randomBytes(18));
    const typed = formatInviteCode(code)
      .toLowerCase()
      .replace(/-/g, ' ')
      .replace(/0/g, 'o')
      .replace(/1/g, 'i');
    expect(normalizeInviteCode(typed)).toBe(code);
    expect(normalizeInviteCode(code.slice(1))).toBeNull();
    expect(normalizeInviteCode(code.slice(1) + 'U')).toBeNull();
  });

  it('knows used and expired invites', () => {
    const now = '2026-03-01T00:00:00.000Z';
    expect(inviteState({ used_at: null, expires_at: '2026-03-02T00:00:00.000Z' }, now)).toBe('open');
    expect(inviteState({ used_at: now, expires_at: '2026-03-02T00:00:00.000Z' }, now)).toBe('used');
    expect(inviteState({ used_at: null, expires_at: now }, now)).toBe('expired');
    expect(inviteState({ used_at: null, expires_at: '2026-03-02T00:00:00.000Z', revoked_at: now }, now)).toBe(
      'revoked',
    );
    // A used invite stays used whatever happens after (the lawyer cannot revoke who already joined).
    expect(inviteState({ used_at: now, expires_at: now, revoked_at: now }, now)).toBe('used');
  });

  it('links to the join page on the public address, with or without a trailing slash', () => {
    expect(inviteLink('https://casetrail.example.cn/', 'ABCD')).toBe(
      'https://casetrail.example.cn/#/pages/join/index?code=ABCD',
    );
    expect(inviteLink('https://casetrail.example.cn', 'ABCD')).toBe(
      'https://casetrail.example.cn/#/pages/join/index?code=ABCD',
    );
    expect(inviteLink(null, 'ABCD')).toBeNull();
  });
});
