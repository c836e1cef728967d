import { Text, View } from '@tarojs/components';
import { keyboardPress } from '@/components/keyboard-press';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { runInAction } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { Badge, Card, EmptyState, RelativeTime, Skeleton, Tag } from '@/components';
import { BackBar } from '@/components/back-bar';
import { LoadMoreFooter } from '@/components/load-more-footer';
import { toastFailure } from '@/feedback/toast';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { deliveryLine, noticeLabel, noticeUrl, type Notice, type NoticeBox } from '../shared/notices-model';
import { NoticesStore } from '../shared/notices-store';
import './index.scss';

const TABS: { box: NoticeBox; label: string }[] = [
  { box: 'received', label: '收到的' },
  { box: 'sent', label: '我发出的' },
];

const EMPTY: Record<NoticeBox, { title: string; description: string }> = {
  received: {
    title: '还没有通知',
    description: '本案有新进展，有待您处理的告知书、备忘录或配合事项，或有人给您留言时，会显示在这里。',
  },
  sent: {
    title: '还没有发出的通知',
    description: '您发布的记录、提出的请求和发送的提醒会通知对方；每一条是否已送达微信会显示在这里。',
  },
};

function NoticeRow({ notice, box }: { notice: Notice; box: NoticeBox }) {
  const unseen = box === 'received' && !notice.seen;
  const delivery = box === 'sent' ? deliveryLine(notice.delivery) : null;
  return (
    <View
      id={`notice-${notice.id}`}
      data-testid="notice-row"
      data-kind={notice.kind}
      data-seen={notice.seen ? 'true' : 'false'}
      data-delivery={notice.delivery.state}
      className={`notice-row ${unseen ? 'notice-row--unseen' : ''}`}
      hoverClass="notice-row--hover"
      role="link"
      onClick={() => Taro.navigateTo({ url: noticeUrl(notice) })}
      {...keyboardPress(() => void Taro.navigateTo({ url: noticeUrl(notice) }))}
    >
      <View className="notice-row__head">
        {unseen ? <Badge dot /> : null}
        <Tag tone={unseen ? 'brand' : 'neutral'}>{noticeLabel(notice.kind)}</Tag>
        <RelativeTime className="notice-row__time" iso={notice.createdAt} />
      </View>
      <Text className="notice-row__title">{notice.title}</Text>
      <Text className="notice-row__who">
        {box === 'received' ? `来自 ${notice.fromName}` : `发给 ${notice.toName}`}
      </Text>
      {delivery ? (
        <View
          className="notice-row__delivery"
          data-testid="notice-delivery"
          data-state={notice.delivery.state}
        >
          <Text className={`notice-delivery notice-delivery--${delivery.tone}`}>{delivery.label}</Text>
          {delivery.detail ? (
            <Text className={`notice-delivery__detail notice-delivery--${delivery.tone}`}>
              {delivery.detail}
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/**
 * A case's notices, for both roles: 「收到的」 (what waits for the reader; unseen ones marked, each opening its
 * record) and 「我发出的」 (what the reader's acts told others, and whether it reached their WeChat).
 */
function NoticesPage() {
  const signedIn = useSignedIn();
  const { params } = useRouter();
  const caseId = params.caseId ?? '';
  const { api, caseDetails, cases } = useStores();
  const [store] = useState(() => new NoticesStore(api));
  const [box, setBox] = useState<NoticeBox>(params.box === 'sent' ? 'sent' : 'received');

  const markSeen = async () => {
    try {
      await store.markSeen(caseId);
      // The case list shows the marker from its last read; it re-reads on return, this keeps it in step meanwhile.
      runInAction(() => {
        const summary = cases.cases.find((c) => c.id === caseId);
        if (summary) summary.waiting = 0;
      });
    } catch {
      // The marker stays until the next visit; the notices themselves are on screen.
    }
  };
  const load = async (which: NoticeBox = box) => {
    const pending = [store.load(caseId, which)];
    if (!caseDetails.detail(caseId)) pending.push(caseDetails.load(caseId));
    await Promise.all(pending);
    // Read first, so this visit still marks what arrived since the last one.
    await markSeen();
  };
  useDidShow(() => {
    if (signedIn && caseId) void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    store.loadMore(caseId, box).catch(toastFailure);
  });

  if (!signedIn) return null;
  const inbox = store.boxes[box];
  const caseTitle = caseDetails.detail(caseId)?.title;
  const unseen = store.boxes.received.notices?.filter((n) => !n.seen).length ?? 0;
  const choose = (next: NoticeBox) => {
    setBox(next);
    if (next !== box) void store.load(caseId, next);
  };

  return (
    <View className="page notices-page" id="notices-page" data-box={box}>
      <BackBar />
      {caseTitle ? (
        <Text className="link detail-back" onClick={() => Taro.redirectTo({ url: routes.case(caseId) })}>
          ‹ {caseTitle}
        </Text>
      ) : null}
      <View className="notices-tabs" role="tablist">
        {TABS.map((tab) => (
          <View
            key={tab.box}
            id={`notices-tab-${tab.box}`}
            role="tab"
            aria-selected={tab.box === box ? 'true' : 'false'}
            className={`notices-tab ${tab.box === box ? 'notices-tab--on' : ''}`}
            onClick={() => choose(tab.box)}
            {...keyboardPress(() => choose(tab.box))}
          >
            <Text>{tab.label}</Text>
            {tab.box === 'received' ? <Badge count={unseen} /> : null}
          </View>
        ))}
      </View>

      {inbox.notices === null ? (
        inbox.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看通知" description={inbox.state.error?.message} />
        ) : (
          <Skeleton cards={2} rows={2} />
        )
      ) : inbox.notices.length === 0 ? (
        <View id={`notices-${box}-empty`}>
          <EmptyState glyph="通" title={EMPTY[box].title} description={EMPTY[box].description} />
        </View>
      ) : (
        <Card id={`notices-${box}`} className="notices-list">
          {inbox.notices.map((n) => (
            <NoticeRow key={n.id} notice={n} box={box} />
          ))}
        </Card>
      )}
      {inbox.notices && inbox.notices.length > 0 ? (
        <LoadMoreFooter
          id="notices-more"
          loading={inbox.loadingMore}
          hasMore={Boolean(inbox.next)}
          onLoadMore={() => store.loadMore(caseId, box).catch(toastFailure)}
        />
      ) : null}
      <Text
        id="notices-settings-link"
        className="link notices-page__settings"
        onClick={() => Taro.navigateTo({ url: routes.notifySettings() })}
      >
        通知设置 ›
      </Text>
    </View>
  );
}

export default observer(NoticesPage);
