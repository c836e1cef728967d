export default definePageConfig({
  navigationBarTitleText: '预期与风险告知书',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
