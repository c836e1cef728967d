import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StatementDetail } from '@contract/index';
import { Card, Tag, hashPrefix } from '@/components';
import { routes } from '@/navigation/routes';
import { formatExactTime } from '@/time/format-time';

type Current = NonNullable<StatementDetail['current']>;

/** Title, version, who published it when, and the intro. */
export function StatementHeader({ detail, current }: { detail: StatementDetail; current: Current }) {
  return (
    <>
      <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(detail.caseId) })}>
        ‹ {detail.caseTitle}
      </Text>
      <Card>
        <Text className="detail-title" id="statement-title">
          {current.content.title}
        </Text>
        <View className="tag-row">
          <Tag tone="brand">预期与风险告知</Tag>
          <Tag>第 {current.versionNo} 版</Tag>
        </View>
        <Text className="muted statement-page__meta">
          {current.publishedByName} 发布于 {formatExactTime(current.publishedAt)} · 内容指纹{' '}
          {hashPrefix(current.contentHash)}
        </Text>
        {current.content.intro ? (
          <Text className="statement-page__intro pre-wrap">{current.content.intro}</Text>
        ) : null}
      </Card>
    </>
  );
}
