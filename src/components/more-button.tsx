import { Button } from './button';

/**
 * 「加载更多」 under a paged list: appends the next page (the list's `nextCursor`); 正在加载… while it comes;
 * gone once the last page is in.
 */
export function MoreButton({
  id,
  more,
  loading,
  onClick,
}: {
  id?: string;
  /** Whether another page exists (the last answer's nextCursor is not null). */
  more: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  if (!more) return null;
  return (
    <Button id={id} block type="plain" className="ct-more" loading={loading} onClick={onClick}>
      {loading ? '正在加载…' : '加载更多'}
    </Button>
  );
}
