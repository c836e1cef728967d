import { z } from 'zod';
import { nextCursor, pageFields } from './paging';
import { delivery } from './notifications';
import { chainPosition } from './evidence';
import { id, optionalText, requiredText } from './fields';
import { SECTION_KEYS, STATEMENT_LIMITS } from './limits';

export { SECTION_KEYS, STATEMENT_LIMITS, type SectionKey } from './limits';

/**
 * An item keeps its id across versions, so a new version can say which items were added, removed or changed.
 * `basis` is the legal basis the client reads as 「依据：……」 (e.g. 「民事诉讼法第67条」); null when the item states
 * no rule of law.
 */
const draftItem = z
  .object({
    id: id.nullish(),
    text: requiredText(STATEMENT_LIMITS.itemText),
    basis: optionalText(STATEMENT_LIMITS.itemBasis),
  })
  .strict();

const sectionList = z
  .array(draftItem, { invalid_type_error: '应为条目列表' })
  .max(STATEMENT_LIMITS.itemsPerSection, `每部分最多 ${STATEMENT_LIMITS.itemsPerSection} 条`);

export const draftContent = z
  .object({
    title: requiredText(STATEMENT_LIMITS.title),
    intro: optionalText(STATEMENT_LIMITS.intro),
    sections: z
      .object({ worstCase: sectionList, weWill: sectionList, weCannot: sectionList, youMust: sectionList })
      .strict(),
  })
  .strict();
export type DraftContentInput = z.input<typeof draftContent>;

/** Versions stored before items had a basis read as `basis: null`. */
export const statementItem = z.object({
  id: z.string(),
  text: z.string(),
  basis: z.string().nullable().default(null),
});
export type StatementItem = z.infer<typeof statementItem>;

export const statementContent = z.object({
  title: z.string(),
  intro: z.string().nullable(),
  sections: z.object({
    worstCase: z.array(statementItem),
    weWill: z.array(statementItem),
    weCannot: z.array(statementItem),
    youMust: z.array(statementItem),
  }),
});
export type StatementContent = z.infer<typeof statementContent>;

const promiseWarning = z.object({
  path: z.string(),
  phrase: z.string(),
  rule: z.string().default('outcome-promise'),
  message: z.string().default(''),
});

export const receipt = z.object({
  acknowledgmentId: z.string(),
  statementId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  versionNo: z.number().int(),
  acknowledgedAt: z.string(),
  /** SHA-256 (hex) of the acknowledged version's canonical content; receipts show its first 8 characters. */
  contentHash: z.string(),
  /** The case chain's position and head hash when it was recorded: the client's own copy of the commitment. */
  chain: chainPosition.nullable(),
});
export type Receipt = z.infer<typeof receipt>;

export const itemChange = z.object({
  section: z.enum(SECTION_KEYS),
  itemId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ItemChange = z.infer<typeof itemChange>;

export const versionDiff = z.object({
  fromVersionNo: z.number().int(),
  toVersionNo: z.number().int(),
  titleChanged: z.boolean(),
  introChanged: z.boolean(),
  items: z.array(itemChange),
});
export type VersionDiff = z.infer<typeof versionDiff>;

export const question = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  itemId: z.string(),
  itemText: z.string(),
  askedBy: z.string(),
  askedByName: z.string(),
  question: z.string(),
  askedAt: z.string(),
  /** The chain position that recorded the question. */
  chain: chainPosition.nullable(),
  answer: z
    .object({
      text: z.string(),
      answeredByName: z.string(),
      answeredAt: z.string(),
      /** The chain position that recorded the answer. */
      chain: chainPosition.nullable(),
    })
    .nullable(),
});
export type Question = z.infer<typeof question>;

/** Where one client stands with the current version (lawyers only). */
export const clientStatus = z.object({
  userId: z.string(),
  displayName: z.string(),
  state: z.enum(['acknowledged', 'viewed', 'unread']),
  /** For `acknowledged`: the receipt of the current version. */
  receipt: receipt.nullable(),
  /** For `viewed`: since when they have had it open without acknowledging. */
  viewedAt: z.string().nullable(),
  /** The newest version this client acknowledged, if any (may be older than the current one). */
  lastAcknowledgedVersionNo: z.number().int().nullable(),
  lastRemindedAt: z.string().nullable(),
  /** Where the last reminder's WeChat message stands (null: never reminded). */
  lastReminderDelivery: delivery.nullable(),
  /**
   * For `acknowledged`: how many of this client's own questions on the statement were still unanswered when they
   * submitted the receipt (知悉 with a question open: the lawyer should answer, and may want it re-acknowledged).
   */
  openQuestionsAtAck: z.number().int(),
});
export type ClientStatus = z.infer<typeof clientStatus>;

