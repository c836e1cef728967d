import { z } from 'zod';
import { chainPosition } from './evidence';
import { calendarDate, id, requiredText } from './fields';
import { REQUEST_LIMITS } from './limits';

export { REQUEST_LIMITS } from './limits';

/** What a client asks for (客户请求的类别). */
export const REQUEST_CATEGORIES = ['consult', 'action', 'material', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_CATEGORY_LABELS: { readonly [C in RequestCategory]: string } = {
  consult: '咨询',
  action: '请求办理',
  material: '补充材料',
  other: '其他',
};

/** The lawyer's written answer: exactly one of 答复 (reply), 接受 (accept: what and by when), 拒绝 (decline: why). */
export const ANSWER_KINDS = ['reply', 'accept', 'decline'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const ANSWER_KIND_LABELS: { readonly [K in AnswerKind]: string } = {
  reply: '答复',
  accept: '接受',
  decline: '拒绝',
};

export const requestStatus = z.enum(['open', 'answered', 'accepted', 'declined']);
export type RequestStatus = z.infer<typeof requestStatus>;

export const requestAnswer = z.object({
  kind: z.enum(ANSWER_KINDS),
  /** The answer, what will be done, or the reason of a refusal. */
  text: z.string(),
  /** For `accept`: by when (Asia/Shanghai date 'YYYY-MM-DD'). */
  dueBy: z.string().nullable(),
  answeredByName: z.string(),
  answeredAt: z.string(),
  contentHash: z.string(),
  chain: chainPosition.nullable(),
  /** When the client who wrote the request first opened the answer (lawyers see it; null until then). */
  readAt: z.string().nullable(),
});
export type RequestAnswer = z.infer<typeof requestAnswer>;

export const clientRequest = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  category: z.enum(REQUEST_CATEGORIES),
  body: z.string(),
  /** The progress update the request answers (e.g. materials it asked for), if any. */
  aboutUpdate: z.object({ id: z.string(), title: z.string() }).nullable(),
  askedBy: z.string(),
  askedByName: z.string(),
  askedAt: z.string(),
  contentHash: z.string(),
  chain: chainPosition.nullable(),
  /** The reply the lawyer's office hours and reply promise gave when it was written (kept with it); null without one. */
  promisedBy: z.string().nullable(),
  status: requestStatus,
  /** Still open past its promised reply time. */
  overdue: z.boolean(),
  answer: requestAnswer.nullable(),
});
export type ClientRequest = z.infer<typeof clientRequest>;

export const requestActions = {
  'request.create': {
    input: z
      .object({
        caseId: id,
        category: z.enum(REQUEST_CATEGORIES, { errorMap: () => ({ message: '请选择请求类别' }) }),
        body: requiredText(REQUEST_LIMITS.body),
        aboutUpdateId: id.nullish(),
      })
      .strict(),
    output: clientRequest,
    mutates: true,
  },
  'request.answer': {
    input: z
      .object({
        requestId: id,
        kind: z.enum(ANSWER_KINDS, { errorMap: () => ({ message: '请选择答复、接受或拒绝' }) }),
        text: requiredText(REQUEST_LIMITS.answer),
        /** Required for `accept`, not earlier than today (Asia/Shanghai); must be absent otherwise. */
        dueBy: calendarDate.nullish(),
      })
      .strict(),
    output: clientRequest,
    mutates: true,
  },
  'request.get': { input: z.object({ requestId: id }).strict(), output: clientRequest, mutates: false },
  'request.list': {
    /** Clients see their own requests; lawyers every request of the case. Open ones first, oldest first. */
    input: z.object({ caseId: id }).strict(),
    output: z.object({ requests: z.array(clientRequest) }),
    mutates: false,
  },
  'request.markRead': {
    /** The client who wrote the request opened its answer: their read receipt. */
    input: z.object({ requestId: id }).strict(),
    output: z.object({ readAt: z.string(), chain: chainPosition.nullable() }),
    mutates: true,
  },
} as const;
