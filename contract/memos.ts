import { z } from 'zod';
import { nextCursor, pageFields } from './paging';
import { chainPosition } from './evidence';
import { id, isoInstant, optionalText, requiredText } from './fields';
import { MEMO_LIMITS } from './limits';
import { MEMO_CHANNELS } from './memo-channels';

export { MEMO_LIMITS } from './limits';
export { MEMO_CHANNELS, MEMO_CHANNEL_LABELS, type MemoChannel } from './memo-channels';

/** A numbered point (沟通事项 / 形成结论). It keeps its id across versions, so a correction shows what changed. */
const draftPoint = z.object({ id: id.nullish(), text: requiredText(MEMO_LIMITS.pointText) }).strict();

const pointList = (label: string) =>
  z
    .array(draftPoint, { invalid_type_error: '应为条目列表', required_error: `请填写${label}` })
    .min(1, `请至少填写一条${label}`)
    .max(MEMO_LIMITS.points, `${label}最多 ${MEMO_LIMITS.points} 条`);

/** What the lawyer writes after a meeting or a call, in the practice's format. */
export const memoInput = z
  .object({
    /** 沟通时间: when the conversation took place (not in the future). */
    communicatedAt: isoInstant,
    /** 沟通方式. */
    channel: z.enum(MEMO_CHANNELS, { errorMap: () => ({ message: '请选择沟通方式' }) }),
    /** 参与人员: names as they were present. */
    participants: z
      .array(requiredText(MEMO_LIMITS.participant), { required_error: '请填写参与人员' })
      .min(1, '请至少填写一位参与人员')
      .max(MEMO_LIMITS.participants, `参与人员最多 ${MEMO_LIMITS.participants} 位`),
    /** 沟通事项, numbered. */
    matters: pointList('沟通事项'),
    /** 形成结论, numbered: what the client confirms or disputes. */
    conclusions: pointList('形成结论'),
    /** 后续安排 (optional). */
    followUp: optionalText(MEMO_LIMITS.followUp),
  })
  .strict();
export type MemoInput = z.input<typeof memoInput>;

export const memoPoint = z.object({ id: z.string(), text: z.string() });
export type MemoPoint = z.infer<typeof memoPoint>;

/** A published version's content (what its hash covers, with the memo's and version's identity). */
export const memoContent = z.object({
  communicatedAt: z.string(),
  channel: z.enum(MEMO_CHANNELS),
  participants: z.array(z.string()),
  matters: z.array(memoPoint),
  conclusions: z.array(memoPoint),
  followUp: z.string().nullable(),
  /** The disputes (response ids) this version answers; empty on the first version. */
  resolves: z.array(z.string()),
});
export type MemoContent = z.infer<typeof memoContent>;

/** A client's confirmation (确认) or dispute (异议) of one version: the evidence of what they agreed to. */
export const memoResponse = z.object({
  responseId: z.string(),
  memoId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  versionNo: z.number().int(),
  kind: z.enum(['confirmed', 'disputed']),
  /** For a dispute of one conclusion: its id and text as the client saw it; null when the whole memo is disputed. */
  conclusion: memoPoint.nullable(),
  /** The written reason of a dispute. */
  reason: z.string().nullable(),
  respondedAt: z.string(),
  /** SHA-256 (hex) of the version's canonical content. */
  contentHash: z.string(),
  chain: chainPosition.nullable(),
  /** For a dispute: the version that answered it, once the lawyer published one. */
  resolvedByVersionNo: z.number().int().nullable(),
});
export type MemoResponse = z.infer<typeof memoResponse>;

