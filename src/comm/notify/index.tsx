import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { DEFAULT_QUIET_HOURS } from '@contract/notice-kinds';
import { Button, Card, EmptyState, Skeleton } from '@/components';
import { BackBar } from '@/components/back-bar';
import { CLIENT_OFF, consentSummary, useAskConsent } from '@/components/notify-prompt';
import { useSignedIn } from '@/navigation/auth-guard';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { describeQuietHours } from '../shared/contact-terms';
import './index.scss';

const LAWYER_OFF = '未开启：开启后，客户提问或提交请求时会通过微信通知您';

const MODE_NOTE = {
  wechat: '通知通过微信「服务通知」发送，点开即可进入对应页面。',
  demo: '演示环境：通知不会真的发到微信，而是记录在「消息预览」中，可查看每个人会收到什么、为何延后。',
  off: '本系统未配置微信通知：新消息只在小程序内提示（案件列表和案件「通知」中的数字）。',
} as const;

/**
 * 通知设置: what WeChat may still deliver to this person (per template, one message per consent), the button that
 * allows one more of each, and the quiet hours during which messages wait.
 */
function NotifySettingsPage() {
  const signedIn = useSignedIn();
  const { notify, session } = useStores();
  const audience = session.isLawyer ? 'lawyer' : 'client';
  const ask = useAskConsent(audience);

  useDidShow(() => {
    if (signedIn) void Promise.all([notify.load(), session.ensureLoaded()]);
  });

  if (!signedIn) return null;
  const settings = notify.settings;
  if (!settings || !session.me) {
    return (
      <View className="page">
        <BackBar />
        {notify.status === 'error' ? (
          <EmptyState
            glyph="!"
            title="加载失败"
            description={notify.error?.message}
            action={<Button onClick={() => void notify.load()}>重新加载</Button>}
          />
        ) : (
          <Skeleton cards={2} rows={3} />
        )}
      </View>
    );
  }

  const templates = notify.templatesFor(audience);
  const quiet = settings.quietHours ?? DEFAULT_QUIET_HOURS;
  const on = notify.remaining(audience) > 0;
  return (
    <View className="page notify-page" id="notify-page" data-mode={settings.mode}>
      <BackBar />
      <Card
        title="微信通知"
        id="notify-status"
        extra={notify.enabled ? (on ? '已开启' : '未开启') : '未启用'}
      >
        {notify.enabled && templates.length > 0 ? (
          <Text className="notify-page__summary" id="notify-summary" data-on={on ? 'true' : 'false'}>
            {consentSummary(notify, audience, audience === 'client' ? CLIENT_OFF : LAWYER_OFF)}
          </Text>
        ) : null}
        <Text className="muted notify-page__note">{MODE_NOTE[settings.mode]}</Text>
        {settings.mode === 'demo' ? (
          <Text
            className="link notify-page__note"
            id="notify-message-preview"
            onClick={() => Taro.navigateTo({ url: routes.messagePreview() })}
          >
            查看消息预览 ›
          </Text>
        ) : null}
        {settings.unseen > 0 ? (
          <Text className="notify-page__note" id="notify-unseen">
            您的案件中有 {settings.unseen} 条通知还没有查看。
          </Text>
        ) : null}
      </Card>

      {notify.enabled && templates.length > 0 ? (
        <Card title="可接收的通知" id="notify-templates">
          {templates.map((t) => (
            <View className="notify-template" key={t.key} id={`notify-template-${t.key}`}>
              <View className="notify-template__head">
                <Text className="notify-template__title">{t.title}</Text>
                <Text
                  className={`notify-template__left ${notify.creditsOf(t) > 0 ? 'notify-template__left--on' : ''}`}
                  data-credits={notify.creditsOf(t)}
                >
                  {notify.creditsOf(t) > 0 ? `还可接收 ${notify.creditsOf(t)} 条` : '未开启'}
                </Text>
              </View>
              <Text className="muted notify-template__purpose">{t.purpose}</Text>
            </View>
          ))}
          <Text className="muted notify-page__note">
            微信每次只允许多接收一条通知：每点一次「开启微信通知」并选择允许，每类通知可多收到一条；收到后次数减一。
          </Text>
          <Button
            id="notify-settings-consent"
            className="notify-page__consent"
            type="primary"
            block
            loading={notify.asking}
            onClick={ask}
          >
            开启微信通知
          </Button>
        </Card>
      ) : null}

      <Card title="免打扰时段" id="notify-quiet-hours">
        <Text className="notify-page__summary" id="notify-quiet-hours-text">
          每天 {describeQuietHours(quiet)}（北京时间）
        </Text>
        <Text className="muted notify-page__note">
          这段时间内的通知不会发到微信，等时段结束后再发送；小程序内随时可以查看。
        </Text>
        {audience === 'lawyer' ? (
          <Text
            className="link notify-page__note"
            id="notify-edit-quiet-hours"
            onClick={() => Taro.navigateTo({ url: routes.profile() })}
          >
            在执业信息中修改免打扰时段 ›
          </Text>
        ) : null}
      </Card>
    </View>
  );
}

export default observer(NotifySettingsPage);
