import type { ActionHandler } from '../core/action';
import { fail } from '../core/result';

// TEMPORARY: replaced by the feature's implementation in this change.
export const workbenchGet: ActionHandler<'workbench.get'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
