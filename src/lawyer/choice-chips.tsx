import { View } from '@tarojs/components';
import { keyboardPress } from '@/components/keyboard-press';
import './choice-chips.scss';

export interface Choice<T> {
  value: T;
  label: string;
  id?: string;
}

/**
 * Single-choice chips: easier to scan and tap than a picker for a handful of options. For screen readers they
 * are a radio group: each chip a radio, checked when chosen (in H5 also reached with Tab, chosen with Enter or
 * Space).
 */
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
    <View className="choice-chips" role="radiogroup">
      {choices.map((c) => (
        <View
          key={c.label}
          id={c.id}
          className={`choice-chips__chip ${c.value === value ? 'choice-chips__chip--on' : ''}`}
          role="radio"
          aria-checked={c.value === value ? 'true' : 'false'}
          onClick={() => onChange(c.value)}
          {...keyboardPress(() => onChange(c.value))}
        >
          {c.label}
        </View>
      ))}
    </View>
  );
}
