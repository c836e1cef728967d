export default definePageConfig({
  navigationBarTitleText: '沟通备忘录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
