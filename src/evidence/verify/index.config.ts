export default definePageConfig({ navigationBarTitleText: '存证与核验' });
