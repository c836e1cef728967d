import type { ActionHandler } from '../core/action';
import { fail } from '../core/result';

// TEMPORARY: replaced by the feature's implementation in this change.
export const taskAssign: ActionHandler<'task.assign'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const taskComplete: ActionHandler<'task.complete'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const taskReview: ActionHandler<'task.review'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const taskGet: ActionHandler<'task.get'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const taskList: ActionHandler<'task.list'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