export const statementVersionMeta = z.object({
  versionNo: z.number().int(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  changeNote: z.string().nullable(),
  contentHash: z.string(),
  /** Promise phrases the guard found when this version was published (kept as evidence of the warning). */
  promiseWarnings: z.array(promiseWarning),
});
export type StatementVersionMeta = z.infer<typeof statementVersionMeta>;

export const statementDetail = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  /** Null until the first version is published. */
  current: statementVersionMeta.extend({ content: statementContent }).nullable(),
  versions: z.array(statementVersionMeta),
  /** The caller's receipt for the current version (clients). */
  myReceipt: receipt.nullable(),
  /** Clients: what changed since the version they last acknowledged, when that is older than the current one. */
  changesSinceMyAck: versionDiff.nullable(),
  questions: z.array(question),
  /** Lawyers only. */
  draft: z
    .object({ content: statementContent, updatedAt: z.string(), promiseWarnings: z.array(promiseWarning) })
    .nullable()
    .optional(),
  /** Lawyers only: every client's standing, and every acknowledgment of every version. */
  clients: z.array(clientStatus).optional(),
  acknowledgments: z.array(receipt).optional(),
});
export type StatementDetail = z.infer<typeof statementDetail>;

export const statementSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  title: z.string(),
  /** 0 while only a draft exists (lawyers only see those). */
  versionNo: z.number().int(),
  publishedAt: z.string().nullable(),
  hasDraft: z.boolean(),
  /** Clients: their standing with the current version. */
  myState: z.enum(['acknowledged', 'viewed', 'unread']).nullable(),
  myReceipt: receipt.nullable(),
  /** Lawyers: how many clients acknowledged the current version, of how many. */
  acknowledgedCount: z.number().int().optional(),
  clientCount: z.number().int().optional(),
  openQuestions: z.number().int(),
});
export type StatementSummary = z.infer<typeof statementSummary>;

export const statementTemplate = z.object({
  key: z.string(),
  name: z.string(),
  /** Templates of one family (e.g. 'labor-dispute') differ only by the side the client is on. */
  family: z.string(),
  /** Which side this version is written for (e.g. `{ key: 'employee', label: '劳动者' }`); null when one fits all. */
  side: z.object({ key: z.string(), label: z.string() }).nullable(),
  caseTypes: z.array(z.string()),
  content: statementContent,
});
export type StatementTemplate = z.infer<typeof statementTemplate>;

export const statementActions = {
  'statement.templates': {
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(statementTemplate) }),
    mutates: false,
  },
  'statement.createDraft': {
    input: z.object({ caseId: id, templateKey: z.string().max(40).nullish() }).strict(),
    output: statementDetail,
    mutates: true,
  },
  'statement.saveDraft': {
    input: z.object({ statementId: id, content: draftContent }).strict(),
    output: statementDetail,
    mutates: true,
  },
  'statement.publish': {
    input: z
      .object({
        statementId: id,
        /** Required from version 2 on: what changed and why. */
        changeNote: optionalText(STATEMENT_LIMITS.changeNote),
      })
      .strict(),
    output: statementDetail,
    mutates: true,
  },
  'statement.list': {
    /** Paged, newest first. */
    input: z.object({ caseId: id, ...pageFields }).strict(),
    output: z.object({ statements: z.array(statementSummary), nextCursor }),
    mutates: false,
  },
  'statement.get': {
    input: z.object({ statementId: id }).strict(),
    output: statementDetail,
    mutates: false,
  },
  'statement.markViewed': {
    input: z.object({ statementId: id, versionNo: z.number().int().min(1).max(100_000) }).strict(),
    output: z.object({ versionNo: z.number().int(), viewedAt: z.string(), chain: chainPosition.nullable() }),
    mutates: true,
  },
  'statement.acknowledge': {
    input: z
      .object({
        statementId: id,
        versionNo: z.number().int().min(1).max(100_000),
        /** Every item the client checked 我已阅读并理解; must be all the version's items. */
        itemIds: z.array(z.string().max(64)).max(4 * STATEMENT_LIMITS.itemsPerSection),
      })
      .strict(),
    output: receipt,
    mutates: true,
  },
  'statement.ask': {
    input: z
      .object({
        statementId: id,
        versionNo: z.number().int().min(1).max(100_000),
        itemId: z.string().max(64),
        question: requiredText(STATEMENT_LIMITS.question),
      })
      .strict(),
    output: question,
    mutates: true,
  },
  'statement.answer': {
    input: z.object({ questionId: id, answer: requiredText(STATEMENT_LIMITS.answer) }).strict(),
    output: question,
    mutates: true,
  },
  'statement.remind': {
    input: z.object({ statementId: id, clientUserId: id }).strict(),
    output: z.object({
      outboxId: z.string(),
      queuedAt: z.string(),
      nextAllowedAt: z.string(),
      /** What really happened to the WeChat message: queued, deferred to the end of quiet hours, no consent… */
      delivery,
    }),
    mutates: true,
  },
  'statement.mine': {
    /** Paged over every case the caller is a client of, newest first; each page split by the caller's standing. */
    input: z.object({ ...pageFields }).strict(),
    output: z.object({
      pending: z.array(statementSummary),
      acknowledged: z.array(statementSummary),
      nextCursor,
    }),
    mutates: false,
  },
} as const;
