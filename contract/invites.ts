import { z } from 'zod';
import { nextCursor, pageFields } from './paging';
import { LIMITS } from './limits';
import { id, optionalText, requiredText } from './fields';
import { MEMBER_ROLES } from './roles';

export const invite = z.object({
  inviteId: z.string(),
  kind: z.enum(['client', 'lawyer']),
  /** The secret (≥ 128 bits) in a typeable form: Crockford base32, grouped by 4. Shown once. */
  code: z.string(),
  /** Mini-program path that redeems it; also the share card's path and the H5 hash route. */
  path: z.string(),
  /**
   * The join page's web address on the deployment's public URL (CASETRAIL_PUBLIC_URL), for the QR code and the
   * copied link; null when none is configured (the H5 page then uses its own address).
   */
  link: z.string().nullable(),
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof invite>;

const inviteCodeInput = z.object({ code: requiredText(LIMITS.inviteCode) }).strict();

/**
 * What the join page shows before the person commits: who invites them to what, and nothing else of the case
 * (its title, the inviting lawyer and firm; for a lawyer invite, the admin who invited and the firm).
 */
export const invitePreview = z.object({
  kind: z.enum(['client', 'lawyer']),
  /** Null for a lawyer invite (it names no case). */
  caseTitle: z.string().nullable(),
  inviterName: z.string(),
  firm: z.string().nullable(),
  /** The name the lawyer wrote on the invite (「邀请 李女士」), so a wrong person can tell it is not theirs. */
  intendedName: z.string().nullable(),
  expiresAt: z.string(),
  /** The caller already redeemed it (opening their own link again). */
  redeemedByYou: z.boolean(),
});
export type InvitePreview = z.infer<typeof invitePreview>;

export const INVITE_STATUSES = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/** One invite of a case as its lawyer sees it: who it was for, and who joined through it and when. */
export const caseInvite = z.object({
  inviteId: z.string(),
  intendedName: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  expiresAt: z.string(),
  status: z.enum(INVITE_STATUSES),
  usedAt: z.string().nullable(),
  usedBy: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
});
export type CaseInvite = z.infer<typeof caseInvite>;

/** A member of the case, current or removed (a removed member's row and acts stay in the record). */
export const caseMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(MEMBER_ROLES),
  joinedAt: z.string(),
  removedAt: z.string().nullable(),
  removedByName: z.string().nullable(),
});
export type CaseMember = z.infer<typeof caseMember>;

export const inviteActions = {
  'invite.createClient': {
    input: z.object({ caseId: id, clientName: optionalText(LIMITS.personName) }).strict(),
    output: invite,
    mutates: true,
  },
  'admin.inviteLawyer': {
    input: z.object({ name: requiredText(LIMITS.personName) }).strict(),
    output: invite,
    mutates: true,
  },
  'invite.preview': {
    input: inviteCodeInput,
    output: invitePreview,
    mutates: false,
  },
  'invite.redeem': {
    input: inviteCodeInput,
    output: z.object({
      kind: z.enum(['client', 'lawyer']),
      caseId: z.string().nullable(),
      /** A lawyer invite: the enrolment waits for the admin to confirm the redeemer (not a lawyer yet). */
      pending: z.boolean(),
    }),
    mutates: true,
  },
  'invite.list': {
    /**
     * Invites paged newest first. `members` (at most `MEMBER_LIST_CAP`, in the order they joined) comes with the
     * first page only; later pages carry an empty list.
     */
    input: z.object({ caseId: id, ...pageFields }).strict(),
    output: z.object({ invites: z.array(caseInvite), members: z.array(caseMember), nextCursor }),
    mutates: false,
  },
  'invite.revoke': {
    input: z.object({ inviteId: id }).strict(),
    output: z.object({ inviteId: z.string(), revokedAt: z.string() }),
    mutates: true,
  },
  'member.remove': {
    input: z.object({ caseId: id, userId: id }).strict(),
    output: z.object({ userId: z.string(), removedAt: z.string() }),
    mutates: true,
  },
} as const;
