export default definePageConfig({ navigationBarTitleText: '邀请客户', enableShareAppMessage: true });
