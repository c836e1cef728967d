import { z } from 'zod';

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

export const adminActions = {
  'admin.listLawyers': {
    input: z.object({}).strict(),
    output: z.object({
      lawyers: z.array(lawyerSummary),
      pendingInvites: z.array(pendingLawyerInvite),
    }),
    mutates: false,
  },
} as const;
