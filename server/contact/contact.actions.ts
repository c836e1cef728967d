import type { ActionHandler } from '../core/action';
import { fail } from '../core/result';

// TEMPORARY: replaced by the feature's implementation in this change.
export const caseContact: ActionHandler<'case.contact'> = {
  access: { kind: 'admin' },
  run: async () => fail('INTERNAL'),
};
