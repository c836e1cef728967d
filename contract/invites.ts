import { z } from 'zod';
import { LIMITS } from './limits';
import { id, optionalText, requiredText } from './fields';

export const invite = z.object({
  inviteId: z.string(),
  kind: z.enum(['client', 'lawyer']),
  /** The secret (≥ 128 bits) in a typeable form: Crockford base32, grouped by 4. Shown once. */
  code: z.string(),
  /** Mini-program path that redeems it; also the share card's path and the H5 hash route. */
  path: z.string(),
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof invite>;

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
  'invite.redeem': {
    input: z.object({ code: requiredText(LIMITS.inviteCode) }).strict(),
    output: z.object({ kind: z.enum(['client', 'lawyer']), caseId: z.string().nullable() }),
    mutates: true,
  },
} as const;
