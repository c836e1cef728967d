import type { StatementContent } from '@contract/index';
import { firstUnchecked, sectionProgress, toggleItem, versionItemIds } from './ack-progress';

const content: StatementContent = {
  title: '告知书',
  intro: null,
  sections: {
    worstCase: [
      { id: 'w1', text: '可能败诉', basis: null },
      { id: 'w2', text: '可能承担诉讼费', basis: null },
    ],
    weWill: [{ id: 'a1', text: '按时提交证据', basis: null }],
    weCannot: [],
    youMust: [{ id: 'y1', text: '提供借条原件', basis: null }],
  },
};

describe('ticking a statement item by item', () => {
  it('covers every item in reading order', () => {
    expect(versionItemIds(content)).toEqual(['w1', 'w2', 'a1', 'y1']);
  });

  it('ticks and unticks exactly the tapped item, never others', () => {
    const once = toggleItem(new Set(), 'w2');
    expect([...once]).toEqual(['w2']);
    const twice = toggleItem(once, 'a1');
    expect([...twice].sort()).toEqual(['a1', 'w2']);
    expect([...toggleItem(twice, 'w2')]).toEqual(['a1']);
    expect([...once]).toEqual(['w2']); // the earlier set is not changed
  });

  it('counts each section with items: 「最坏情况 1/2」, empty sections left out', () => {
    expect(sectionProgress(content, new Set(['w2', 'y1']))).toEqual([
      { key: 'worstCase', label: '最坏情况', checked: 1, total: 2 },
      { key: 'weWill', label: '我们会做', checked: 0, total: 1 },
      { key: 'youMust', label: '需要您配合', checked: 1, total: 1 },
    ]);
  });

  it('does not count a tick left over from an item no longer in the version', () => {
    expect(sectionProgress(content, new Set(['gone', 'w1']))[0]).toMatchObject({ checked: 1, total: 2 });
  });

  it('finds the first unticked item for 下一条, and none when all are ticked', () => {
    const ids = versionItemIds(content);
    expect(firstUnchecked(ids, new Set(['w1', 'a1']))).toBe('w2');
    expect(firstUnchecked(ids, new Set(ids))).toBeNull();
  });
});
