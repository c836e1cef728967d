import { Text, View } from '@tarojs/components';
import { Button } from '@/components';
import { formatExactTime } from '@/time/format-time';
import type { Draft } from './use-draft';
import './draft-offer.scss';

/** 「恢复草稿」/「丢弃」 for a draft kept from an earlier visit, with the time it was saved. */
export function DraftOffer<T>({ draft }: { draft: Draft<T> }) {
  if (!draft.offer) return null;
  const savedAt = formatExactTime(new Date(draft.offer.savedAt).toISOString());
  return (
    <View id="draft-offer" className="ct-draft-offer" role="region" aria-label="未发送的草稿">
      <Text className="ct-draft-offer__text">有一份未发送的草稿（保存于 {savedAt}）</Text>
      <View className="ct-draft-offer__actions">
        <Button id="draft-restore" type="primary" size="small" onClick={draft.restore}>
          恢复草稿
        </Button>
        <Button id="draft-discard" size="small" onClick={draft.discard}>
          丢弃
        </Button>
      </View>
    </View>
  );
}
