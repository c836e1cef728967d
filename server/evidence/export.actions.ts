import { caseContext, type ActionHandler } from '../core/action';
import { ok } from '../core/result';

/**
 * A member's copy of the case's written record: a client of the case is entitled to it as much as the lawyer,
 * and gets the whole of it (a partial record could not be verified). Loaded on first use: the renderer and the
 * timestamp reader stay out of the cloud function's first load.
 */
export const caseExport: ActionHandler<'case.export'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run(raw) {
    const ctx = caseContext(raw);
    const { exportCase } = await import('./export');
    const exporter = {
      userId: ctx.caller.user.id,
      name: ctx.caller.user.displayName,
      role: ctx.membership.role,
    };
    return ok(await exportCase(ctx.db, ctx.membership.caseId, exporter, ctx.now, ctx.config.tsa.rootsPem));
  },
};
