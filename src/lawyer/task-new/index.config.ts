export default definePageConfig({ navigationBarTitleText: '布置配合事项' });
