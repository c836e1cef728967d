export default definePageConfig({
  navigationBarTitleText: '客户请求',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
