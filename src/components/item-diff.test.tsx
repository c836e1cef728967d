import { render } from '@testing-library/react';
import { ItemDiff, indexChanges } from './item-diff';

describe('ItemDiff', () => {
  it('marks a changed item 已修改 and strikes through the old text', () => {
    const { container, getByText } = render(
      <ItemDiff
        text="按时提交全部证据"
        change={{
          section: 'weWill',
          itemId: 'a',
          change: 'changed',
          before: '按时提交证据',
          after: '按时提交全部证据',
        }}
      />,
    );
    expect(getByText('已修改')).toBeTruthy();
    expect(getByText('按时提交全部证据').className).not.toContain('struck');
    expect(getByText('按时提交证据').className).toContain('ct-item-diff__struck');
    expect(container.querySelector('.ct-item-diff--changed')).not.toBeNull();
  });

  it('shows a removed item struck through, and plain text without a change', () => {
    const removed = render(
      <ItemDiff
        text={null}
        change={{ section: 'weCannot', itemId: 'b', change: 'removed', before: '不承诺', after: null }}
      />,
    );
    expect(removed.getByText('已删除')).toBeTruthy();
    expect(removed.getByText('不承诺').className).toContain('struck');
    const plain = render(<ItemDiff text="无变化" />);
    expect(plain.container.querySelector('[data-change]')).toBeNull();
  });

  it('shows the 依据 under the item, quieter, and none when the item has no basis', () => {
    const { getByText, container } = render(<ItemDiff text="诉讼时效一般为三年" basis="民法典第188条" />);
    expect(getByText('依据：民法典第188条').className).toContain('ct-item-diff__basis');
    const none = render(<ItemDiff text="按时出庭" basis={null} />);
    expect(none.container.querySelector('[data-testid="item-basis"]')).toBeNull();
    expect(container.querySelector('[data-change]')).toBeNull();
  });

  it('marks a change of 依据 alone as 依据已修改, not as a changed text (the server diff carries texts only)', () => {
    const { getByText, queryByText, container } = render(
      <ItemDiff
        text="诉讼时效一般为三年"
        basis="民法典第188条"
        change={{
          section: 'worstCase',
          itemId: 'a',
          change: 'changed',
          before: '诉讼时效一般为三年',
          after: '诉讼时效一般为三年',
        }}
      />,
    );
    expect(getByText('依据已修改')).toBeTruthy();
    expect(queryByText('已修改')).toBeNull();
    expect(queryByText('原文：')).toBeNull();
    expect(container.querySelector('[data-basis-change="true"]')).not.toBeNull();
    expect(getByText('依据：民法典第188条')).toBeTruthy();
  });

  it('shows the old 依据 struck through when the change knows it', () => {
    const { getByText } = render(
      <ItemDiff
        text="按时提交全部证据"
        change={{
          section: 'weWill',
          itemId: 'a',
          change: 'changed',
          before: '按时提交证据',
          after: '按时提交全部证据',
          basisBefore: '民事诉讼法第67条',
          basisAfter: '民事诉讼法第68条',
        }}
      />,
    );
    expect(getByText('已修改')).toBeTruthy();
    expect(getByText('依据已修改')).toBeTruthy();
    expect(getByText('依据：民事诉讼法第68条')).toBeTruthy();
    expect(getByText('民事诉讼法第67条').className).toContain('struck');
  });

  it('indexes changes by item and collects removed ones per section', () => {
    const { byItem, removed } = indexChanges({
      fromVersionNo: 1,
      toVersionNo: 2,
      titleChanged: false,
      introChanged: false,
      items: [
        { section: 'weWill', itemId: 'a', change: 'added', before: null, after: 'x' },
        { section: 'youMust', itemId: 'b', change: 'removed', before: 'y', after: null },
      ],
    });
    expect([...byItem.keys()]).toEqual(['a']);
    expect(removed.youMust.map((c) => c.itemId)).toEqual(['b']);
    expect(removed.weWill).toEqual([]);
  });
});
