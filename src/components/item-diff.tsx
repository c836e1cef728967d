import { Text, View } from '@tarojs/components';
import type { ItemChange, SectionKey, VersionDiff } from '@contract/index';
import { Tag } from './tag';
import './item-diff.scss';

/**
 * A change that may also carry the item's 依据 before and after. The server's diff carries texts only (and
 * counts a changed basis as a change); the editor's own diff knows both bases.
 */
export type ItemChangeWithBasis = ItemChange & { basisBefore?: string | null; basisAfter?: string | null };

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

/** Whether the item's text changed (a changed item may have changed only its 依据). */
export function textChanged(change: ItemChangeWithBasis): boolean {
  return change.change === 'changed' && !same(change.before, change.after);
}

/**
 * Whether the item's 依据 changed: known when the change carries both bases; otherwise a changed item whose text
 * stayed the same can only have changed its basis.
 */
export function basisChanged(change: ItemChangeWithBasis): boolean {
  if (change.change !== 'changed') return false;
  if (change.basisBefore !== undefined && change.basisAfter !== undefined) {
    return !same(change.basisBefore, change.basisAfter);
  }
  return !textChanged(change);
}

/** 「依据：……」 under an item, quieter than the item itself. */
export function BasisLine({ basis, struck }: { basis: string | null | undefined; struck?: boolean }) {
  if (!basis) return null;
  return (
    <Text className={`ct-item-diff__basis ${struck ? 'ct-item-diff__struck' : ''}`} data-testid="item-basis">
      依据：{basis}
    </Text>
  );
}

/**
 * One item's text and 依据 with what changed since an earlier version: 新增 (green), 已修改 with the old text
 * struck through (amber), 依据已修改 with the old basis when known, 已删除 struck through (red). Without a change
 * it is the plain text and its basis.
 */
export function ItemDiff({
  text,
  basis,
  change,
}: {
  text: string | null;
  basis?: string | null;
  change?: ItemChangeWithBasis;
}) {
  if (!change) {
    return (
      <View className="ct-item-diff-plain">
        <Text className="ct-item-diff__text pre-wrap">{text}</Text>
        <BasisLine basis={basis} />
      </View>
    );
  }
  if (change.change === 'removed') {
    return (
      <View className="ct-item-diff ct-item-diff--removed" data-change="removed">
        <Tag tone="danger">已删除</Tag>
        <Text className="ct-item-diff__text ct-item-diff__struck pre-wrap">{change.before}</Text>
        <BasisLine basis={change.basisBefore} struck />
      </View>
    );
  }
  const current = basis !== undefined ? basis : change.basisAfter;
  if (change.change === 'added') {
    return (
      <View className="ct-item-diff ct-item-diff--added" data-change="added">
        <Tag tone="success">新增</Tag>
        <Text className="ct-item-diff__text pre-wrap">{text ?? change.after}</Text>
        <BasisLine basis={current} />
      </View>
    );
  }
  const wordsChanged = textChanged(change);
  const basisMoved = basisChanged(change);
  return (
    <View
      className="ct-item-diff ct-item-diff--changed"
      data-change="changed"
      data-basis-change={basisMoved ? 'true' : undefined}
    >
      <View className="ct-item-diff__tags">
        {wordsChanged ? <Tag tone="warning">已修改</Tag> : null}
        {basisMoved ? <Tag tone="warning">依据已修改</Tag> : null}
      </View>
      <Text className="ct-item-diff__text pre-wrap">{text ?? change.after}</Text>
      {wordsChanged && change.before ? (
        <View className="ct-item-diff__before">
          <Text className="ct-item-diff__before-label">原文：</Text>
          <Text className="ct-item-diff__struck pre-wrap">{change.before}</Text>
        </View>
      ) : null}
      <BasisLine basis={current} />
      {basisMoved && change.basisBefore !== undefined ? (
        <View className="ct-item-diff__before ct-item-diff__before--basis">
          <Text className="ct-item-diff__before-label">原依据：</Text>
          {change.basisBefore ? (
            <Text className="ct-item-diff__struck">{change.basisBefore}</Text>
          ) : (
            <Text className="ct-item-diff__before-label">无</Text>
          )}
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
