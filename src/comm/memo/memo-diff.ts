import type { ItemChange, MemoDiff, MemoResponse } from '@contract/index';
import type { MemoListKey } from '@/comm/shared/memo-model';

type PointChange = MemoDiff['points'][number];

const FIELD_LABELS: { readonly [F in MemoDiff['fields'][number]]: string } = {
  communicatedAt: '沟通时间',
  channel: '沟通方式',
  participants: '参与人员',
  followUp: '后续安排',
};

/**
 * A point's change in the shape the shared ItemDiff draws (新增 / 已修改 with the old text / 已删除). ItemDiff
 * reads only the change, before and after; a memo point has no statement section, so none is meaningful here.
 */
export function asItemChange(change: PointChange): ItemChange {
  return {
    section: 'youMust',
    itemId: change.pointId,
    change: change.change,
    before: change.before,
    after: change.after,
  };
}

/** One list's changes: by point id for the points still there, and the removed ones (no longer in the content). */
export function listChanges(diff: MemoDiff | null | undefined, list: MemoListKey) {
  const byPoint = new Map<string, ItemChange>();
  const removed: ItemChange[] = [];
  for (const change of diff?.points ?? []) {
    if (change.list !== list) continue;
    if (change.change === 'removed') removed.push(asItemChange(change));
    else byPoint.set(change.pointId, asItemChange(change));
  }
  return { byPoint, removed };
}

/** Which of the memo's other fields changed, in the format's words: 沟通时间、参与人员. */
export function changedFieldLabels(diff: MemoDiff): string[] {
  return diff.fields.map((field) => FIELD_LABELS[field]);
}

/**
 * The banner over a memo the client answered in an earlier version: what they did then and what changed since,
 * e.g. 「您曾对第 1 版提出异议。第 2 版相比：形成结论修改 1 条、新增 1 条；沟通时间有调整。」
 */
export function diffSummary(diff: MemoDiff, myEarlier: MemoResponse | undefined): string {
  const earlier =
    myEarlier?.kind === 'disputed'
      ? `您曾对第 ${diff.fromVersionNo} 版提出异议`
      : `您曾确认第 ${diff.fromVersionNo} 版`;
  const counts = (['matters', 'conclusions'] as const).flatMap((list) => {
    const label = list === 'matters' ? '沟通事项' : '形成结论';
    const parts = (
      [
        ['修改', 'changed'],
        ['新增', 'added'],
        ['删除', 'removed'],
      ] as const
    )
      .map(
        ([word, kind]) =>
          [word, diff.points.filter((p) => p.list === list && p.change === kind).length] as const,
      )
      .filter(([, n]) => n > 0)
      .map(([word, n]) => `${word} ${n} 条`);
    return parts.length > 0 ? [`${label}${parts.join('、')}`] : [];
  });
  const fields = changedFieldLabels(diff);
  const changes = [...counts, ...(fields.length > 0 ? [`${fields.join('、')}有调整`] : [])];
  return changes.length > 0
    ? `${earlier}。与该版相比，第 ${diff.toVersionNo} 版：${changes.join('；')}。变化已在下方标出，请重新确认。`
    : `${earlier}。第 ${diff.toVersionNo} 版的内容与该版相同，请重新确认。`;
}
