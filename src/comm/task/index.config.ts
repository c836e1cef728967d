export default definePageConfig({
  navigationBarTitleText: '配合事项',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
