/**
 * Stable error codes of the API, each with the Chinese message the UI shows.
 * Clients match errors by `code`, never by `instanceof` (errors cross a process boundary).
 */
export const ERROR_MESSAGES = {
  INVALID_ARGUMENT: '提交的内容不符合要求，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  NOT_FOUND: '内容不存在或您无权查看',
  FORBIDDEN: '您没有执行此操作的权限',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNKNOWN_ACTION: '不支持的操作',
  INTERNAL: '服务暂时不可用，请稍后重试',
  'REQUEST.ID_REUSED': '请求编号已被另一操作使用，请刷新后重试',
  'INVITE.NOT_FOUND': '邀请码无效，请核对后重新输入',
  'INVITE.USED': '该邀请已被使用，请联系律师重新邀请',
  'INVITE.EXPIRED': '该邀请已过期，请联系律师重新邀请',
  'INVITE.ALREADY_MEMBER': '您已是该案件的成员',
  'INVITE.REVOKED': '该邀请已被律师撤回，请联系律师重新邀请',
  'INVITE.ALREADY_DECIDED': '该入驻申请已处理',
  'MEMBER.CANNOT_REMOVE_SELF': '不能将自己移出案件',
  'MEMBER.LAST_LAWYER': '案件至少需要保留一位律师',
  'MEMBER.ALREADY_REMOVED': '该成员已被移出案件',
  'LAWYER.PROFILE_REQUIRED': '请先完善律师执业信息',
  'CASE.STAGE_NOT_FOUND': '所选阶段不存在',
  'CASE.STAGE_REASON_REQUIRED': '退回到之前的阶段时，请写明原因（客户可见）',
  'UPDATE.NOTHING_CHANGED': '更正内容与当前版本相同',
  'STATEMENT.NO_ITEMS': '告知书至少需要一条内容才能发布',
  'STATEMENT.NO_DRAFT': '没有待发布的草稿',
  'STATEMENT.CHANGE_NOTE_REQUIRED': '发布新版本时请填写修订说明',
  'STATEMENT.NOTHING_CHANGED': '草稿与当前版本相同，无需发布新版本',
  'STATEMENT.NOT_PUBLISHED': '该告知书尚未发布，暂不能提交知悉回执',
  'STATEMENT.SUPERSEDED': '该告知书已修订，请查看最新版本后再提交知悉回执',
  'STATEMENT.ITEMS_UNCHECKED': '请逐条勾选「我已阅读并知悉」后再提交',
  'STATEMENT.ITEM_NOT_FOUND': '所提问的条目不存在',
  'STATEMENT.ALREADY_ACKNOWLEDGED': '该客户已知悉当前版本，无需提醒',
  'STATEMENT.REMINDED_RECENTLY': '24 小时内已提醒过该客户，请稍后再试',
  'STATEMENT.TEMPLATE_NOT_FOUND': '所选模板不存在',
  'STATEMENT.QUESTION_ANSWERED': '该问题已回复',
  'MEMO.NOTHING_CHANGED': '更正内容与当前版本相同',
  'MEMO.IN_FUTURE': '沟通时间不能晚于现在',
  'MEMO.SUPERSEDED': '该备忘录已更正，请查看最新版本后再确认',
  'MEMO.CONCLUSION_NOT_FOUND': '所指的结论不存在',
  'MEMO.ALREADY_RESPONDED': '您已对该版本提出异议，请等待律师更正',
  'MEMO.DISPUTE_NOT_OPEN': '所回应的异议不存在或已处理',
  'REQUEST.ALREADY_ANSWERED': '该请求已有书面答复',
  'REQUEST.DUE_REQUIRED': '接受请求时请填写预计完成日期',
  'REQUEST.DUE_NOT_ALLOWED': '只有接受请求时才填写完成日期',
  'REQUEST.UPDATE_NOT_FOUND': '所关联的进展不存在',
  'REQUEST.NOT_ANSWERED': '该请求尚未答复',
  'DATE.IN_PAST': '日期不能早于今天',
  'TASK.NOT_ASSIGNEE': '只有被指派的客户可以完成此事项',
  'TASK.ASSIGNEE_NOT_CLIENT': '只能指派给本案的客户',
  'TASK.STATEMENT_ITEM_NOT_FOUND': '所关联的告知书条目不存在',
  'NOTIFY.UNKNOWN_TEMPLATE': '该消息模板未配置或已更换，请刷新后重试',
  'TASK.WRONG_STATE': '该事项当前状态不允许此操作',
  'TASK.REASON_REQUIRED': '退回时请填写原因',
  'PROFILE.CONTACT_MISSING': '要向客户展示的联系方式尚未填写',
  'PRIVACY.CONSENT_REQUIRED': '请先阅读并同意《律程用户隐私保护指引》',
  'PRIVACY.VERSION_OUTDATED': '隐私保护指引已更新，请阅读新版本后再同意',
  'ACCOUNT.LAWYER_HAS_CASES': '您仍是案件的承办律师，请先由律所将案件转交其他律师后再注销',
  'ACCOUNT.ADMIN_CONFIGURED': '律所管理员账号由律所配置，不能在应用内注销',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** One problem with one field of a rejected payload. `path` is dotted (`items.2.text`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** RATE_LIMITED only: seconds until the refused action may be tried again (the message says it in words). */
  retryAfterSeconds?: number;
}

/** Builds the error object for a code, with its Chinese message. */
export function apiError(code: ErrorCode, issues?: FieldIssue[], message?: string): ApiError {
  const error: ApiError = { code, message: message ?? ERROR_MESSAGES[code] };
  if (issues && issues.length > 0) error.issues = issues;
  return error;
}

/** Codes that mean "you may not do or see this"; the authorization matrix treats them as a deny. */
export const DENY_CODES: readonly ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];
