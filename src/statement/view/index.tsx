import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { EmptyState, Skeleton } from '@/components';
import { BackBar } from '@/components/back-bar';
import { useSignedIn } from '@/navigation/auth-guard';
import { useStores } from '@/stores';
import ClientStatement from './client-statement';
import LawyerStatement from './lawyer-statement';
import './index.scss';

/** One expectation statement: clients acknowledge it item by item; lawyers follow who did. */
function StatementViewPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const statementId = params.id ?? '';
  const { statements } = useStores();

  const load = () =>
    statements.load(statementId).then((detail) => {
      // Only clients leave a view record (lawyers get `clients`), once per version until they acknowledge.
      if (detail?.current && !detail.clients && detail.myReceipt?.versionNo !== detail.current.versionNo) {
        statements.markViewed(statementId, detail.current.versionNo).catch(() => undefined);
      }
    });
  useDidShow(() => {
    if (signedIn && statementId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  const detail = statements.detail(statementId);
  const state = statements.state(statementId);
  if (!detail) {
    return (
      <View className="page">
        <BackBar />
        {state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看此告知书" description={state.error?.message} />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }
  if (detail.clients) return <LawyerStatement detail={detail} />;
  if (!detail.current) {
    return (
      <View className="page">
        <BackBar />
        <EmptyState glyph="稿" title="告知书尚未发布" />
      </View>
    );
  }
  return <ClientStatement key={detail.current.versionNo} detail={detail} current={detail.current} />;
}

export default observer(StatementViewPage);
