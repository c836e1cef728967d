import { View } from '@tarojs/components';
import { BackBar } from './back-bar';
import { Skeleton } from './skeleton';

/** What a one-role page shows until the session says whether this person may use it (useRoleConfirmed). */
export function RolePending() {
  return (
    <View className="page">
      <BackBar />
      <Skeleton cards={2} rows={3} />
    </View>
  );
}
