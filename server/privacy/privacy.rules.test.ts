import { decideDeletion, describeStanding, mayWrite } from './privacy.rules';

const V = '2026-11-29';

describe('privacy standing', () => {
  it('needs consent until the current version is agreed to, and again after a withdrawal', () => {
    expect(describeStanding(null, V).needsConsent).toBe(true);
    expect(describeStanding({ kind: 'consent', version: '2025-01-01', at: 't1' }, V).needsConsent).toBe(true);
    expect(describeStanding({ kind: 'consent', version: V, at: 't1' }, V)).toEqual({
      currentVersion: V,
      consentedVersion: V,
      consentedAt: 't1',
      withdrawnAt: null,
      needsConsent: false,
    });
    expect(describeStanding({ kind: 'withdraw', version: V, at: 't2' }, V)).toMatchObject({
      consentedVersion: null,
      withdrawnAt: 't2',
      needsConsent: true,
    });
  });

  it('lets writes through only for a consent to the notice in force, never for a person with no consent at all', () => {
    expect(mayWrite(null, V)).toBe(false);
    expect(mayWrite({ kind: 'consent', version: V, at: 't' }, V)).toBe(true);
    expect(mayWrite({ kind: 'consent', version: '2025-01-01', at: 't' }, V)).toBe(false);
    expect(mayWrite({ kind: 'withdraw', version: V, at: 't' }, V)).toBe(false);
    expect(mayWrite({ kind: 'delete', version: V, at: 't' }, V)).toBe(false);
  });

  it('lets clients delete their account, but not lawyers holding cases or the firm’s admins', () => {
    expect(decideDeletion({ isAdmin: false, lawyerCaseCount: 0 })).toEqual({ allowed: true });
    expect(decideDeletion({ isAdmin: false, lawyerCaseCount: 2 })).toEqual({
      allowed: false,
      code: 'ACCOUNT.LAWYER_HAS_CASES',
    });
    expect(decideDeletion({ isAdmin: true, lawyerCaseCount: 0 })).toEqual({
      allowed: false,
      code: 'ACCOUNT.ADMIN_CONFIGURED',
    });
  });
});
