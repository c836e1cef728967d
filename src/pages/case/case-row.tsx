import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

export const go = (url: string) => () => Taro.navigateTo({ url });

/** One compact tappable line: what it is, and a tag or two saying where it stands. */
export function Row({
  id,
  title,
  children,
  onClick,
}: {
  id: string;
  title: string;
  children?: ReactNode;
  onClick: () => void;
}) {
  return (
    <View className="case-row" id={id} hoverClass="case-row--hover" onClick={onClick}>
      <Text className="case-row__title">{title}</Text>
      <View className="case-row__tags">{children}</View>
    </View>
  );
}
