export default definePageConfig({
  navigationBarTitleText: '我的确认',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
