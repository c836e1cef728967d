import { Text, View } from '@tarojs/components';
import './badge.scss';

/**
 * Red unread count ("99+" above 99), or a dot when `dot`. Renders nothing for zero. The dot has no text, so it is
 * an image named 未读 for screen readers (an aria-label on a plain span is not read).
 */
export function Badge({ count = 0, dot }: { count?: number; dot?: boolean }) {
  if (dot) return <View className="ct-badge ct-badge--dot" role="img" aria-label="未读" />;
  if (count <= 0) return null;
  return <Text className="ct-badge">{count > 99 ? '99+' : count}</Text>;
}
