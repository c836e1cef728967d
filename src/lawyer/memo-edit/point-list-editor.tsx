import { Text, Textarea, View } from '@tarojs/components';
import { MEMO_LIMITS } from '@contract/limits';
import { Button, charCount } from '@/components';
import {
  movePoint,
  newPoint,
  removePoint,
  type EditorPoint,
  type MemoListKey,
} from '@/comm/shared/memo-model';
import { PromiseHint } from '../promise-guard-ui';

export interface PointListEditorProps {
  listKey: MemoListKey;
  label: string;
  hint: string;
  points: EditorPoint[];
  onChange: (points: EditorPoint[]) => void;
  error?: string;
}

/**
 * A numbered list (沟通事项 / 形成结论): each point an auto-growing text box with its number, the promise guard
 * under it, and 上移 / 下移 / 删除 as 44 px tap targets; 添加一条 at the end.
 */
export function PointListEditor({ listKey, label, hint, points, onChange, error }: PointListEditorProps) {
  const full = points.length >= MEMO_LIMITS.points;
  const setText = (index: number, text: string) =>
    onChange(points.map((p, i) => (i === index ? { ...p, text } : p)));
  return (
    <View className={`point-editor ${error ? 'point-editor--error' : ''}`} id={`memo-${listKey}`}>
      <View className="point-editor__head">
        <Text className="point-editor__label">
          {label}
          <Text className="point-editor__required"> *</Text>
        </Text>
        <Text className="muted point-editor__count">
          {points.length}/{MEMO_LIMITS.points} 条
        </Text>
      </View>
      <Text className="point-editor__hint">{hint}</Text>
      {points.map((point, index) => (
        <View key={point.key} className="point-editor__item" data-testid={`memo-point-${listKey}`}>
          <View className="point-editor__row">
            <Text className="point-editor__no">{index + 1}.</Text>
            <Textarea
              id={`memo-${listKey}-input-${index}`}
              className="point-editor__input"
              value={point.text}
              autoHeight
              maxlength={MEMO_LIMITS.pointText}
              placeholder={index === 0 ? hint : `再写一条${label}`}
              onInput={(e) => setText(index, e.detail.value)}
            />
          </View>
          <PromiseHint text={point.text} id={`promise-hint-${listKey}-${index}`} />
          <View className="point-editor__tools">
            <Text className="muted point-editor__counter">
              {charCount(point.text)}/{MEMO_LIMITS.pointText}
            </Text>
            <View
              className={`point-editor__tool ${index === 0 ? 'point-editor__tool--off' : ''}`}
              id={`memo-${listKey}-up-${index}`}
              role="button"
              onClick={() => onChange(movePoint(points, index, -1))}
            >
              上移
            </View>
            <View
              className={`point-editor__tool ${index === points.length - 1 ? 'point-editor__tool--off' : ''}`}
              id={`memo-${listKey}-down-${index}`}
              role="button"
              onClick={() => onChange(movePoint(points, index, 1))}
            >
              下移
            </View>
            <View
              className="point-editor__tool point-editor__tool--danger"
              id={`memo-${listKey}-remove-${index}`}
              role="button"
              onClick={() => onChange(removePoint(points, index))}
            >
              删除
            </View>
          </View>
        </View>
      ))}
      {error ? <Text className="form-error">{error}</Text> : null}
      <Button
        id={`memo-${listKey}-add`}
        size="small"
        block
        disabled={full}
        onClick={() => onChange([...points, newPoint()])}
      >
        ＋ 添加一条
      </Button>
    </View>
  );
}
