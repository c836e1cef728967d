import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import type { StatementSummary } from '@contract/index';
import { Badge, Button, Card, EmptyState, Skeleton, Tag } from '@/components';
import { MoreButton } from '@/components/more-button';
import { BackBar } from '@/components/back-bar';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { statementPendingLabel } from '@/pages/case/statement-state';
import { receiptLine } from '../receipt-card';
import { loadMineMore } from './load-more';
import './index.scss';

const StatementCard = observer(function StatementCard({
  summary,
  pending,
}: {
  summary: StatementSummary;
  pending: boolean;
}) {
  return (
    <Card
      id={`my-statement-${summary.id}`}
      className="my-statement"
      onClick={() => Taro.navigateTo({ url: routes.statement(summary.id) })}
    >
      <View className="my-statement__head">
        <Text className="my-statement__title">{summary.title}</Text>
        {pending ? <Badge dot /> : null}
      </View>
      <Text className="muted my-statement__case">{summary.caseTitle}</Text>
      <View className="tag-row my-statement__tags">
        {pending ? (
          <>
            <Tag tone="danger">{statementPendingLabel(summary)}</Tag>
            <Tag>第 {summary.versionNo} 版</Tag>
            {summary.publishedAt ? (
              <Text className="muted">{formatExactTime(summary.publishedAt)} 发布</Text>
            ) : null}
          </>
        ) : summary.myReceipt ? (
          <Tag tone="success">已知悉 {receiptLine(summary.myReceipt)}</Tag>
        ) : null}
      </View>
    </Card>
  );
});

/** 我的告知书: the client's statements across cases, waiting ones first, then the receipts. */
function MyStatementsPage() {
  const signedIn = useSignedIn();
  const { api, statements } = useStores();
  useDidShow(() => {
    if (signedIn) void statements.loadMine();
  });
  usePullDownRefresh(() => {
    void statements.loadMine().finally(() => Taro.stopPullDownRefresh());
  });
  if (!signedIn) return null;
  const mine = statements.mine;
  if (!mine) {
    return (
      <View className="page">
        <BackBar />
        {statements.mineState.status === 'error' ? (
          <EmptyState
            glyph="!"
            title="加载失败"
            description={statements.mineState.error?.message}
            action={<Button onClick={() => void statements.loadMine()}>重新加载</Button>}
          />
        ) : (
          <Skeleton cards={2} rows={2} />
        )}
      </View>
    );
  }
  if (mine.pending.length === 0 && mine.acknowledged.length === 0) {
    return (
      <View className="page">
        <BackBar />
        <EmptyState
          glyph="确"
          title="暂无告知书"
          description="律师发出预期与风险告知书后，会在这里请您逐条阅读并知悉。"
        />
      </View>
    );
  }
  // While more pages follow, the counts are of what is shown so far: 「N+」.
  const more = mine.nextCursor ? '+' : '';
  return (
    <View className="page">
      <BackBar />
      <Text className="section-title" id="my-pending">
        待知悉（{mine.pending.length}
        {more}）
      </Text>
      {mine.pending.length === 0 && !more ? (
        <Text className="muted my-statement__none">全部已知悉，谢谢您。</Text>
      ) : null}
      {mine.pending.map((s) => (
        <StatementCard key={s.id} summary={s} pending />
      ))}
      <Text className="section-title" id="my-acknowledged">
        已知悉（{mine.acknowledged.length}
        {more}）
      </Text>
      {mine.acknowledged.map((s) => (
        <StatementCard key={s.id} summary={s} pending={false} />
      ))}
      <MoreButton
        id="my-statements-more"
        more={!!more}
        loading={statements.loadingMore === 'mine'}
        onClick={() => void loadMineMore(statements, api)}
      />
    </View>
  );
}

export default observer(MyStatementsPage);
