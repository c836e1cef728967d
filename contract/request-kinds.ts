/**
 * Request categories and answer kinds with their labels. Kept free of zod so the mini-program can show them
 * without shipping the schema library; contract/requests.ts re-exports all of them.
 */

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
