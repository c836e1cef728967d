import type { ConsentKind, PrivacyStatus } from '../../contract/privacy';

/** A person's newest row in the consent log, or null when they have none. */
export interface ConsentStanding {
  kind: ConsentKind;
  version: string;
  at: string;
}

/** What the consent log says about a person against the notice in force. */
export function describeStanding(latest: ConsentStanding | null, currentVersion: string): PrivacyStatus {
  const agreed = latest?.kind === 'consent' ? latest : null;
  return {
    currentVersion,
    consentedVersion: agreed?.version ?? null,
    consentedAt: agreed?.at ?? null,
    withdrawnAt: latest && latest.kind !== 'consent' ? latest.at : null,
    needsConsent: agreed?.version !== currentVersion,
  };
}

/**
 * Whether the server may store more personal data for this person: only while their newest row agrees to the
 * notice in force. Refused when they never agreed (no row: a new person, or an account made before consent was
 * recorded in migration 0009), withdrew, or agreed only to an older notice (a new version needs new consent).
 */
export function mayWrite(latest: ConsentStanding | null, currentVersion: string): boolean {
  return latest?.kind === 'consent' && latest.version === currentVersion;
}

/** Who may delete their own account in the app, and why not otherwise. */
export type DeletionDecision =
  { allowed: true } | { allowed: false; code: 'ACCOUNT.LAWYER_HAS_CASES' | 'ACCOUNT.ADMIN_CONFIGURED' };

/**
 * A client may always delete their account: the case records stay with the firm. A lawyer who still holds cases
 * may not — the firm must reassign them first, or the cases would be left with a lawyer nobody can reach. The
 * firm's admins come from configuration and are recreated at start, so they are not deleted in the app.
 */
export function decideDeletion(person: { isAdmin: boolean; lawyerCaseCount: number }): DeletionDecision {
  if (person.isAdmin) return { allowed: false, code: 'ACCOUNT.ADMIN_CONFIGURED' };
  if (person.lawyerCaseCount > 0) return { allowed: false, code: 'ACCOUNT.LAWYER_HAS_CASES' };
  return { allowed: true };
}
