export default definePageConfig({
  navigationBarTitleText: '案件通知',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
