import { Text, View } from '@tarojs/components';
import { Button, Field, STATEMENT_LIMITS, TextArea } from '@/components';
import { PromiseHint } from '../promise-guard-ui';
import { moveItem, newItem, type EditorItem } from './editor-model';

export interface SectionEditorProps {
  sectionKey: string;
  label: string;
  hint: string;
  items: EditorItem[];
  onChange: (items: EditorItem[]) => void;
}

/**
 * One section as an ordered list of items: add, delete, move up/down, a counter and the promise guard on each,
 * and each item's optional 依据 (a small field, opened with 添加依据 and removed with 清除依据).
 */
export function SectionEditor({ sectionKey, label, hint, items, onChange }: SectionEditorProps) {
  const full = items.length >= STATEMENT_LIMITS.itemsPerSection;
  const update = (index: number, patch: Partial<EditorItem>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <View className="section-editor" id={`section-editor-${sectionKey}`}>
      <View className="section-editor__head">
        <Text className="section-editor__label">{label}</Text>
        <Text className="muted section-editor__count">
          {items.length}/{STATEMENT_LIMITS.itemsPerSection} 条
        </Text>
      </View>
      <Text className="section-editor__hint">{hint}</Text>
      {items.map((item, index) => (
        <View key={item.key} className="section-editor__item" data-testid="editor-item">
          <TextArea
            id={`item-input-${sectionKey}-${index}`}
            label={`第 ${index + 1} 条${item.id ? '' : '（新）'}`}
            value={item.text}
            onChange={(text) => update(index, { text })}
            maxLength={STATEMENT_LIMITS.itemText}
            height={72}
          />
          <PromiseHint text={item.text} id={`promise-hint-${sectionKey}-${index}`} />
          {item.basis !== null ? (
            <View className="section-editor__basis">
              <Field
                id={`item-basis-${sectionKey}-${index}`}
                label="依据（选填）"
                value={item.basis}
                onChange={(basis) => update(index, { basis })}
                maxLength={STATEMENT_LIMITS.itemBasis}
                placeholder="例如 民事诉讼法第67条"
                hint="客户在本条下看到「依据：……」"
              />
            </View>
          ) : null}
          <View className="section-editor__tools">
            {item.basis === null ? (
              <Text
                className="section-editor__tool"
                id={`item-basis-add-${sectionKey}-${index}`}
                onClick={() => update(index, { basis: '' })}
              >
                添加依据
              </Text>
            ) : (
              <Text
                className="section-editor__tool"
                id={`item-basis-clear-${sectionKey}-${index}`}
                onClick={() => update(index, { basis: null })}
              >
                清除依据
              </Text>
            )}
            <Text
              className={`section-editor__tool ${index === 0 ? 'section-editor__tool--off' : ''}`}
              id={`item-up-${sectionKey}-${index}`}
              onClick={() => onChange(moveItem(items, index, -1))}
            >
              上移
            </Text>
            <Text
              className={`section-editor__tool ${index === items.length - 1 ? 'section-editor__tool--off' : ''}`}
              id={`item-down-${sectionKey}-${index}`}
              onClick={() => onChange(moveItem(items, index, 1))}
            >
              下移
            </Text>
            <Text
              className="section-editor__tool section-editor__tool--danger"
              id={`item-delete-${sectionKey}-${index}`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              删除
            </Text>
          </View>
        </View>
      ))}
      <Button
        id={`item-add-${sectionKey}`}
        size="small"
        block
        disabled={full}
        onClick={() => onChange([...items, newItem()])}
      >
        ＋ 添加一条
      </Button>
    </View>
  );
}
