import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { EmptyState, Skeleton } from '@/components';
import { BackBar } from '@/components/back-bar';
import { MemoStore } from '@/comm/shared/memo-store';
import { useSignedIn } from '@/navigation/auth-guard';
import { useStores } from '@/stores';
import ClientMemo from './client-memo';
import LawyerMemo from './lawyer-memo';
import './index.scss';

/** One communication memo: clients confirm it or dispute it; lawyers follow who did and answer disputes. */
function MemoPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const memoId = params.id ?? '';
  const stores = useStores();
  const [memos] = useState(() => new MemoStore(stores.api));

  const load = () =>
    memos.load(memoId).then((detail) => {
      // Only clients leave a view record (lawyers get `clients`), until they answer the current version.
      if (detail && !detail.clients && detail.myResponse?.versionNo !== detail.current.versionNo) {
        memos.markViewed(memoId, detail.current.versionNo).catch(() => undefined);
      }
    });
  useDidShow(() => {
    if (signedIn && memoId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  const detail = memos.detail;
  if (!detail) {
    return (
      <View className="page">
        <BackBar />
        {memos.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看此备忘录" description={memos.state.error?.message} />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }
  if (detail.clients) return <LawyerMemo detail={detail} />;
  return <ClientMemo key={detail.current.versionNo} detail={detail} memos={memos} />;
}

export default observer(MemoPage);
