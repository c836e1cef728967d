import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import type { Audience, NotifyStore } from '@/stores/notify.store';
import { Button } from './button';
import './notify-prompt.scss';

export const CLIENT_OFF = '未开启：开启后，律师发布新进展时会通过微信通知您';

/** 「已开启微信通知：还可接收 2 条案件进展通知、1 条待办事项提醒」, or (`whenOff`) what turning them on brings. */
export function consentSummary(notify: NotifyStore, audience: Audience, whenOff: string): string {
  const left = notify
    .templatesFor(audience)
    .filter((t) => notify.creditsOf(t) > 0)
    .map((t) => `${notify.creditsOf(t)} 条${t.title}`);
  return left.length > 0 ? `已开启微信通知：还可接收 ${left.join('、')}` : whenOff;
}

/**
 * Taps 「开启微信通知」: WeChat's consent dialog opens at once (nothing awaited before it), then a toast says what
 * came of it.
 */
export function useAskConsent(audience: Audience) {
  const { notify } = useStores();
  return () =>
    void notify
      .askConsent(audience)
      .then((outcome) => Taro.showToast({ title: outcome.message, icon: 'none', duration: 2500 }));
}

/**
 * A small card at a client's moments to hear back (joined a case, acknowledged or confirmed something, wrote a
 * request): whether WeChat notifications are on and how many remain, and the button that allows one more.
 * Hidden where this deployment sends nothing outside the app. (Lawyers use 通知设置.)
 */
export const NotifyPrompt = observer(function NotifyPrompt() {
  const { notify } = useStores();
  const ask = useAskConsent('client');
  useEffect(() => void notify.ensureLoaded(), [notify]);

  if (!notify.enabled || notify.templatesFor('client').length === 0) return null;
  const on = notify.remaining('client') > 0;
  return (
    <View className="notify-prompt" id="notify-prompt" data-on={on ? 'true' : 'false'}>
      <Text className="notify-prompt__status" id="notify-prompt-status">
        {consentSummary(notify, 'client', CLIENT_OFF)}
      </Text>
      <Text className="notify-prompt__hint">每点一次并允许，可多接收一条通知。</Text>
      {notify.settings!.mode === 'demo' ? (
        <Text
          className="notify-prompt__hint link"
          id="notify-preview-link"
          onClick={() => Taro.navigateTo({ url: routes.messagePreview() })}
        >
          演示：通知不发到微信，记录在「消息预览」中 ›
        </Text>
      ) : null}
      <Button
        id="notify-consent-button"
        size="small"
        type={on ? 'plain' : 'primary'}
        loading={notify.asking}
        onClick={ask}
      >
        开启微信通知
      </Button>
    </View>
  );
});
