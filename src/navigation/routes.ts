import { PAGE_PATHS } from '@contract/page-paths';

const q = encodeURIComponent;

/** Every page's URL in one place; subpackage pages live under `/lawyer/`, `/statement/`, `/evidence/` and `/comm/`. */
export const routes = {
  home: PAGE_PATHS.home,
  case: PAGE_PATHS.case,
  update: PAGE_PATHS.update,
  join: (code?: string) => (code ? `/pages/join/index?code=${q(code)}` : '/pages/join/index'),
  login: (redirect?: string) =>
    redirect ? `/pages/login/index?redirect=${q(redirect)}` : '/pages/login/index',
  caseNew: () => '/lawyer/case-new/index',
  invite: (caseId: string) => `/lawyer/invite/index?caseId=${q(caseId)}`,
  members: (caseId: string) => `/lawyer/members/index?caseId=${q(caseId)}`,
  publish: (caseId: string) => `/lawyer/publish/index?caseId=${q(caseId)}`,
  correct: (updateId: string) => `/lawyer/publish/index?updateId=${q(updateId)}`,
  profile: () => '/lawyer/profile/index',
  admin: () => '/lawyer/admin/index',
  statement: PAGE_PATHS.statement,
  myStatements: () => '/statement/mine/index',
  newStatement: (caseId: string) => `/lawyer/statement-edit/index?caseId=${q(caseId)}`,
  editStatement: (statementId: string) => `/lawyer/statement-edit/index?statementId=${q(statementId)}`,
  verifyCase: (caseId: string) => `/evidence/verify/index?caseId=${q(caseId)}`,
  workbench: () => '/lawyer/workbench/index',
  newMemo: (caseId: string) => `/lawyer/memo-edit/index?caseId=${q(caseId)}`,
  correctMemo: (memoId: string) => `/lawyer/memo-edit/index?memoId=${q(memoId)}`,
  newTask: (caseId: string) => `/lawyer/task-new/index?caseId=${q(caseId)}`,
  memo: PAGE_PATHS.memo,
  requests: (caseId: string) => `/comm/requests/index?caseId=${q(caseId)}`,
  request: PAGE_PATHS.request,
  newRequest: (caseId: string, aboutUpdateId?: string) =>
    aboutUpdateId
      ? `/comm/request-new/index?caseId=${q(caseId)}&aboutUpdateId=${q(aboutUpdateId)}`
      : `/comm/request-new/index?caseId=${q(caseId)}`,
  tasks: (caseId: string) => `/comm/tasks/index?caseId=${q(caseId)}`,
  task: PAGE_PATHS.task,
  contact: (caseId: string) => `/comm/contact/index?caseId=${q(caseId)}`,
  notices: PAGE_PATHS.notices,
  notifySettings: () => '/comm/notify/index',
  messagePreview: () => '/comm/message-preview/index',
};

/**
 * Params the Taro H5 router adds to a page's own params (`stamp` numbers each page instance; `$`-prefixed ones are
 * internal); they are not ours and must not end up in a URL a person sees.
 */
const ROUTER_PARAMS = new Set(['stamp']);

/** Rebuilds a page URL from a path and its query params (for returning after login). */
export function pageUrl(path: string, params: Record<string, string | undefined>): string {
  const base = (path.startsWith('/') ? path : `/${path}`).split('?')[0];
  const query = Object.entries(params)
    .filter(
      ([key, value]) => value != null && value !== '' && !key.startsWith('$') && !ROUTER_PARAMS.has(key),
    )
    .map(([key, value]) => `${q(key)}=${q(value as string)}`)
    .join('&');
  return query ? `${base}?${query}` : base;
}

/** Only our own page paths are accepted as a post-login target (no open redirect). */
export function safeRedirect(target: string | undefined): string {
  if (
    target &&
    /^\/(pages|lawyer|statement|evidence|comm)\/[a-z-]+\/index(\?.*)?$/.test(target) &&
    !target.startsWith('/pages/login/')
  ) {
    return target;
  }
  return routes.home();
}
