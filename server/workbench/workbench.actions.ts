import { userContext, type ActionHandler } from '../core/action';
import { ok } from '../core/result';
import { loadWorkbench } from './workbench.store';

/** The lawyer's 工作台: what waits for them across every case they are a lawyer of (clients: FORBIDDEN). */
export const workbenchGet: ActionHandler<'workbench.get'> = {
  access: { kind: 'lawyer' },
  async run(raw) {
    const ctx = userContext(raw);
    return ok(await loadWorkbench(ctx.db, ctx.caller.user.id, ctx.now));
  },
};
