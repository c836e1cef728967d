export default definePageConfig({
  navigationBarTitleText: '消息预览（演示）',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
