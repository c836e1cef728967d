import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { UpdateDetail, UpdateVersion } from '@contract/index';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { EvidenceDisclosure, FINGERPRINT_NOTE, fingerprintRows } from '@/components/evidence-disclosure';
import { Skeleton } from '@/components/skeleton';
import { hashPrefix } from '@/components/statement-sections';
import { stageChangeText } from '@/components/stage-tracker';
import { Tag } from '@/components/tag';
import { toastFailure } from '@/feedback/toast';
import { BackBar } from '@/components/back-bar';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import './index.scss';

function VersionContent({ version }: { version: UpdateVersion }) {
  return (
    <View>
      <Text className="update-page__body pre-wrap">{version.body}</Text>
      {version.nextSteps ? (
        <View className="update-page__block update-page__block--next">
          <Text className="update-page__block-title">下一步</Text>
          <Text className="update-page__block-text pre-wrap">{version.nextSteps}</Text>
        </View>
      ) : null}
      {version.risks ? (
        <View className="update-page__block update-page__block--risk">
          <Text className="update-page__block-title">当前风险</Text>
          <Text className="update-page__block-text pre-wrap">{version.risks}</Text>
        </View>
      ) : null}
    </View>
  );
}

/**
 * Every version with its 更正原因. Lawyers see each version's fingerprint on the line (their evidence list);
 * clients find it under the opened version's 存证信息 (docs/glossary.md §5).
 */
function VersionHistory({ versions, isLawyer }: { versions: UpdateVersion[]; isLawyer: boolean }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card title="更正记录" id="version-history">
      <Text className="muted update-page__note">
        已发布的内容不会被修改；每次更正都生成新版本，旧版本完整保留。
      </Text>
      {versions.map((v, index) => (
        <View key={v.id} className="update-page__version">
          <View className="update-page__version-head">
            <Text className="update-page__version-no">
              第 {v.versionNo} 版{index === 0 ? '（当前）' : ''}
            </Text>
            <Text className="muted">{formatExactTime(v.publishedAt)}</Text>
          </View>
          <Text className="muted">
            {v.authorName}
            {isLawyer ? ` · 内容指纹 ${hashPrefix(v.contentHash)}` : ''}
          </Text>
          {v.reason ? (
            <Text className="update-page__reason">更正原因：{v.reason}</Text>
          ) : (
            <Text className="muted update-page__reason--first">首次发布</Text>
          )}
          {index > 0 ? (
            <View>
              <Text className="link" onClick={() => setOpen(open === v.id ? null : v.id)}>
                {open === v.id ? '收起此版本' : '查看此版本内容 ›'}
              </Text>
              {open === v.id ? (
                <View className="update-page__old">
                  <Text className="update-page__old-title">{v.title}</Text>
                  <VersionContent version={v} />
                  {isLawyer ? null : (
                    <EvidenceDisclosure
                      rows={fingerprintRows(v.contentHash, v.versionNo)}
                      note={FINGERPRINT_NOTE}
                    />
                  )}
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </Card>
  );
}

function Receipts({ detail }: { detail: UpdateDetail }) {
  const receipts = detail.receipts;
  if (!receipts) return null;
  const current = detail.versions[0].versionNo;
  return (
    <Card title="阅读回执" id="read-receipts">
      {receipts.read.length === 0 && receipts.unreadClients.length === 0 ? (
        <Text className="muted">案件还没有客户。邀请客户加入后，这里会显示谁在何时阅读了哪一版。</Text>
      ) : null}
      {receipts.read.map((r) => (
        <View key={`${r.userId}-${r.versionNo}`} className="update-page__receipt" data-testid="receipt-read">
          <Avatar name={r.displayName} size={28} />
          <Text className="update-page__receipt-name">{r.displayName}</Text>
          <Text className={r.versionNo === current ? 'update-page__receipt-ok' : 'update-page__receipt-old'}>
            已读第 {r.versionNo} 版{r.versionNo === current ? '' : '（旧版）'}
          </Text>
          <Text className="muted update-page__receipt-time">{formatExactTime(r.readAt)}</Text>
        </View>
      ))}
      {receipts.unreadClients.map((c) => (
        <View key={c.userId} className="update-page__receipt" data-testid="receipt-unread">
          <Avatar name={c.displayName} size={28} />
          <Text className="update-page__receipt-name">{c.displayName}</Text>
          <Text className="update-page__receipt-unread">未读当前版本</Text>
        </View>
      ))}
    </Card>
  );
}

function UpdatePage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const updateId = params.id ?? '';
  const { updates } = useStores();

  useDidShow(() => {
    if (!signedIn || !updateId) return;
    void updates.load(updateId).then((detail) => {
      // Only clients leave a read receipt; the server omits `receipts` for them.
      if (detail && !detail.receipts && !detail.myReadAt) updates.markRead(updateId).catch(toastFailure);
    });
  });

  if (!signedIn) return null;
  const detail = updates.detail(updateId);
  const state = updates.state(updateId);
  if (!detail) {
    return (
      <View className="page">
        <BackBar />
        {state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看此进展" description={state.error?.message} />
        ) : (
          <Skeleton cards={2} rows={4} />
        )}
      </View>
    );
  }

  const current = detail.versions[0];
  const isLawyer = detail.receipts !== undefined;
  return (
    <View className="page update-page">
      <BackBar />
      <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(detail.caseId) })}>
        ‹ {detail.caseTitle}
      </Text>
      <Card>
        <Text className="detail-title" id="update-title">
          {current.title}
        </Text>
        <View className="tag-row">
          {current.stageChange && !current.stageChange.reason ? (
            <Tag tone="brand">{stageChangeText(current.stageChange)}</Tag>
          ) : null}
          {detail.corrected ? <Tag tone="warning">已更正</Tag> : null}
          <Tag>第 {current.versionNo} 版</Tag>
        </View>
        {current.stageChange?.reason ? (
          <Text className="update-page__stage-back" id="stage-back-reason">
            {stageChangeText(current.stageChange)}
          </Text>
        ) : null}
        <Text className="muted update-page__meta">
          {current.authorName} 发布于 {formatExactTime(current.publishedAt)}
        </Text>
        <VersionContent version={current} />
        <View className="update-page__footer">
          {!isLawyer && detail.myReadAt ? (
            <Text className="update-page__read" id="my-read-at">
              您已于 {formatExactTime(detail.myReadAt)} 阅读
            </Text>
          ) : null}
          <EvidenceDisclosure
            id="update-evidence"
            rows={fingerprintRows(current.contentHash, current.versionNo)}
            note={FINGERPRINT_NOTE}
          />
        </View>
      </Card>

      <View className="actions">
        {isLawyer ? (
          <Button
            id="correct-update-button"
            onClick={() => Taro.navigateTo({ url: routes.correct(detail.id) })}
          >
            更正此进展
          </Button>
        ) : (
          <Button
            id="reply-update-button"
            onClick={() => Taro.navigateTo({ url: routes.newRequest(detail.caseId, detail.id) })}
          >
            回复 / 补充材料
          </Button>
        )}
      </View>

      <Receipts detail={detail} />
      {detail.versions.length > 1 ? <VersionHistory versions={detail.versions} isLawyer={isLawyer} /> : null}
    </View>
  );
}

export default observer(UpdatePage);
