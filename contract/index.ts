import type { z } from 'zod';
import { adminActions } from './admin';
import { caseActions, contactActions } from './cases';
import { evidenceActions } from './evidence';
import { inviteActions } from './invites';
import { memoActions } from './memos';
import { notificationActions } from './notifications';
import { privacyActions } from './privacy';
import { requestActions } from './requests';
import { sessionActions } from './session';
import { statementActions } from './statements';
import { taskActions } from './tasks';
import { updateActions } from './updates';
import { workbenchActions } from './workbench';

/**
 * The action map: every action the API answers, with its input and output schemas.
 * `mutates` actions go through the idempotency store (a replayed requestId gets the first answer).
 */
export const actions = {
  ...sessionActions,
  ...adminActions,
  ...inviteActions,
  ...caseActions,
  ...updateActions,
  ...statementActions,
  ...evidenceActions,
  ...contactActions,
  ...memoActions,
  ...requestActions,
  ...taskActions,
  ...workbenchActions,
  ...notificationActions,
  ...privacyActions,
} as const;

export type Actions = typeof actions;
export type ActionName = keyof Actions;
/** What the caller sends (before server-side defaults and normalization). */
export type ActionInput<A extends ActionName> = z.input<Actions[A]['input']>;
/** What the handler receives, after validation. */
export type ParsedInput<A extends ActionName> = z.output<Actions[A]['input']>;
export type ActionOutput<A extends ActionName> = z.infer<Actions[A]['output']>;

export const ACTION_NAMES = Object.keys(actions) as ActionName[];

export * from './errors';
export * from './envelope';
export { LIMITS } from './limits';
export { CASE_TYPES, STAGE_TEMPLATES, type CaseType, type StageTemplate } from './case-types';
export type { Me, LawyerProfile } from './session';
export type { Invite } from './invites';
export type { CaseSummary, CaseDetail, Stage, TimelineEntry, MemberRole, ContactCard } from './cases';
export type {
  MemoChannel,
  MemoContent,
  MemoDetail,
  MemoDiff,
  MemoInput,
  MemoPoint,
  MemoResponse,
  MemoSummary,
  MemoClientStatus,
  MemoVersionMeta,
} from './memos';
export type { AnswerKind, ClientRequest, RequestAnswer, RequestCategory, RequestStatus } from './requests';
export type { ClientTask, TaskStatus, TaskStep } from './tasks';
export type { WorkItem, Workbench } from './workbench';
export type { ChainPosition, Finding, SealState, VerifyReport } from './evidence';
export type { UpdateDetail, UpdateVersion, ReadReceipt } from './updates';
export type {
  StatementDetail,
  StatementSummary,
  StatementContent,
  StatementItem,
  StatementTemplate,
  StatementVersionMeta,
  Receipt,
  Question,
  ClientStatus,
  VersionDiff,
  ItemChange,
  SectionKey,
  DraftContentInput,
} from './statements';
