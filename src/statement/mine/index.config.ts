export default definePageConfig({
  navigationBarTitleText: '我的告知书',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
