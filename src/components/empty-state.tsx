import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './empty-state.scss';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** One glyph drawn in the circle (e.g. 案, 无). */
  glyph?: string;
  action?: ReactNode;
}

export function EmptyState({ title, description, glyph = '空', action }: EmptyStateProps) {
  return (
    <View className="ct-empty">
      <View className="ct-empty__glyph">
        <Text>{glyph}</Text>
      </View>
      <Text className="ct-empty__title">{title}</Text>
      {description ? <Text className="ct-empty__desc">{description}</Text> : null}
      {action ? <View className="ct-empty__action">{action}</View> : null}
    </View>
  );
}
