import { Text, View } from '@tarojs/components';

export default function Index() {
  return (
    <View>
      <Text>律程</Text>
    </View>
  );
}
