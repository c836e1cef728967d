/**
 * The pages a notification can open, shared by the mini-program's routes and the server's subscribe messages
 * (whose `page` is the same path without the leading slash). Kept free of zod so the app imports it for free.
 */
const q = encodeURIComponent;

export const PAGE_PATHS = {
  home: () => '/pages/index/index',
  case: (caseId: string) => `/pages/case/index?id=${q(caseId)}`,
  update: (updateId: string) => `/pages/update/index?id=${q(updateId)}`,
  statement: (statementId: string) => `/statement/view/index?id=${q(statementId)}`,
  memo: (memoId: string) => `/comm/memo/index?id=${q(memoId)}`,
  request: (requestId: string) => `/comm/request/index?id=${q(requestId)}`,
  task: (taskId: string) => `/comm/task/index?id=${q(taskId)}`,
  notices: (caseId: string) => `/comm/notices/index?caseId=${q(caseId)}`,
};
