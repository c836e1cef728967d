import type { ActionName, Actions } from './index';

/** The names of the actions that write (`mutates: true` in the action map). */
export type MutatingAction = {
  [A in ActionName]: Actions[A]['mutates'] extends true ? A : never;
}[ActionName];

/**
 * The writing actions as a plain list, for code that must tell a write from a read without loading the schemas
 * (zod) of the whole action map: the app's first load. The compiler keeps it equal to the map — a name that does
 * not write fails `satisfies`, and a writing action left out fails `ListIsComplete` below.
 */
export const MUTATING_ACTIONS = [
  'session.signOutEverywhere',
  'profile.update',
  'admin.confirmLawyer',
  'admin.rejectLawyer',
  'invite.createClient',
  'admin.inviteLawyer',
  'invite.redeem',
  'invite.revoke',
  'member.remove',
  'case.create',
  'update.publish',
  'update.correct',
  'update.markRead',
  'statement.createDraft',
  'statement.saveDraft',
  'statement.publish',
  'statement.markViewed',
  'statement.acknowledge',
  'statement.ask',
  'statement.answer',
  'statement.remind',
  'memo.publish',
  'memo.correct',
  'memo.markViewed',
  'memo.confirm',
  'memo.dispute',
  'request.create',
  'request.answer',
  'request.markRead',
  'task.assign',
  'task.complete',
  'task.review',
  'notification.subscribe',
  'notification.markSeen',
  'privacy.consent',
  'privacy.withdraw',
  'account.delete',
] as const satisfies readonly MutatingAction[];

type Assert<T extends true> = T;
/** Fails to compile when a writing action is missing from {@link MUTATING_ACTIONS}. */
export type ListIsComplete = Assert<
  [Exclude<MutatingAction, (typeof MUTATING_ACTIONS)[number]>] extends [never] ? true : false
>;

const mutating: ReadonlySet<string> = new Set(MUTATING_ACTIONS);

/** Whether the action writes (and so is evidence the device it came from should be recorded with). */
export function isMutating(action: ActionName): boolean {
  return mutating.has(action);
}
