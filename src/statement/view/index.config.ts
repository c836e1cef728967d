export default definePageConfig({
  navigationBarTitleText: '预期与风险告知',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
