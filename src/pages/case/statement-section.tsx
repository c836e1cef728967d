import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import type { StatementSummary } from '@contract/index';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Tag } from '@/components/tag';
import { MoreButton } from '@/components/more-button';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { statementPendingLabel } from './statement-state';
import { receiptCount } from './receipt-count';

/** A client's standing with a statement's current version, as the case page names it. */
export function clientStatementState(s: StatementSummary): { text: string; pending: boolean } {
  if (s.myState === 'acknowledged' && s.myReceipt) {
    return {
      text: `已知悉 第${s.myReceipt.versionNo}版 ${formatExactTime(s.myReceipt.acknowledgedAt)}`,
      pending: false,
    };
  }
  return { text: statementPendingLabel(s), pending: true };
}

const StatementRow = observer(function StatementRow({
  summary,
  isLawyer,
}: {
  summary: StatementSummary;
  isLawyer: boolean;
}) {
  const unpublished = summary.versionNo === 0;
  const open = () =>
    Taro.navigateTo({
      url: isLawyer && unpublished ? routes.editStatement(summary.id) : routes.statement(summary.id),
    });
  const client = isLawyer ? null : clientStatementState(summary);
  return (
    <View
      className="case-statement"
      id={`statement-row-${summary.id}`}
      hoverClass="case-statement--hover"
      onClick={open}
    >
      <View className="case-statement__head">
        <Text className="case-statement__title">{summary.title}</Text>
        {client?.pending ? <Badge dot /> : null}
      </View>
      <View className="tag-row">
        {isLawyer ? (
          <>
            {unpublished ? (
              <Tag tone="neutral">草稿·未发布</Tag>
            ) : (
              <>
                <Tag>第{summary.versionNo}版</Tag>
                <Tag tone={receiptCount(summary.acknowledgedCount, summary.clientCount, '已知悉').tone}>
                  {receiptCount(summary.acknowledgedCount, summary.clientCount, '已知悉').text}
                </Tag>
                {summary.hasDraft ? <Tag tone="neutral">草稿</Tag> : null}
              </>
            )}
            {summary.openQuestions > 0 ? <Tag tone="danger">{summary.openQuestions} 个问题待回复</Tag> : null}
          </>
        ) : (
          <Tag tone={client?.pending ? 'danger' : 'success'}>{client?.text}</Tag>
        )}
      </View>
    </View>
  );
});

/** The case page's 预期与风险告知书 card: each statement with its acknowledgment standing. */
function StatementSection({ caseId, isLawyer }: { caseId: string; isLawyer: boolean }) {
  const { statements } = useStores();
  const list = statements.list(caseId) ?? [];
  const pending = isLawyer ? 0 : list.filter((s) => clientStatementState(s).pending).length;
  return (
    <Card
      title="预期与风险告知书"
      id="statement-section"
      extra={pending > 0 ? <Text className="case-statement__pending">{pending} 份待知悉</Text> : undefined}
    >
      {list.length === 0 ? (
        <Text className="muted case-page__empty">
          {statements.listState(caseId).status === 'loading'
            ? '加载中…'
            : isLawyer
              ? '把最坏情况、我们会做什么、不能承诺什么、需要客户配合什么写下来，请客户逐条阅读并知悉。'
              : '律师发出预期与风险告知书后会显示在这里，请逐条阅读并知悉。'}
        </Text>
      ) : (
        list.map((s) => <StatementRow key={s.id} summary={s} isLawyer={isLawyer} />)
      )}
      <MoreButton
        id="statement-more"
        more={!!statements.listNext.get(caseId)}
        loading={statements.loadingMore === caseId}
        onClick={() => void statements.loadListMore(caseId)}
      />
      {isLawyer ? (
        <Button
          id="new-statement-button"
          size="small"
          type="plain"
          block
          className="case-statement__new"
          onClick={() => Taro.navigateTo({ url: routes.newStatement(caseId) })}
        >
          新建告知书
        </Button>
      ) : null}
    </Card>
  );
}

export default observer(StatementSection);
