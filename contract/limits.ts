/** Length limits for text fields, shared by server validation and client forms (counted in characters). */
export const LIMITS = {
  personName: 40,
  firmName: 80,
  licenseNo: 32,
  phone: 20,
  caseTitle: 80,
  caseNumber: 64,
  court: 80,
  opposingParty: 120,
  updateTitle: 80,
  updateBody: 5000,
  updateNextSteps: 1000,
  updateRisks: 1000,
  correctionReason: 300,
  /** Why a case moved back to an earlier stage (told to the client). */
  stageReason: 200,
  inviteCode: 64,
  pageSize: 50,
} as const;

/** Limits of expectation statements (characters, or items per section). */
export const STATEMENT_LIMITS = {
  title: 80,
  intro: 1000,
  itemText: 300,
  /** The legal basis of an item, e.g. 「民事诉讼法第67条」. */
  itemBasis: 120,
  itemsPerSection: 20,
  changeNote: 300,
  question: 500,
  answer: 1000,
} as const;

/** Limits of communication memos (characters, or entries). */
export const MEMO_LIMITS = {
  participant: 40,
  participants: 20,
  pointText: 500,
  points: 30,
  followUp: 1000,
  reason: 500,
  resolves: 50,
} as const;

/** Limits of client requests and their answers (characters). */
export const REQUEST_LIMITS = { body: 2000, answer: 2000 } as const;

/** Limits of client tasks (characters). */
export const TASK_LIMITS = { title: 80, details: 1000, note: 1000 } as const;

/** Limits of a lawyer's contact card and reply promise. */
export const CONTACT_LIMITS = { wechatId: 40, officeAddress: 120, maxReplyDays: 5 } as const;

/** The four parts of an expectation statement, in the order a client reads them. */
export const SECTION_KEYS = ['worstCase', 'weWill', 'weCannot', 'youMust'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** A lawyer's quiet hours until they set their own (Asia/Shanghai wall-clock time). */
export const DEFAULT_QUIET_HOURS = { start: '22:00', end: '08:00' } as const;
