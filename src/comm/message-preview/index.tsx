import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { Button, Card, EmptyState, Skeleton, Tag } from '@/components';
import { BackBar } from '@/components/back-bar';
import { useSignedIn } from '@/navigation/auth-guard';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import {
  byWaitingOrder,
  creditLines,
  deliveryLine,
  describePage,
  messageStatus,
  noticeLabel,
  type PreviewMessage,
  type PreviewPersona,
} from '../shared/notices-model';
import { MessagePreviewStore } from '../shared/notices-store';
import './index.scss';

/** One recorded message drawn as WeChat's 服务通知 shows a subscribe message, with what became of it. */
function WechatCard({ message }: { message: PreviewMessage }) {
  const status = messageStatus(message);
  const page = `/${message.page.replace(/^\//, '')}`;
  return (
    <View
      id={`preview-message-${message.id}`}
      data-testid="preview-message"
      data-status={message.status}
      className="wx-message"
    >
      <View className="wx-card">
        <Text className="wx-card__app">律程 Casetrail</Text>
        <Text className="wx-card__title" data-testid="wx-title">
          {message.templateTitle}
        </Text>
        <Text className="wx-card__time">{formatExactTime(message.createdAt)}</Text>
        <View className="wx-card__fields">
          {message.fields.map((field) => (
            <View key={field.label} className="wx-card__field" data-field={field.label}>
              <Text className="wx-card__label">{field.label}</Text>
              <Text className="wx-card__value">{field.value}</Text>
            </View>
          ))}
        </View>
        <View
          className="wx-card__open"
          data-testid="wx-open"
          data-page={message.page}
          hoverClass="wx-card__open--hover"
          role="link"
          onClick={() => Taro.navigateTo({ url: page })}
        >
          <Text>进入小程序查看</Text>
          <Text className="wx-card__chevron">›</Text>
        </View>
      </View>
      <View className="wx-message__status" data-testid="preview-message-status">
        <Tag tone={status.tone}>{status.label}</Tag>
        {status.detail ? (
          <Text className={`wx-message__detail wx-message__detail--${status.tone}`}>{status.detail}</Text>
        ) : null}
        <Text className="wx-message__page">
          打开：{describePage(message.page)}（{message.page}）
          {message.kinds.length > 1 ? `；合并了 ${message.kinds.length} 条通知` : ''}
        </Text>
      </View>
    </View>
  );
}

function PersonaSection({ persona }: { persona: PreviewPersona }) {
  const credits = creditLines(persona.credits);
  const none = persona.messages.length === 0 && persona.waiting.length === 0;
  return (
    <View
      id={`preview-persona-${persona.userId}`}
      data-testid="preview-persona"
      data-name={persona.displayName}
      className="preview-persona"
    >
      <Text className="preview-persona__name">{persona.displayName}</Text>
      <Text className="preview-persona__credits" data-testid="preview-credits">
        {credits.length ? `微信通知还可接收：${credits.join('，')}` : '未开启微信通知（可接收次数为 0）'}
      </Text>
      {none ? <Text className="muted">还没有给 TA 的通知。</Text> : null}
      {persona.messages.map((message) => (
        <WechatCard key={message.id} message={message} />
      ))}
      {persona.waiting.length > 0 ? (
        <Card title="未发到微信的通知" className="preview-waiting">
          {byWaitingOrder(persona.waiting).map((notice) => {
            const line = deliveryLine(notice.delivery);
            return (
              <View
                key={notice.id}
                id={`preview-waiting-${notice.id}`}
                data-testid="preview-waiting"
                data-delivery={notice.delivery.state}
                className="preview-waiting__row"
              >
                <Text className="preview-waiting__title">
                  {noticeLabel(notice.kind)}：{notice.title}
                </Text>
                <Text className={`preview-waiting__why preview-waiting__why--${line.tone}`}>
                  {line.label}
                  {line.detail ? `（${line.detail}）` : ''}
                </Text>
              </View>
            );
          })}
        </Card>
      ) : null}
    </View>
  );
}

/**
 * The demo's 消息预览: the demo never sends WeChat messages, it records them; this lists what each persona's WeChat
 * would have shown (as subscribe-message cards), how many consents each has left, and what did not go out and why.
 */
function MessagePreviewPage() {
  const signedIn = useSignedIn();
  const { api } = useStores();
  const [store] = useState(() => new MessagePreviewStore(api));

  useDidShow(() => {
    if (signedIn) void store.load();
  });
  usePullDownRefresh(() => {
    void store.load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!signedIn) return null;
  if (store.demoOnly) {
    return (
      <View className="page" id="preview-page">
        <BackBar />
        <View id="preview-demo-only">
          <EmptyState
            glyph="演"
            title="消息预览仅在演示环境中提供"
            description="正式环境中，通知通过微信订阅消息发送给本人，不在这里显示。"
          />
        </View>
      </View>
    );
  }
  const personas = store.personas;
  const loading = store.state.status === 'loading';

  return (
    <View className="page preview-page" id="preview-page">
      <BackBar />
      <View className="preview-head">
        <Text className="preview-head__note">
          演示环境不会真的发送微信消息。这里列出每个人的微信将收到的订阅消息，以及没有发出的通知和原因；消息每隔几秒发送一批。
        </Text>
        <View className="preview-head__bar">
          <Text className="muted" id="preview-generated-at">
            {store.generatedAt ? `更新于 ${formatExactTime(store.generatedAt, true)}` : ''}
          </Text>
          <Button id="preview-refresh" size="small" loading={loading} onClick={() => void store.load()}>
            刷新
          </Button>
        </View>
        {store.state.status === 'error' && personas ? (
          <Text className="preview-head__error">{store.state.error?.message}</Text>
        ) : null}
      </View>
      {personas === null ? (
        store.state.status === 'error' ? (
          <EmptyState glyph="!" title="无法查看消息预览" description={store.state.error?.message} />
        ) : (
          <Skeleton cards={2} rows={4} />
        )
      ) : personas.length === 0 ? (
        <EmptyState glyph="信" title="还没有任何通知" />
      ) : (
        personas.map((persona) => <PersonaSection key={persona.userId} persona={persona} />)
      )}
    </View>
  );
}

export default observer(MessagePreviewPage);
