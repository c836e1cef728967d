import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { MemoDetail, MemoDiff, MemoPoint } from '@contract/index';
import { MEMO_CHANNEL_LABELS } from '@contract/memo-channels';
import {
  Card,
  EvidenceDisclosure,
  FINGERPRINT_NOTE,
  ItemDiff,
  Tag,
  chainRows,
  fingerprintRows,
} from '@/components';
import { MEMO_LISTS } from '@/comm/shared/memo-model';
import { routes } from '@/navigation/routes';
import { formatExactTime } from '@/time/format-time';
import { changedFieldLabels, listChanges } from './memo-diff';

export interface MemoDocumentProps {
  detail: MemoDetail;
  /** What changed since the client's last answer (marked on the points), when they answered an older version. */
  diff?: MemoDiff | null;
  /** Under each conclusion: the client's 对此条有异议, or the lawyer's mark of a dispute on it. */
  conclusionSlot?: (point: MemoPoint) => ReactNode;
}

function FactRow({ label, value, changed }: { label: string; value: string; changed: boolean }) {
  return (
    <View className="memo-doc__fact">
      <Text className="memo-doc__fact-label">{label}</Text>
      <Text className="memo-doc__fact-value" data-field={label}>
        {value}
        {changed ? <Text className="memo-doc__fact-changed"> 已修改</Text> : null}
      </Text>
    </View>
  );
}

/**
 * The memo in the practice's format: 沟通备忘录, 沟通时间, 沟通方式, 参与人员, the numbered 沟通事项 and 形成结论,
 * 后续安排; the version and its 更正说明, the 存证信息 behind a tap, and what changed since the client's answer.
 */
export function MemoDocument({ detail, diff, conclusionSlot }: MemoDocumentProps) {
  const { current } = detail;
  const content = current.content;
  const changedFields = new Set(diff ? changedFieldLabels(diff) : []);
  return (
    <>
      <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(detail.caseId) })}>
        ‹ {detail.caseTitle}
      </Text>
      <Card className="memo-doc">
        <Text className="detail-title memo-doc__title" id="memo-title">
          沟通备忘录
        </Text>
        <View className="tag-row">
          <Tag tone="brand">{MEMO_CHANNEL_LABELS[content.channel]}</Tag>
          <Tag>第 {current.versionNo} 版</Tag>
          {current.versionNo > 1 ? <Tag tone="warning">已更正</Tag> : null}
        </View>
        {current.correctionReason ? (
          <Text className="memo-doc__correction" id="memo-correction-note">
            更正说明：{current.correctionReason}
          </Text>
        ) : null}
        <View className="memo-doc__facts">
          <FactRow
            label="沟通时间"
            value={`${formatExactTime(content.communicatedAt)}（北京时间）`}
            changed={changedFields.has('沟通时间')}
          />
          <FactRow
            label="沟通方式"
            value={MEMO_CHANNEL_LABELS[content.channel]}
            changed={changedFields.has('沟通方式')}
          />
          <FactRow
            label="参与人员"
            value={content.participants.join('、')}
            changed={changedFields.has('参与人员')}
          />
        </View>

        {MEMO_LISTS.map(({ key, label }) => {
          const { byPoint, removed } = listChanges(diff, key);
          return (
            <View key={key} className={`memo-doc__list memo-doc__list--${key}`} id={`memo-${key}`}>
              <Text className="memo-doc__list-title">{label}</Text>
              {content[key].map((point, index) => (
                <View
                  key={point.id}
                  className="memo-doc__point"
                  id={`point-${point.id}`}
                  data-testid={`memo-${key}`}
                >
                  <Text className="memo-doc__no">{index + 1}.</Text>
                  <View className="memo-doc__point-body">
                    <ItemDiff text={point.text} change={byPoint.get(point.id)} />
                    {key === 'conclusions' ? conclusionSlot?.(point) : null}
                  </View>
                </View>
              ))}
              {removed.map((change) => (
                <View key={change.itemId} className="memo-doc__point" data-testid={`memo-${key}-removed`}>
                  <Text className="memo-doc__no"> </Text>
                  <View className="memo-doc__point-body">
                    <ItemDiff text={null} change={change} />
                  </View>
                </View>
              ))}
            </View>
          );
        })}

        {content.followUp || changedFields.has('后续安排') ? (
          <View className="memo-doc__list" id="memo-followup">
            <Text className="memo-doc__list-title">
              后续安排
              {changedFields.has('后续安排') ? <Text className="memo-doc__fact-changed"> 已修改</Text> : null}
            </Text>
            <Text className="memo-doc__followup pre-wrap">{content.followUp ?? '（无）'}</Text>
          </View>
        ) : null}

        <Text className="muted memo-doc__meta">
          {current.authorName} 发布于 {formatExactTime(current.publishedAt)}
        </Text>
        <EvidenceDisclosure
          id="memo-evidence"
          rows={[...fingerprintRows(current.contentHash, current.versionNo), ...chainRows(current.chain)]}
          note={FINGERPRINT_NOTE}
        />
      </Card>
    </>
  );
}
