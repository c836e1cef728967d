export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/case/index',
    'pages/update/index',
    'pages/join/index',
    'pages/login/index',
  ],
  subPackages: [
    {
      root: 'lawyer',
      pages: [
        'case-new/index',
        'invite/index',
        'publish/index',
        'profile/index',
        'admin/index',
        'statement-edit/index',
        'workbench/index',
        'memo-edit/index',
        'task-new/index',
        'members/index',
      ],
    },
    // Expectation statements, read by clients and lawyers alike.
    { root: 'statement', pages: ['view/index', 'mine/index'] },
    // 存证与核验: checking, sealing and exporting a case's record, for its lawyers and clients.
    { root: 'evidence', pages: ['verify/index'] },
    // Two-way written communication: memos, client requests, client tasks and the lawyer's contact card.
    {
      root: 'comm',
      pages: [
        'memo/index',
        'requests/index',
        'request/index',
        'request-new/index',
        'tasks/index',
        'task/index',
        'contact/index',
        'notify/index',
        'notices/index',
        'message-preview/index',
      ],
    },
    // 个人信息与隐私: the privacy notice (readable before sign-in, and where consent is asked) and 我的数据.
    { root: 'account', pages: ['privacy/index', 'data/index'] },
  ],
  // WeChat asks before a privacy API (setClipboardData) runs; we answer in our own page (account/privacy).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '律程',
    navigationBarTextStyle: 'black',
  },
});
