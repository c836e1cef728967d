import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import type { CaseDetail } from '@contract/index';
import { Badge } from '@/components/badge';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';

/** Two rows of the case header: the case's notices (with what is unseen) and the person's 通知设置 (on or off). */
export const NotifyEntries = observer(function NotifyEntries({ detail }: { detail: CaseDetail }) {
  const { notify } = useStores();
  useEffect(() => void notify.ensureLoaded(), [notify]);
  const audience = detail.myRole === 'lawyer' ? 'lawyer' : 'client';
  const setting = !notify.settings
    ? ''
    : !notify.enabled
      ? '未启用'
      : notify.remaining(audience) > 0
        ? '已开启'
        : '未开启';
  return (
    <>
      <View
        className="case-page__fact"
        id="notices-entry"
        role="button"
        data-unseen={detail.waiting}
        onClick={() => Taro.navigateTo({ url: routes.notices(detail.id) })}
      >
        <Text className="case-page__fact-label">通知</Text>
        <Text className="link">{detail.waiting > 0 ? `${detail.waiting} 条未看 ›` : '查看 ›'}</Text>
        <Badge dot={detail.waiting > 0} />
      </View>
      <View
        className="case-page__fact"
        id="notify-settings-entry"
        role="button"
        onClick={() => Taro.navigateTo({ url: routes.notifySettings() })}
      >
        <Text className="case-page__fact-label">通知设置</Text>
        <Text className="link" id="notify-settings-state">
          {setting} ›
        </Text>
      </View>
    </>
  );
});
