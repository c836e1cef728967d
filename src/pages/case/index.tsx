import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { CaseDetail } from '@contract/index';
// Badge's stylesheet first, as in every other page (its sections use it): one CSS order for common.wxss.
import '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { Skeleton } from '@/components/skeleton';
import { StageTracker } from '@/components/stage-tracker';
import { Tag } from '@/components/tag';
import { TimelineItem } from '@/components/timeline-item';
import { BackBar } from '@/components/back-bar';
import { NotifyPrompt } from '@/components/notify-prompt';
import { toastFailure } from '@/feedback/toast';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { CaseCommunicationStore } from './case-communication.store';
import { ClientAttention, LawyerCommunication } from './communication-sections';
import { MemoSection } from './memo-section';
import { NotifyEntries } from './notify-entries';
import StatementSection from './statement-section';
import './index.scss';

function CaseFacts({ detail }: { detail: CaseDetail }) {
  const facts: [string, string | null][] = [
    ['案号', detail.caseNumber],
    ['法院', detail.court],
    ['对方当事人', detail.opposingParty],
  ];
  const lawyers = detail.members.filter((m) => m.role === 'lawyer').map((m) => m.displayName);
  const clients = detail.members.filter((m) => m.role === 'client').map((m) => m.displayName);
  return (
    <Card>
      <Text className="detail-title" id="case-title">
        {detail.title}
      </Text>
      <View className="tag-row">
        <Tag tone="brand">{detail.caseType}</Tag>
        <Tag>当前阶段：{detail.currentStage.name}</Tag>
      </View>
      <View className="case-page__facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <View className="case-page__fact" key={label}>
              <Text className="case-page__fact-label">{label}</Text>
              <Text className="case-page__fact-value">{value}</Text>
            </View>
          ))}
        <View className="case-page__fact">
          <Text className="case-page__fact-label">承办律师</Text>
          <Text className="case-page__fact-value">{lawyers.join('、') || '—'}</Text>
        </View>
        {detail.myRole === 'lawyer' ? (
          <View className="case-page__fact">
            <Text className="case-page__fact-label">客户</Text>
            <Text className="case-page__fact-value" id="case-clients">
              {clients.join('、') || '尚未邀请'}
            </Text>
          </View>
        ) : null}
        <View
          className="case-page__fact"
          id="contact-entry"
          role="button"
          onClick={() => Taro.navigateTo({ url: routes.contact(detail.id) })}
        >
          <Text className="case-page__fact-label">联系律师</Text>
          <Text className="link">联系方式 · 工作时间 ›</Text>
        </View>
        <NotifyEntries detail={detail} />
        <View
          className="case-page__fact"
          id="evidence-entry"
          role="button"
          aria-label="存证与核验：核验本案记录、导出书面记录汇编"
          onClick={() => Taro.navigateTo({ url: routes.verifyCase(detail.id) })}
        >
          <Text className="case-page__fact-label">存证与核验</Text>
          <Text className="link">核验记录 · 导出汇编 ›</Text>
        </View>
      </View>
    </Card>
  );
}

