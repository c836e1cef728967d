const q = encodeURIComponent;

/** Every page's URL in one place; subpackage pages live under `/lawyer/`, `/statement/` and `/evidence/`. */
export const routes = {
  home: () => '/pages/index/index',
  case: (caseId: string) => `/pages/case/index?id=${q(caseId)}`,
  update: (updateId: string) => `/pages/update/index?id=${q(updateId)}`,
  join: (code?: string) => (code ? `/pages/join/index?code=${q(code)}` : '/pages/join/index'),
  login: (redirect?: string) =>
    redirect ? `/pages/login/index?redirect=${q(redirect)}` : '/pages/login/index',
  caseNew: () => '/lawyer/case-new/index',
  invite: (caseId: string) => `/lawyer/invite/index?caseId=${q(caseId)}`,
  publish: (caseId: string) => `/lawyer/publish/index?caseId=${q(caseId)}`,
  correct: (updateId: string) => `/lawyer/publish/index?updateId=${q(updateId)}`,
  profile: () => '/lawyer/profile/index',
  admin: () => '/lawyer/admin/index',
  statement: (statementId: string) => `/statement/view/index?id=${q(statementId)}`,
  myStatements: () => '/statement/mine/index',
  newStatement: (caseId: string) => `/lawyer/statement-edit/index?caseId=${q(caseId)}`,
  editStatement: (statementId: string) => `/lawyer/statement-edit/index?statementId=${q(statementId)}`,
  verifyCase: (caseId: string) => `/evidence/verify/index?caseId=${q(caseId)}`,
};

/** Rebuilds a page URL from a path and its query params (for returning after login). */
export function pageUrl(path: string, params: Record<string, string | undefined>): string {
  const base = (path.startsWith('/') ? path : `/${path}`).split('?')[0];
  const query = Object.entries(params)
    .filter(([key, value]) => value != null && value !== '' && !key.startsWith('$'))
    .map(([key, value]) => `${q(key)}=${q(value as string)}`)
    .join('&');
  return query ? `${base}?${query}` : base;
}

/** Only our own page paths are accepted as a post-login target (no open redirect). */
export function safeRedirect(target: string | undefined): string {
  if (
    target &&
    /^\/(pages|lawyer|statement|evidence)\/[a-z-]+\/index(\?.*)?$/.test(target) &&
    !target.startsWith('/pages/login/')
  ) {
    return target;
  }
  return routes.home();
}
