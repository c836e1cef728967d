import { View } from '@tarojs/components';
import './skeleton.scss';

/** Grey placeholder blocks shown while a page's first load is in flight. */
export function Skeleton({ rows = 3, cards = 1 }: { rows?: number; cards?: number }) {
  return (
    <View className="ct-skeleton" aria-busy="true">
      {Array.from({ length: cards }, (_, c) => (
        <View key={c} className="ct-skeleton__card">
          <View className="ct-skeleton__line ct-skeleton__line--title" />
          {Array.from({ length: rows }, (_, r) => (
            <View
              key={r}
              className={`ct-skeleton__line ${r === rows - 1 ? 'ct-skeleton__line--short' : ''}`}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
