import { fireEvent, render, screen } from '@testing-library/react';
import { LoadMoreFooter } from './load-more-footer';

describe('LoadMoreFooter', () => {
  it('says it is loading and offers no second tap meanwhile', () => {
    render(<LoadMoreFooter loading hasMore onLoadMore={jest.fn()} />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('loads the next page on tap', () => {
    const onLoadMore = jest.fn();
    render(<LoadMoreFooter loading={false} hasMore onLoadMore={onLoadMore} />);
    fireEvent.click(screen.getByText('加载更多'));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('shows nothing at the end of a short list', () => {
    const { container } = render(<LoadMoreFooter loading={false} hasMore={false} onLoadMore={jest.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('confirms that all are shown when asked to', () => {
    render(
      <LoadMoreFooter
        loading={false}
        hasMore={false}
        onLoadMore={jest.fn()}
        doneText="已显示全部 120 个案件"
      />,
    );
    expect(screen.getByText('已显示全部 120 个案件')).toBeTruthy();
  });
});
