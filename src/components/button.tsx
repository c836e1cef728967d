import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { keyboardPress } from './keyboard-press';
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
  /**
   * The accessible name when the visible words need their context, e.g. 「上移第3条」 for a 上移 button; it
   * should start with the visible words, so speech users can say what they see.
   */
  label?: string;
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
  label,
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
      aria-label={label}
      role="button"
      onClick={() => {
        if (!inactive) onClick?.();
      }}
      {...keyboardPress(onClick, inactive)}
    >
      {loading ? <Text className="ct-button__spinner" /> : null}
      <Text>{children}</Text>
    </View>
  );
}
