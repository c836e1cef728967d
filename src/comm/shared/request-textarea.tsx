import { Text, Textarea, View } from '@tarojs/components';
import { charCount } from '@/components';
import './request-ui.scss';

/**
 * A multi-line field that grows with its text (the shared TextArea has a fixed height), with the same label,
 * counter and error line as the shared fields (their `ct-field` styles).
 */
export function GrowingTextArea({
  id,
  label,
  value,
  onChange,
  maxLength,
  placeholder,
  required,
  error,
  hint,
}: {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  required?: boolean;
  error?: string;
  hint?: string;
}) {
  const count = charCount(value);
  return (
    <View className={`ct-field ${error ? 'ct-field--error' : ''}`}>
      <View className="ct-field__label-row">
        <Text className="ct-field__label">
          {label}
          {required ? <Text className="ct-field__required"> *</Text> : null}
        </Text>
        <Text className={`ct-field__counter ${count > maxLength ? 'ct-field__counter--over' : ''}`}>
          {count}/{maxLength}
        </Text>
      </View>
      <Textarea
        id={id}
        className="ct-field__textarea request-textarea"
        autoHeight
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? (
        <Text className="ct-field__error">{error}</Text>
      ) : hint ? (
        <Text className="ct-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
