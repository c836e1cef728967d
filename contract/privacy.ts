import { z } from 'zod';
import { MEMBER_ROLES } from './roles';
import { lawyerProfile } from './session';

/** What a person must type to delete their account: deletion is not undone, so it is never one tap. */
export const ACCOUNT_DELETE_CONFIRMATION = '注销账号';

/** The name a deleted account is shown by, wherever the app shows the account's current name. */
export const DELETED_USER_NAME = '已注销用户';

export const CONSENT_KINDS = ['consent', 'withdraw', 'delete'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The caller's standing with the privacy notice in force. */
export const privacyStatus = z.object({
  /** The version of the notice in force (contract/privacy-version.ts). */
  currentVersion: z.string(),
  /** The version this person last agreed to; null when they never agreed or withdrew since. */
  consentedVersion: z.string().nullable(),
  consentedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** True until the person agrees to the current version. */
  needsConsent: z.boolean(),
});
export type PrivacyStatus = z.infer<typeof privacyStatus>;

const deviceEvidence = {
  /** Device details as the client reported them when this was recorded (JSON), or null. */
  clientInfo: z.string().nullable(),
  sourceIp: z.string().nullable(),
};

const recordRef = {
  caseId: z.string(),
  recordId: z.string(),
  /** update · statement · memo · request · task · reply */
  recordKind: z.string(),
  recordTitle: z.string(),
  versionNo: z.number().int(),
};

/**
 * A person's own data (个人信息保护法 §45): their account, consents, memberships, and what they wrote or
 * acknowledged. Other people appear only by the case and record titles needed to read it.
 */
export const accountExport = z.object({
  exportedAt: z.string(),
  noticeVersion: z.string(),
  account: z.object({
    userId: z.string(),
    displayName: z.string(),
    isLawyer: z.boolean(),
    isAdmin: z.boolean(),
    createdAt: z.string(),
  }),
  lawyerProfile: lawyerProfile.nullable(),
  consents: z.array(z.object({ kind: z.enum(CONSENT_KINDS), version: z.string(), at: z.string() })),
  memberships: z.array(
    z.object({
      caseId: z.string(),
      caseTitle: z.string(),
      role: z.enum(MEMBER_ROLES),
      joinedAt: z.string(),
    }),
  ),
  /** 知悉 and 异议, with the name, device and address recorded with each. */
  responses: z.array(
    z.object({
      ...recordRef,
      kind: z.enum(['acknowledged', 'disputed']),
      nameRecorded: z.string(),
      reason: z.string().nullable(),
      itemId: z.string().nullable(),
      contentHash: z.string(),
      at: z.string(),
      ...deviceEvidence,
    }),
  ),
  views: z.array(z.object({ ...recordRef, at: z.string(), ...deviceEvidence })),
  questions: z.array(z.object({ ...recordRef, itemText: z.string(), question: z.string(), at: z.string() })),
  /** Versions this person published: a client's requests and replies, a lawyer's updates, statements, memos… */
  writings: z.array(
    z.object({
      ...recordRef,
      title: z.string(),
      content: z.unknown(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string() })),
});
export type AccountExport = z.infer<typeof accountExport>;

export const privacyActions = {
  'privacy.status': { input: z.object({}).strict(), output: privacyStatus, mutates: false },
  /** Agrees to the notice version the person was shown; an older version answers PRIVACY.VERSION_OUTDATED. */
  'privacy.consent': {
    input: z.object({ version: z.string().max(40) }).strict(),
    output: privacyStatus,
    mutates: true,
  },
  /** Withdraws consent (§15): writes are refused until the person agrees again; H5 sessions end. */
  'privacy.withdraw': { input: z.object({}).strict(), output: privacyStatus, mutates: true },
  'account.export': { input: z.object({}).strict(), output: accountExport, mutates: false },
  /** Deletes the caller's account (§47), keeping the case records the firm must retain. */
  'account.delete': {
    input: z
      .object({
        confirm: z.literal(ACCOUNT_DELETE_CONFIRMATION, {
          errorMap: () => ({ message: `请输入「${ACCOUNT_DELETE_CONFIRMATION}」以继续` }),
        }),
      })
      .strict(),
    output: z.object({ deletedAt: z.string() }),
    mutates: true,
  },
} as const;
