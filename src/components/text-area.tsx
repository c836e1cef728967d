import { Textarea } from '@tarojs/components';
import { FieldFrame, charCount, type BaseProps } from './field';

/**
 * A multi-line field. Its own module: Taro's H5 Textarea comes from the web-components library, which the screens
 * that only need one-line fields (login, join) should not load.
 */
export function TextArea(props: BaseProps & { height?: number }) {
  const { id, label, value, onChange, maxLength, placeholder, height = 96 } = props;
  return (
    <FieldFrame {...props} count={charCount(value)}>
      <Textarea
        id={id}
        className="ct-field__textarea"
        style={{ height: `${height}px` }}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FieldFrame>
  );
}
