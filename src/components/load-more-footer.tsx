import { Text, View } from '@tarojs/components';
import './load-more-footer.scss';

export interface LoadMoreFooterProps {
  id?: string;
  /** A page is on its way. */
  loading: boolean;
  /** Another page exists. */
  hasMore: boolean;
  /** Scrolling to the bottom loads the next page; the tap is the fallback when that did not fire or failed. */
  onLoadMore: () => void;
  /** Shown once everything is in; leave it out for short lists, where the end is plain to see. */
  doneText?: string;
}

/** The quiet line under a paged list: loading, a tap to load more, or (optionally) that all are shown. */
export function LoadMoreFooter({ id, loading, hasMore, onLoadMore, doneText }: LoadMoreFooterProps) {
  if (loading) {
    return (
      <View id={id} className="ct-load-more" aria-busy="true">
        <Text className="ct-load-more__note">加载中…</Text>
      </View>
    );
  }
  if (hasMore) {
    return (
      <View
        id={id}
        className="ct-load-more ct-load-more--tap"
        hoverClass="ct-load-more--hover"
        role="button"
        onClick={onLoadMore}
      >
        <Text className="ct-load-more__action">加载更多</Text>
      </View>
    );
  }
  if (!doneText) return null;
  return (
    <View id={id} className="ct-load-more">
      <Text className="ct-load-more__note">{doneText}</Text>
    </View>
  );
}
