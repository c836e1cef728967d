export default definePageConfig({ navigationBarTitleText: '执业信息' });
