export default definePageConfig({ navigationBarTitleText: '加入案件' });
