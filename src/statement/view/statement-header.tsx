import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StatementDetail } from '@contract/index';
import { Card, EvidenceDisclosure, FINGERPRINT_NOTE, Tag, fingerprintRows } from '@/components';
import { routes } from '@/navigation/routes';
import { formatExactTime } from '@/time/format-time';

type Current = NonNullable<StatementDetail['current']>;

/** Title, version, who published it when, the intro, and the version's 存证信息 behind a tap. */
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
          <Tag tone="brand">预期与风险告知书</Tag>
          <Tag>第 {current.versionNo} 版</Tag>
        </View>
        <Text className="muted statement-page__meta">
          {current.publishedByName} 发布于 {formatExactTime(current.publishedAt)}
        </Text>
        {current.content.intro ? (
          <Text className="statement-page__intro pre-wrap">{current.content.intro}</Text>
        ) : null}
        <EvidenceDisclosure
          id="statement-evidence"
          rows={fingerprintRows(current.contentHash, current.versionNo)}
          note={FINGERPRINT_NOTE}
        />
      </Card>
    </>
  );
}
