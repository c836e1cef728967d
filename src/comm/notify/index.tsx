import { View } from '@tarojs/components';

/** Placeholder: replaced by the notifications UI work. */
export default function Placeholder() {
  return <View />;
}
