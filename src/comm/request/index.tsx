import { View } from '@tarojs/components';

// TEMPORARY placeholder: replaced by the page's implementation in this change.
export default function Page() {
  return <View>…</View>;
}
