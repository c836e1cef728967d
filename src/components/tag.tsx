import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './tag.scss';

export type TagTone = 'brand' | 'warning' | 'success' | 'neutral' | 'danger';

export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ReactNode }) {
  return <Text className={`ct-tag ct-tag--${tone}`}>{children}</Text>;
}
