export default definePageConfig({ navigationBarTitleText: '向律师提出请求' });
