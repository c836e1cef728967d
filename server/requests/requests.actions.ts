import type { ActionHandler } from '../core/action';
import { fail } from '../core/result';

// TEMPORARY: replaced by the feature's implementation in this change.
export const requestCreate: ActionHandler<'request.create'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const requestAnswer: ActionHandler<'request.answer'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const requestGet: ActionHandler<'request.get'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const requestList: ActionHandler<'request.list'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
export const requestMarkRead: ActionHandler<'request.markRead'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
