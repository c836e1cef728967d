import { Text, Textarea, View } from '@tarojs/components';
import { charCount } from '@/components';

/**
 * A text field that grows with its text (Taro's Textarea `autoHeight`), so every line of an item shows: the fixed
 * boxes cut long items mid-line. Drawn like the shared Field (its classes), with the label as the textarea's
 * accessible name in H5.
 */
export function AutoTextArea({
  id,
  label,
  value,
  onChange,
  maxLength,
  placeholder,
  minHeight = 48,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  /** The empty field's height in px; it grows from there. */
  minHeight?: number;
}) {
  const count = charCount(value);
  return (
    <View className="ct-field auto-text-area">
      <View className="ct-field__label-row">
        <Text className="ct-field__label">{label}</Text>
        <Text className={`ct-field__counter ${count > maxLength ? 'ct-field__counter--over' : ''}`}>
          {count}/{maxLength}
        </Text>
      </View>
      <Textarea
        id={id}
        className="ct-field__textarea auto-text-area__input"
        autoHeight
        style={{ minHeight: `${minHeight}px` }}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => onChange(e.detail.value)}
      />
    </View>
  );
}
