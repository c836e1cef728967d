import { z } from 'zod';
import { stageChange } from './cases';
import { chainPosition } from './evidence';
import { LIMITS } from './limits';
import { id, optionalText, requiredText } from './fields';

export const updateVersion = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  title: z.string(),
  body: z.string(),
  nextSteps: z.string().nullable(),
  risks: z.string().nullable(),
  stageChange: stageChange.nullable(),
  /** Why this version replaced the previous one; null on the first version. */
  reason: z.string().nullable(),
  /** SHA-256 (hex) of the version's canonical content. */
  contentHash: z.string(),
  publishedAt: z.string(),
  authorName: z.string(),
});
export type UpdateVersion = z.infer<typeof updateVersion>;

export const readReceipt = z.object({
  userId: z.string(),
  displayName: z.string(),
  versionNo: z.number().int(),
  readAt: z.string(),
});
export type ReadReceipt = z.infer<typeof readReceipt>;

export const updateDetail = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  /** Newest first; versions[0] is the current one. */
  versions: z.array(updateVersion),
  corrected: z.boolean(),
  /** When the caller first read the current version, if they have. */
  myReadAt: z.string().nullable(),
  /** Lawyers only: each client's reads, newest first, plus clients who have not read yet. */
  receipts: z
    .object({
      read: z.array(readReceipt),
      unreadClients: z.array(z.object({ userId: z.string(), displayName: z.string() })),
    })
    .optional(),
});
export type UpdateDetail = z.infer<typeof updateDetail>;

const content = {
  title: requiredText(LIMITS.updateTitle),
  body: requiredText(LIMITS.updateBody),
  nextSteps: optionalText(LIMITS.updateNextSteps),
  risks: optionalText(LIMITS.updateRisks),
};

export const updateActions = {
  'update.publish': {
    input: z
      .object({
        caseId: id,
        ...content,
        /** Move the case to this stage with the update; omit to leave the stage as it is. */
        stageIndex: z.number().int().min(0).max(100).nullish(),
        /** Required when stageIndex is earlier than the current stage: why, in words the client reads. */
        stageReason: optionalText(LIMITS.stageReason),
      })
      .strict(),
    output: updateDetail,
    mutates: true,
  },
  'update.correct': {
    input: z.object({ updateId: id, ...content, reason: requiredText(LIMITS.correctionReason) }).strict(),
    output: updateDetail,
    mutates: true,
  },
  'update.get': {
    input: z.object({ updateId: id }).strict(),
    output: updateDetail,
    mutates: false,
  },
  'update.markRead': {
    input: z.object({ updateId: id }).strict(),
    /** `chain`: the case chain's position and head when the read was recorded (a client's read receipt). */
    output: z.object({ versionNo: z.number().int(), readAt: z.string(), chain: chainPosition.nullable() }),
    mutates: true,
  },
} as const;
