import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Field, STATEMENT_LIMITS } from '@/components';
import { PromiseHint } from '../promise-guard-ui';
import { AutoTextArea } from './auto-text-area';
import {
  moveItem,
  newItem,
  removeItem,
  restoreItem,
  type EditorItem,
  type RemovedItem,
} from './editor-model';

export interface SectionEditorProps {
  sectionKey: string;
  label: string;
  hint: string;
  items: EditorItem[];
  onChange: (items: EditorItem[]) => void;
}

/** The first characters of an item, to name it in 已删除…: 「法院可能驳回全部…」. */
const excerpt = (text: string) => {
  const chars = Array.from(text.trim());
  return chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('');
};

/**
 * One section as an ordered list of items: add, move up/down and delete (44 px buttons named for their item,
 * 「上移第3条」), a counter and the promise guard on each, each item's optional 依据 (a small field, opened with
 * 添加依据 and removed with 清除依据). A deleted item can be brought back with 撤销 until the next deletion.
 */
export function SectionEditor({ sectionKey, label, hint, items, onChange }: SectionEditorProps) {
  const [removed, setRemoved] = useState<RemovedItem | null>(null);
  const full = items.length >= STATEMENT_LIMITS.itemsPerSection;
  const update = (index: number, patch: Partial<EditorItem>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const remove = (index: number) => {
    const { items: rest, removed: gone } = removeItem(items, index);
    onChange(rest);
    setRemoved(gone);
  };
  const undo = () => {
    if (!removed) return;
    onChange(restoreItem(items, removed));
    setRemoved(null);
  };
  return (
    <View className="section-editor" id={`section-editor-${sectionKey}`}>
      <View className="section-editor__head">
        <Text className="section-editor__label">{label}</Text>
        <Text className="muted section-editor__count">
          {items.length}/{STATEMENT_LIMITS.itemsPerSection} 条
        </Text>
      </View>
      <Text className="section-editor__hint">{hint}</Text>
      {items.map((item, index) => {
        const n = index + 1;
        return (
          <View key={item.key} className="section-editor__item" data-testid="editor-item">
            <AutoTextArea
              id={`item-input-${sectionKey}-${index}`}
              label={`第 ${n} 条${item.id ? '' : '（新）'}`}
              value={item.text}
              onChange={(text) => update(index, { text })}
              maxLength={STATEMENT_LIMITS.itemText}
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
                <Button
                  id={`item-basis-add-${sectionKey}-${index}`}
                  className="section-editor__tool"
                  label={`为第${n}条添加依据`}
                  onClick={() => update(index, { basis: '' })}
                >
                  添加依据
                </Button>
              ) : (
                <Button
                  id={`item-basis-clear-${sectionKey}-${index}`}
                  className="section-editor__tool"
                  label={`清除第${n}条的依据`}
                  onClick={() => update(index, { basis: null })}
                >
                  清除依据
                </Button>
              )}
              <Button
                id={`item-up-${sectionKey}-${index}`}
                className="section-editor__tool"
                label={`上移第${n}条`}
                disabled={index === 0}
                onClick={() => onChange(moveItem(items, index, -1))}
              >
                上移
              </Button>
              <Button
                id={`item-down-${sectionKey}-${index}`}
                className="section-editor__tool"
                label={`下移第${n}条`}
                disabled={index === items.length - 1}
                onClick={() => onChange(moveItem(items, index, 1))}
              >
                下移
              </Button>
              <Button
                id={`item-delete-${sectionKey}-${index}`}
                className="section-editor__tool section-editor__tool--danger"
                label={`删除第${n}条`}
                onClick={() => remove(index)}
              >
                删除
              </Button>
            </View>
          </View>
        );
      })}
      {removed ? (
        <View className="section-editor__removed" id={`item-removed-${sectionKey}`} role="status">
          <Text className="section-editor__removed-text">
            已删除第 {removed.index + 1} 条
            {removed.item.text.trim() ? `「${excerpt(removed.item.text)}」` : ''}
          </Text>
          <Button
            id={`item-undo-${sectionKey}`}
            className="section-editor__tool"
            label={`撤销删除第${removed.index + 1}条`}
            onClick={undo}
          >
            撤销
          </Button>
        </View>
      ) : null}
      <Button
        id={`item-add-${sectionKey}`}
        block
        disabled={full}
        onClick={() => onChange([...items, newItem()])}
      >
        ＋ 添加一条
      </Button>
    </View>
  );
}