function CasePage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const { api, caseDetails, statements } = useStores();
  const [comm] = useState(() => new CaseCommunicationStore(api));
  const [showAllStages, setShowAllStages] = useState(false);
  const load = () => Promise.all([caseDetails.load(caseId), statements.loadList(caseId), comm.load(caseId)]);

  useDidShow(() => {
    if (signedIn && caseId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    caseDetails.loadMore(caseId).catch(toastFailure);
  });

  if (!signedIn) return null;
  const detail = caseDetails.detail(caseId);
  const timeline = caseDetails.timeline(caseId);
  const state = caseDetails.state(caseId);

  if (!detail) {
    return (
      <View className="page">
        <BackBar />
        {state.status === 'error' ? (
          <EmptyState
            glyph="!"
            title={state.error?.code === 'NOT_FOUND' ? '无法查看此案件' : '加载失败'}
            description={state.error?.message}
            action={<Button onClick={() => Taro.reLaunch({ url: routes.home() })}>返回我的案件</Button>}
          />
        ) : (
          <Skeleton cards={3} rows={3} />
        )}
      </View>
    );
  }

  const isLawyer = detail.myRole === 'lawyer';
  const clientCount = detail.members.filter((m) => m.role === 'client').length;
  const entries = timeline?.entries ?? [];
  const lowerReady =
    comm.settled &&
    (statements.list(caseId) !== undefined || statements.listState(caseId).status === 'error');

  return (
    <View className="page case-page">
      <BackBar />
      <CaseFacts detail={detail} />
      {/* A client arriving from joining: the moment to ask whether to hear about new progress on WeChat. */}
      {!isLawyer && params.joined === '1' ? <NotifyPrompt /> : null}

      {isLawyer ? (
        <View className="actions">
          <Button
            id="publish-update-button"
            type="primary"
            onClick={() => Taro.navigateTo({ url: routes.publish(caseId) })}
          >
            发布进展
          </Button>
          <Button
            id="invite-client-button"
            type="plain"
            onClick={() => Taro.navigateTo({ url: routes.invite(caseId) })}
          >
            邀请客户
          </Button>
        </View>
      ) : null}
      {isLawyer ? (
        <View className="actions">
          <Button
            id="new-memo-button"
            type="plain"
            onClick={() => Taro.navigateTo({ url: routes.newMemo(caseId) })}
          >
            写沟通备忘录
          </Button>
          <Button
            id="new-task-button"
            type="plain"
            onClick={() => Taro.navigateTo({ url: routes.newTask(caseId) })}
          >
            布置配合事项
          </Button>
        </View>
      ) : null}

      {!lowerReady ? (
        // The sections below come from three more reads; they are laid out together once all have answered,
        // and until then this placeholder holds their place, so nothing on screen is pushed down (CLS).
        <View id="case-sections-loading">
          <Skeleton cards={2} rows={3} />
        </View>
      ) : (
        <>
          {isLawyer ? (
            <LawyerCommunication caseId={caseId} comm={comm} />
          ) : (
            <ClientAttention caseId={caseId} comm={comm} />
          )}
          <StatementSection caseId={caseId} isLawyer={isLawyer} />
          <MemoSection comm={comm} isLawyer={isLawyer} />

          <Card
            title="案件阶段"
            extra={
              <Text className="link" onClick={() => setShowAllStages(!showAllStages)}>
                {showAllStages ? '收起说明' : '展开全部说明'}
              </Text>
            }
          >
            <StageTracker stages={detail.stages} compact={!showAllStages} />
          </Card>

          <Card
            title="案件进展"
            extra={
              entries.length > 0 ? `共 ${entries.length}${timeline?.nextCursor ? '+' : ''} 条` : undefined
            }
          >
            {entries.length === 0 ? (
              <Text className="muted case-page__empty">
                {isLawyer
                  ? '还没有发布进展。点「发布进展」书面告知客户案件情况。'
                  : '律师还没有发布进展，有新进展时会显示在这里。'}
              </Text>
            ) : (
              <View id="timeline">
                {entries.map((entry, index) => (
                  <TimelineItem
                    key={entry.updateId}
                    entry={entry}
                    showReadBy={isLawyer}
                    clientCount={clientCount}
                    last={index === entries.length - 1}
                    onOpen={() => Taro.navigateTo({ url: routes.update(entry.updateId) })}
                  />
                ))}
                {timeline?.nextCursor ? (
                  <Button
                    block
                    size="small"
                    loading={timeline.loadingMore}
                    onClick={() => caseDetails.loadMore(caseId).catch(toastFailure)}
                  >
                    加载更早的进展
                  </Button>
                ) : null}
              </View>
            )}
          </Card>
        </>
      )}
    </View>
  );
}

export default observer(CasePage);
