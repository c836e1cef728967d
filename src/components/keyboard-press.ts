/**
 * H5 only: makes a tappable View reachable with Tab and pressed with Enter or Space, as a native button or
 * checkbox is (the weapp has no keyboard focus, so nothing is added there). Taro's View types do not declare these
 * DOM props, hence the loose object to spread.
 *
 * @example
 * <View role="button" onClick={open} {...keyboardPress(open)} />
 */
export function keyboardPress(onPress: (() => void) | undefined, disabled = false): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {};
  return {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (event: { key?: string; preventDefault?: () => void }) => {
      if (disabled || !onPress) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault?.();
        onPress();
      }
    },
  };
}