export const memoPointChange = z.object({
  list: z.enum(['matters', 'conclusions']),
  pointId: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type MemoPointChange = z.infer<typeof memoPointChange>;

export const memoDiff = z.object({
  fromVersionNo: z.number().int(),
  toVersionNo: z.number().int(),
  /** Fields other than the numbered points that changed: 'communicatedAt' | 'channel' | 'participants' | 'followUp'. */
  fields: z.array(z.enum(['communicatedAt', 'channel', 'participants', 'followUp'])),
  points: z.array(memoPointChange),
});
export type MemoDiff = z.infer<typeof memoDiff>;

export const memoVersionMeta = z.object({
  versionNo: z.number().int(),
  publishedAt: z.string(),
  authorName: z.string(),
  /** Why this version replaced the previous one (更正说明); null on the first. */
  correctionReason: z.string().nullable(),
  contentHash: z.string(),
  chain: chainPosition.nullable(),
});
export type MemoVersionMeta = z.infer<typeof memoVersionMeta>;

/** Where one client stands with the current version (lawyers only). */
export const memoClientStatus = z.object({
  userId: z.string(),
  displayName: z.string(),
  state: z.enum(['confirmed', 'disputed', 'viewed', 'unread']),
  /** Their response to the current version, if any. */
  response: memoResponse.nullable(),
});
export type MemoClientStatus = z.infer<typeof memoClientStatus>;

export const memoDetail = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  current: memoVersionMeta.extend({ content: memoContent }),
  /** Newest first. */
  versions: z.array(memoVersionMeta),
  /** Clients: their response to the current version. */
  myResponse: memoResponse.nullable(),
  /** Clients: what changed since the version they last confirmed or disputed, when that is older than the current. */
  changesSinceMyResponse: memoDiff.nullable(),
  /** Every response to every version the caller may see (lawyers: all; clients: their own), newest first. */
  responses: z.array(memoResponse),
  /** Lawyers only: each client's standing with the current version. */
  clients: z.array(memoClientStatus).optional(),
  /** Lawyers only: disputes of any version that no later version answered yet. */
  openDisputes: z.array(memoResponse).optional(),
});
export type MemoDetail = z.infer<typeof memoDetail>;

export const memoSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  communicatedAt: z.string(),
  channel: z.enum(MEMO_CHANNELS),
  /** The first conclusion, as a title. */
  headline: z.string(),
  versionNo: z.number().int(),
  publishedAt: z.string(),
  /** Clients: their standing with the current version. */
  myState: z.enum(['confirmed', 'disputed', 'viewed', 'unread']).nullable(),
  /** Lawyers: how many clients confirmed the current version, of how many; open disputes. */
  confirmedCount: z.number().int().optional(),
  clientCount: z.number().int().optional(),
  openDisputes: z.number().int().optional(),
});
export type MemoSummary = z.infer<typeof memoSummary>;

const versionRef = { memoId: id, versionNo: z.number().int().min(1).max(100_000) };

export const memoActions = {
  'memo.publish': {
    input: z.object({ caseId: id, memo: memoInput }).strict(),
    output: memoDetail,
    mutates: true,
  },
  'memo.correct': {
    input: z
      .object({
        memoId: id,
        memo: memoInput,
        /** 更正说明: required. */
        reason: requiredText(MEMO_LIMITS.reason),
        /** The disputes of earlier versions this version answers (each must be an open dispute of this memo). */
        resolves: z.array(id).max(MEMO_LIMITS.resolves).default([]),
      })
      .strict(),
    output: memoDetail,
    mutates: true,
  },
  'memo.get': { input: z.object({ memoId: id }).strict(), output: memoDetail, mutates: false },
  'memo.list': {
    /** Paged, newest first. */
    input: z.object({ caseId: id, ...pageFields }).strict(),
    output: z.object({ memos: z.array(memoSummary), nextCursor }),
    mutates: false,
  },
  'memo.markViewed': {
    input: z.object(versionRef).strict(),
    output: z.object({ versionNo: z.number().int(), viewedAt: z.string(), chain: chainPosition.nullable() }),
    mutates: true,
  },
  'memo.confirm': {
    input: z.object(versionRef).strict(),
    output: memoResponse,
    mutates: true,
  },
  'memo.dispute': {
    input: z
      .object({
        ...versionRef,
        /** The conclusion disputed; null or omitted for the whole memo. */
        conclusionId: z.string().max(64).nullish(),
        reason: requiredText(MEMO_LIMITS.reason),
      })
      .strict(),
    output: memoResponse,
    mutates: true,
  },
} as const;
