import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './card.scss';

export interface CardProps {
  title?: ReactNode;
  extra?: ReactNode;
  id?: string;
  className?: string;
  onClick?: () => void;
  children?: ReactNode;
}

/** A white rounded section on the grey page background. */
export function Card({ title, extra, id, className, onClick, children }: CardProps) {
  return (
    <View
      id={id}
      className={`ct-card ${onClick ? 'ct-card--tappable' : ''} ${className ?? ''}`}
      hoverClass={onClick ? 'ct-card--hover' : 'none'}
      onClick={onClick}
    >
      {title || extra ? (
        <View className="ct-card__head">
          <Text className="ct-card__title">{title}</Text>
          {extra ? <View className="ct-card__extra">{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  );
}
