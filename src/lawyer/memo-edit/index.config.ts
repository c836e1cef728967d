export default definePageConfig({ navigationBarTitleText: '写沟通备忘录' });
