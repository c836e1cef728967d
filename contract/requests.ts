import { z } from 'zod';
import { nextCursor, pageFields } from './paging';
import { chainPosition } from './evidence';
import { calendarDate, id, requiredText } from './fields';
import { REQUEST_LIMITS } from './limits';
import { ANSWER_KINDS, REQUEST_CATEGORIES } from './request-kinds';

export { REQUEST_LIMITS } from './limits';

export {
  ANSWER_KINDS,
  ANSWER_KIND_LABELS,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
  type AnswerKind,
  type RequestCategory,
} from './request-kinds';

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
    /**
     * Clients see their own requests; lawyers every request of the case. Paged newest first; within a page,
     * open ones first, oldest first.
     */
    input: z.object({ caseId: id, ...pageFields }).strict(),
    output: z.object({ requests: z.array(clientRequest), nextCursor }),
    mutates: false,
  },
  'request.markRead': {
    /** The client who wrote the request opened its answer: their read receipt. */
    input: z.object({ requestId: id }).strict(),
    output: z.object({ readAt: z.string(), chain: chainPosition.nullable() }),
    mutates: true,
  },
} as const;
