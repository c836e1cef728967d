import {
  notificationList,
  notificationMarkSeen,
  notificationPreview,
  notificationSettings,
  notificationSubscribe,
} from './notifications/notifications.actions';
import { caseCreate, caseGet, caseList, caseTimeline } from './cases/cases.actions';
import { caseVerifyLog, evidenceSeal } from './evidence/evidence.actions';
import { caseExport } from './evidence/export.actions';
import { caseContact } from './contact/contact.actions';
import type { Handlers } from './core/action';
import {
  adminInviteLawyer,
  inviteCreateClient,
  inviteList,
  invitePreview,
  inviteRedeem,
  inviteRevoke,
  memberRemove,
} from './invites/invites.actions';
import {
  memoConfirm,
  memoCorrect,
  memoDispute,
  memoGet,
  memoList,
  memoMarkViewed,
  memoPublish,
} from './memos/memos.actions';
import {
  requestAnswer,
  requestCreate,
  requestGet,
  requestList,
  requestMarkRead,
} from './requests/requests.actions';
import { adminConfirmLawyer, adminListLawyers, adminRejectLawyer } from './session/admin.actions';
import { accountDelete } from './privacy/account-delete.actions';
import { accountExport } from './privacy/account-export.actions';
import { requireConsentOnWrites } from './privacy/consent-gate';
import { privacyConsent, privacyStatus, privacyWithdraw } from './privacy/privacy.actions';
import { profileUpdate, sessionMe, sessionSignOutEverywhere } from './session/session.actions';
import {
  statementAcknowledge,
  statementAnswer,
  statementAsk,
  statementCreateDraft,
  statementGet,
  statementList,
  statementMarkViewed,
  statementMine,
  statementPublish,
  statementRemind,
  statementSaveDraft,
  statementTemplates,
} from './statements/statements.actions';
import { taskAssign, taskComplete, taskGet, taskList, taskReview } from './tasks/tasks.actions';
import { updateCorrect, updateGet, updateMarkRead, updatePublish } from './updates/updates.actions';
import { workbenchGet } from './workbench/workbench.actions';

/**
 * Every action of the contract, with its handler. A missing entry is a type error. Writes are refused to a person
 * without a current consent to the privacy notice (server/privacy/consent-gate.ts).
 */
export const handlers: Handlers = requireConsentOnWrites({
  'session.me': sessionMe,
  'session.signOutEverywhere': sessionSignOutEverywhere,
  'profile.update': profileUpdate,
  'admin.inviteLawyer': adminInviteLawyer,
  'admin.listLawyers': adminListLawyers,
  'invite.createClient': inviteCreateClient,
  'invite.redeem': inviteRedeem,
  'invite.preview': invitePreview,
  'invite.list': inviteList,
  'invite.revoke': inviteRevoke,
  'member.remove': memberRemove,
  'admin.confirmLawyer': adminConfirmLawyer,
  'admin.rejectLawyer': adminRejectLawyer,
  'case.create': caseCreate,
  'case.list': caseList,
  'case.get': caseGet,
  'case.timeline': caseTimeline,
  'case.verifyLog': caseVerifyLog,
  'evidence.seal': evidenceSeal,
  'case.export': caseExport,
  'update.publish': updatePublish,
  'update.correct': updateCorrect,
  'update.get': updateGet,
  'update.markRead': updateMarkRead,
  'statement.templates': statementTemplates,
  'statement.createDraft': statementCreateDraft,
  'statement.saveDraft': statementSaveDraft,
  'statement.publish': statementPublish,
  'statement.list': statementList,
  'statement.get': statementGet,
  'statement.markViewed': statementMarkViewed,
  'statement.acknowledge': statementAcknowledge,
  'statement.ask': statementAsk,
  'statement.answer': statementAnswer,
  'statement.remind': statementRemind,
  'statement.mine': statementMine,
  'case.contact': caseContact,
  'memo.publish': memoPublish,
  'memo.correct': memoCorrect,
  'memo.get': memoGet,
  'memo.list': memoList,
  'memo.markViewed': memoMarkViewed,
  'memo.confirm': memoConfirm,
  'memo.dispute': memoDispute,
  'request.create': requestCreate,
  'request.answer': requestAnswer,
  'request.get': requestGet,
  'request.list': requestList,
  'request.markRead': requestMarkRead,
  'task.assign': taskAssign,
  'task.complete': taskComplete,
  'task.review': taskReview,
  'task.get': taskGet,
  'task.list': taskList,
  'notification.settings': notificationSettings,
  'notification.subscribe': notificationSubscribe,
  'notification.list': notificationList,
  'notification.markSeen': notificationMarkSeen,
  'notification.preview': notificationPreview,
  'workbench.get': workbenchGet,
  'privacy.status': privacyStatus,
  'privacy.consent': privacyConsent,
  'privacy.withdraw': privacyWithdraw,
  'account.export': accountExport,
  'account.delete': accountDelete,
});
