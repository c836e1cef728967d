import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './field.scss';

export interface BaseProps {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Character limit from the contract's LIMITS; shows a counter and stops input beyond it. */
  maxLength: number;
  placeholder?: string;
  required?: boolean;
  /** Field issue from the server (or the form), shown under the field. */
  error?: string;
  hint?: string;
}

/** Label, counter and error or hint around one input; shared with TextArea (text-area.tsx). */
export function FieldFrame({
  label,
  required,
  count,
  maxLength,
  error,
  hint,
  children,
}: Pick<BaseProps, 'label' | 'required' | 'maxLength' | 'error' | 'hint'> & {
  count: number;
  children: ReactNode;
}) {
  return (
    <View className={`ct-field ${error ? 'ct-field--error ct-invalid' : ''}`}>
      <View className="ct-field__label-row">
        <Text className="ct-field__label">
          {label}
          {required ? <Text className="ct-field__required"> *</Text> : null}
        </Text>
        <Text className={`ct-field__counter ${count > maxLength ? 'ct-field__counter--over' : ''}`}>
          {count}/{maxLength}
        </Text>
      </View>
      {children}
      {error ? (
        <View className="ct-field__error" role="alert">
          {error}
        </View>
      ) : hint ? (
        <Text className="ct-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}

/**
 * A form-level error line (a choice, a date, a list), marked so the first one scrolls into view like a field's
 * error and announced as it appears.
 */
export function FormError({ children }: { children?: string }) {
  return children ? (
    <View className="form-error ct-invalid" role="alert">
      {children}
    </View>
  ) : null;
}

/** Characters as the server counts them (code points, so an emoji counts once). */
export function charCount(value: string): number {
  return Array.from(value).length;
}

export function Field(props: BaseProps) {
  const { id, label, value, onChange, maxLength, placeholder } = props;
  return (
    <FieldFrame {...props} count={charCount(value)}>
      <Input
        id={id}
        className="ct-field__input"
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FieldFrame>
  );
}
