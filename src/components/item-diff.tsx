import { Text, View } from '@tarojs/components';
import type { ItemChange, SectionKey, VersionDiff } from '@contract/index';
import { Tag } from './tag';
import './item-diff.scss';

const LABELS = {
  added: { tone: 'success', text: '新增' },
  changed: { tone: 'warning', text: '已修改' },
  removed: { tone: 'danger', text: '已删除' },
} as const;

/**
 * One item's text with what changed since an earlier version: 新增 (green), 已修改 with the old text struck
 * through (amber), 已删除 struck through (red). Without a change it is the plain text.
 */
export function ItemDiff({ text, change }: { text: string | null; change?: ItemChange }) {
  if (!change) return <Text className="ct-item-diff__text pre-wrap">{text}</Text>;
  const label = LABELS[change.change];
  return (
    <View className={`ct-item-diff ct-item-diff--${change.change}`} data-change={change.change}>
      <Tag tone={label.tone}>{label.text}</Tag>
      {change.change === 'removed' ? (
        <Text className="ct-item-diff__text ct-item-diff__struck pre-wrap">{change.before}</Text>
      ) : (
        <Text className="ct-item-diff__text pre-wrap">{text ?? change.after}</Text>
      )}
      {change.change === 'changed' && change.before ? (
        <View className="ct-item-diff__before">
          <Text className="ct-item-diff__before-label">原文：</Text>
          <Text className="ct-item-diff__struck pre-wrap">{change.before}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** A diff's item changes by item id, and the removed ones by section (they are no longer in the content). */
export function indexChanges(diff: VersionDiff | null | undefined) {
  const byItem = new Map<string, ItemChange>();
  const removed: Record<SectionKey, ItemChange[]> = { worstCase: [], weWill: [], weCannot: [], youMust: [] };
  for (const change of diff?.items ?? []) {
    if (change.change === 'removed') removed[change.section].push(change);
    else byItem.set(change.itemId, change);
  }
  return { byItem, removed };
}
