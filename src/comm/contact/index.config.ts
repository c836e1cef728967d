export default definePageConfig({ navigationBarTitleText: '联系律师' });
