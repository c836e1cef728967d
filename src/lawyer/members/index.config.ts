export default definePageConfig({ navigationBarTitleText: '邀请与成员' });
