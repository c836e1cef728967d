import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './button.scss';

export interface ButtonProps {
  id?: string;
  type?: 'primary' | 'default' | 'danger' | 'plain';
  size?: 'normal' | 'small';
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  onClick?: () => void;
  className?: string;
  children: ReactNode;
}

/** A tappable button drawn from a View, so it looks the same on weapp and H5. */
export function Button({
  id,
  type = 'default',
  size = 'normal',
  block,
  disabled,
  loading,
  onClick,
  className,
  children,
}: ButtonProps) {
  const inactive = disabled || loading;
  const classes = [
    'ct-button',
    `ct-button--${type}`,
    `ct-button--${size}`,
    block ? 'ct-button--block' : '',
    inactive ? 'ct-button--disabled' : '',
    className ?? '',
  ].join(' ');
  return (
    <View
      id={id}
      className={classes}
      hoverClass={inactive ? 'none' : 'ct-button--hover'}
      aria-disabled={inactive ? 'true' : undefined}
      role="button"
      onClick={() => {
        if (!inactive) onClick?.();
      }}
    >
      {loading ? <Text className="ct-button__spinner" /> : null}
      <Text>{children}</Text>
    </View>
  );
}
