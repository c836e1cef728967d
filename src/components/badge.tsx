import { Text } from '@tarojs/components';
import './badge.scss';

/** Red unread count ("99+" above 99), or a dot when `dot`. Renders nothing for zero. */
export function Badge({ count = 0, dot }: { count?: number; dot?: boolean }) {
  if (dot) return <Text className="ct-badge ct-badge--dot" aria-label="未读" />;
  if (count <= 0) return null;
  return <Text className="ct-badge">{count > 99 ? '99+' : count}</Text>;
}
