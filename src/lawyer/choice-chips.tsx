import { Text, View } from '@tarojs/components';
import './choice-chips.scss';

export interface Choice<T> {
  value: T;
  label: string;
  id?: string;
}

/** Single-choice chips: easier to scan and tap than a picker for a handful of options. */
export function ChoiceChips<T>({
  choices,
  value,
  onChange,
}: {
  choices: Choice<T>[];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <View className="choice-chips">
      {choices.map((c) => (
        <Text
          key={c.label}
          id={c.id}
          className={`choice-chips__chip ${c.value === value ? 'choice-chips__chip--on' : ''}`}
          aria-selected={c.value === value ? 'true' : 'false'}
          onClick={() => onChange(c.value)}
        >
          {c.label}
        </Text>
      ))}
    </View>
  );
}
