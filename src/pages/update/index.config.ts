export default definePageConfig({ navigationBarTitleText: '进展详情' });
