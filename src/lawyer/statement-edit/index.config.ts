export default definePageConfig({
  navigationBarTitleText: '新建告知书',
});
