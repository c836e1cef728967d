import { Text } from '@tarojs/components';
import { formatExactTime, formatRelativeTime } from '@/time/format-time';

/** "3 小时前" in lists; `exact` shows the Asia/Shanghai clock time where the exact moment matters. */
export function RelativeTime({
  iso,
  exact,
  className,
}: {
  iso: string;
  exact?: boolean;
  className?: string;
}) {
  return <Text className={className}>{exact ? formatExactTime(iso) : formatRelativeTime(iso)}</Text>;
}
