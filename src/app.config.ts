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
      ],
    },
    // Expectation statements, read by clients and lawyers alike.
    { root: 'statement', pages: ['view/index', 'mine/index'] },
    // 存证与核验: checking, sealing and exporting a case's record, for its lawyers and clients.
    { root: 'evidence', pages: ['verify/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '律程',
    navigationBarTextStyle: 'black',
  },
});
