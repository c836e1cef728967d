import type { ActionName } from '../contract/index';
import { MEMBER_ROLES } from '../contract/roles';

/**
 * The people the matrix distinguishes, relative to one case: every member role (so a new role must get a
 * persona in the matrix test and a decision on every row before anything compiles), and the outsiders.
 */
export const ROLES = [
  'stranger',
  'clientOfOtherCase',
  'lawyerOfOtherCase',
  'admin',
  ...MEMBER_ROLES,
] as const satisfies readonly string[];
export type MatrixRole = (typeof ROLES)[number];

const ALL = ROLES;
const LAWYERS = ['lawyerOfOtherCase', 'lawyer'] as const;
const MEMBERS = ['client', 'lawyer'] as const;
const CASE_LAWYER = ['lawyer'] as const;
const CASE_CLIENT = ['client'] as const;
const ADMIN = ['admin'] as const;

/**
 * Who may call each action (DESIGN §5). Everyone else is denied: UNAUTHENTICATED, FORBIDDEN, or NOT_FOUND
 * when the action names a case they are not in. A test walks every cell against the running API; an action
 * without a row here is a type error and a test failure.
 */
export const AUTHORIZATION_MATRIX: Record<ActionName, readonly MatrixRole[]> = {
  'session.me': ALL,
  'session.signOutEverywhere': ALL,
  'profile.update': LAWYERS,
  'admin.inviteLawyer': ADMIN,
  'admin.listLawyers': ADMIN,
  'invite.createClient': CASE_LAWYER,
  'invite.redeem': ALL,
  'invite.preview': ALL,
  'invite.list': CASE_LAWYER,
  'invite.revoke': CASE_LAWYER,
  'member.remove': CASE_LAWYER,
  'admin.confirmLawyer': ADMIN,
  'admin.rejectLawyer': ADMIN,
  'case.create': LAWYERS,
  'case.list': ALL,
  'case.get': MEMBERS,
  'case.timeline': MEMBERS,
  'case.verifyLog': MEMBERS,
  'evidence.seal': LAWYERS,
  'case.export': MEMBERS,
  'update.publish': CASE_LAWYER,
  'update.correct': CASE_LAWYER,
  'update.get': MEMBERS,
  'update.markRead': MEMBERS,
  'statement.templates': LAWYERS,
  'statement.createDraft': CASE_LAWYER,
  'statement.saveDraft': CASE_LAWYER,
  'statement.publish': CASE_LAWYER,
  'statement.list': MEMBERS,
  'statement.get': MEMBERS,
  'statement.markViewed': CASE_CLIENT,
  'statement.acknowledge': CASE_CLIENT,
  'statement.ask': CASE_CLIENT,
  'statement.answer': CASE_LAWYER,
  'statement.remind': CASE_LAWYER,
  'statement.mine': ALL,
  'case.contact': MEMBERS,
  'memo.publish': CASE_LAWYER,
  'memo.correct': CASE_LAWYER,
  'memo.get': MEMBERS,
  'memo.list': MEMBERS,
  'memo.markViewed': CASE_CLIENT,
  'memo.confirm': CASE_CLIENT,
  'memo.dispute': CASE_CLIENT,
  'request.create': CASE_CLIENT,
  'request.answer': CASE_LAWYER,
  'request.get': MEMBERS,
  'request.list': MEMBERS,
  'request.markRead': CASE_CLIENT,
  'task.assign': CASE_LAWYER,
  'task.complete': CASE_CLIENT,
  'task.review': CASE_LAWYER,
  'task.get': MEMBERS,
  'task.list': MEMBERS,
  'workbench.get': LAWYERS,
  'notification.settings': ALL,
  'notification.subscribe': ALL,
  'notification.list': MEMBERS,
  'notification.markSeen': MEMBERS,
  // The demo's 消息预览 (the harness runs in demo mode); outside the demo it answers NOT_FOUND to everyone.
  'notification.preview': ALL,
  // Every person's own standing and data; deletion is refused in the handler (typed codes) to admins and to
  // lawyers who still hold cases.
  'privacy.status': ALL,
  'privacy.consent': ALL,
  'privacy.withdraw': ALL,
  'account.export': ALL,
  'account.delete': ALL,
};
