/**
 * How the conversation took place (沟通方式). Kept free of zod so the mini-program can show the labels without
 * shipping the schema library; contract/memos.ts re-exports both.
 */
export const MEMO_CHANNELS = ['inPerson', 'phone', 'wechat', 'video', 'other'] as const;
export type MemoChannel = (typeof MEMO_CHANNELS)[number];
export const MEMO_CHANNEL_LABELS: { readonly [C in MemoChannel]: string } = {
  inPerson: '面谈',
  phone: '电话',
  wechat: '微信',
  video: '视频',
  other: '其他',
};
