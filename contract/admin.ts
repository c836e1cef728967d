import { z } from 'zod';
import { nextCursor, pageFields } from './paging';
import { id } from './fields';

export const lawyerSummary = z.object({
  userId: z.string(),
  displayName: z.string(),
  firm: z.string().nullable(),
  licenseNo: z.string().nullable(),
  enrolledAt: z.string(),
  caseCount: z.number().int(),
});

export const pendingLawyerInvite = z.object({
  inviteId: z.string(),
  name: z.string(),
  expiresAt: z.string(),
});

/**
 * A lawyer invite someone redeemed: the redeemer is not a lawyer until the admin confirms that this account is
 * the person the invite was for. The admin sees the account's own name, when it was made, and whether it is a
 * client in any case (a client who got hold of a lawyer invite shows here).
 */
export const pendingEnrolment = z.object({
  inviteId: z.string(),
  /** The name the admin wrote on the invite. */
  invitedName: z.string(),
  redeemer: z.object({
    userId: z.string(),
    displayName: z.string(),
    accountCreatedAt: z.string(),
    /** Cases this account is a client of. */
    clientCaseCount: z.number().int(),
  }),
  redeemedAt: z.string(),
});
export type PendingEnrolment = z.infer<typeof pendingEnrolment>;

const enrolmentDecision = z.object({
  inviteId: z.string(),
  userId: z.string(),
  decision: z.enum(['confirmed', 'rejected']),
  decidedAt: z.string(),
});

export const adminActions = {
  'admin.listLawyers': {
    /**
     * Lawyers paged in the order they enrolled. The open lawyer invites (newest first) and the enrolments waiting
     * for a decision (oldest first), each at most `LIMITS.pageSize`, come with the first page only; later pages
     * carry empty lists.
     */
    input: z.object({ ...pageFields }).strict(),
    output: z.object({
      nextCursor,
      lawyers: z.array(lawyerSummary),
      pendingInvites: z.array(pendingLawyerInvite),
      pendingEnrolments: z.array(pendingEnrolment),
    }),
    mutates: false,
  },
  'admin.confirmLawyer': {
    input: z.object({ inviteId: id }).strict(),
    output: enrolmentDecision,
    mutates: true,
  },
  'admin.rejectLawyer': {
    input: z.object({ inviteId: id }).strict(),
    output: enrolmentDecision,
    mutates: true,
  },
} as const;
