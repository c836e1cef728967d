import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ACCOUNT_DELETE_CONFIRMATION, type PrivacyStatus } from '@contract/privacy';
import { forgetConsent } from '@/api/privacy-gate';
import { BackBar } from '@/components/back-bar';
import { clearSessionToken } from '@/api/session-token';
import { Button, Card, Field, FormError } from '@/components';
import { describeOutcome, saveTextFile } from '@/evidence/save-file';
import { toastFailure } from '@/feedback/toast';
import { useSubmission } from '@/feedback/use-submission';
import { useSignedIn } from '@/navigation/auth-guard';
import { PRIVACY_PAGE } from '@/navigation/privacy-redirect';
import { routes } from '@/navigation/routes';
import { useStores } from '@/stores';
import { formatExactTime } from '@/time/format-time';
import { DELETION_KEEPS, DELETION_REMOVES } from '../deletion-text';
import '../account.scss';

/** After withdrawing or deleting, the app stops: no session, no consent on this device, back to the start. */
function stopProcessing(reset: () => void) {
  forgetConsent();
  clearSessionToken();
  reset();
  void Taro.reLaunch({
    url: process.env.TARO_ENV === 'h5' ? routes.login() : `${PRIVACY_PAGE}?consent=1`,
  });
}

/** 个人信息与隐私: where a person reads the notice, downloads their data, withdraws consent, or deletes the account. */
export default function MyDataPage() {
  const signedIn = useSignedIn();
  const stores = useStores();
  const { api } = stores;
  const [status, setStatus] = useState<PrivacyStatus | null>(null);
  const [exporting, setExporting] = useState(false);
  const [typed, setTyped] = useState('');
  const deletion = useSubmission({
    values: { confirm: typed },
    validate: (v): Record<string, string> =>
      v.confirm.trim() === ACCOUNT_DELETE_CONFIRMATION
        ? {}
        : { confirm: `请输入「${ACCOUNT_DELETE_CONFIRMATION}」以继续` },
  });

  useLoad(() => {
    if (signedIn) api.call('privacy.status', {}).then(setStatus, toastFailure);
  });

  const download = async () => {
    setExporting(true);
    try {
      const data = await api.call('account.export', {});
      const text = JSON.stringify(data, null, 2);
      const day = data.exportedAt.slice(0, 10);
      const outcome = await saveTextFile(
        { name: `律程-我的数据-${day}.json`, text, mime: 'application/json' },
        { fallback: { text, what: '我的数据（JSON）' } },
      );
      Taro.showToast({ ...describeOutcome(outcome), duration: 2500 });
    } catch (error) {
      toastFailure(error);
    } finally {
      setExporting(false);
    }
  };

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回同意',
      content: '撤回后将退出登录，律程不再处理您的信息，直到您重新同意。已保存的案件记录不受影响。',
      confirmText: '撤回',
    });
    if (!confirm) return;
    try {
      await api.call('privacy.withdraw', {});
      stopProcessing(() => stores.reset());
    } catch (error) {
      toastFailure(error);
    }
  };

  const deleteAccount = async () => {
    if (!deletion.check()) return;
    await deletion.run(
      (options) => api.call('account.delete', { confirm: ACCOUNT_DELETE_CONFIRMATION }, options),
      {
        onSuccess: () => {
          Taro.showToast({ title: '账号已注销', icon: 'success' });
          stopProcessing(() => stores.reset());
        },
      },
    );
  };

  if (!signedIn) return null;
  return (
    <View className="page my-data" id="my-data">
      <BackBar />
      <Card>
        <Text className="section-title">隐私保护指引</Text>
        <Text className="my-data__line" id="consent-line">
          {status == null
            ? '正在读取…'
            : status.consentedVersion
              ? `您于 ${formatExactTime(status.consentedAt!)} 同意了版本 ${status.consentedVersion}。`
              : '您尚未同意当前版本。'}
        </Text>
        <Text id="read-notice" className="link" onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}>
          阅读《律程用户隐私保护指引》 ›
        </Text>
      </Card>

      <Card>
        <Text className="section-title">下载我的数据</Text>
        <Text className="my-data__line">
          一份 JSON 文件：您的账号、同意记录、参与的案件，以及您写下的内容和提交的回执（含当时记录的设备信息和 IP 地址）。
        </Text>
        <Button id="download-my-data" type="primary" block loading={exporting} onClick={() => void download()}>
          下载我的数据
        </Button>
      </Card>

      <Card>
        <Text className="section-title">撤回同意</Text>
        <Text className="my-data__line">撤回后律程停止处理您的信息并退出登录；下次使用时会重新征求您的同意。</Text>
        <Button id="withdraw-consent" block onClick={() => void withdraw()}>
          撤回同意
        </Button>
      </Card>

      <Card>
        <Text className="section-title">注销账号</Text>
        <Text className="my-data__line">注销后将删除：</Text>
        <View className="my-data__list" id="deletion-removes">
          {DELETION_REMOVES.map((line) => (
            <Text key={line} className="my-data__item">
              · {line}
            </Text>
          ))}
        </View>
        <Text className="my-data__line">以下内容由律师事务所依法保存，不会删除：</Text>
        <View className="my-data__list" id="deletion-keeps">
          {DELETION_KEEPS.map((line) => (
            <Text key={line} className="my-data__item">
              · {line}
            </Text>
          ))}
        </View>
        <Field
          id="delete-confirm"
          label={`请输入「${ACCOUNT_DELETE_CONFIRMATION}」以继续`}
          value={typed}
          onChange={setTyped}
          maxLength={10}
          error={deletion.errors.confirm}
        />
        <FormError>{deletion.errors['']}</FormError>
        <Button
          id="delete-account"
          type="danger"
          block
          loading={deletion.busy}
          disabled={typed.trim() !== ACCOUNT_DELETE_CONFIRMATION}
          onClick={() => void deleteAccount()}
        >
          注销账号
        </Button>
      </Card>
    </View>
  );
}
