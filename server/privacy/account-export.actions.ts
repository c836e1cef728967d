import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { ok } from '../core/result';
import { collectAccountExport } from './account-export.store';

export const accountExport: ActionHandler<'account.export'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    return ok(await collectAccountExport(ctx.db, ctx.caller.user.id, ctx.now));
  },
};
