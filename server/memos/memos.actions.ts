import type { ActionHandler } from '../core/action';
import { fail } from '../core/result';

// TEMPORARY: replaced by the feature's implementation in this change.
export const memoPublish: ActionHandler<'memo.publish'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const memoCorrect: ActionHandler<'memo.correct'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const memoGet: ActionHandler<'memo.get'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const memoList: ActionHandler<'memo.list'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const memoMarkViewed: ActionHandler<'memo.markViewed'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const memoConfirm: ActionHandler<'memo.confirm'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const memoDispute: ActionHandler<'memo.dispute'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
