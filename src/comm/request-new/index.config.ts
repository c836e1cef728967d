export default definePageConfig({ navigationBarTitleText: '律程' });
