import type { ActionHandler } from '../core/action';
import { userContext } from '../core/action';
import { ok } from '../core/result';

export const accountExport: ActionHandler<'account.export'> = {
  access: { kind: 'user' },
  async run(raw) {
    const ctx = userContext(raw);
    // Rarely called: its queries load on first use (a lazy file of the cloud bundle, scripts/build-cloud.ts).
    const { collectAccountExport } = await import('./account-export.store');
    return ok(await collectAccountExport(ctx.db, ctx.caller.user.id, ctx.now));
  },
};
