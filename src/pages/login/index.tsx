import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LIMITS } from '@contract/limits';
import { devLogin, fetchDevPersonas, type DevPersona } from '@/api/dev-login';
import { BackBar } from '@/components/back-bar';
import { saveSessionToken } from '@/api/session-token';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field } from '@/components/field';
import { Skeleton } from '@/components/skeleton';
import { PrivacyConsentCheck } from '@/components/privacy-consent-check';
import { rememberConsent } from '@/api/privacy-gate';
import { PRIVACY_NOTICE_VERSION } from '@contract/privacy-version';
import { safeRedirect } from '@/navigation/routes';
import { useStores } from '@/stores';
import './index.scss';

const ROLE_LABELS: Record<string, string> = { admin: '律所管理员', lawyer: '律师', client: '客户' };

type Availability = 'loading' | 'available' | 'unavailable';

/** H5 sign-in. Only the dev server offers it; in WeChat, identity comes from the platform. */
export default function LoginPage() {
  const { params } = useRouter();
  const stores = useStores();
  const [availability, setAvailability] = useState<Availability>(
    process.env.TARO_ENV === 'h5' ? 'loading' : 'unavailable',
  );
  const [personas, setPersonas] = useState<DevPersona[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const target = safeRedirect(params.redirect ? decodeURIComponent(params.redirect) : undefined);

  useLoad(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    fetchDevPersonas()
      .then((list) => {
        if (list.available) setPersonas(list.personas);
        setAvailability(list.available ? 'available' : 'unavailable');
      })
      .catch(() => setAvailability('unavailable'));
  });

  const signIn = async (persona: string, newName?: string) => {
    // Nothing about the person is sent before they agree to the privacy notice.
    if (!agreed) {
      Taro.showToast({ title: '请先阅读并勾选同意《律程用户隐私保护指引》', icon: 'none' });
      return;
    }
    setBusy(persona);
    try {
      const token = await devLogin(persona, newName);
      saveSessionToken(token);
      await stores.api.call('privacy.consent', { version: PRIVACY_NOTICE_VERSION });
      rememberConsent();
      stores.reset();
      Taro.reLaunch({ url: target });
    } catch {
      Taro.showToast({ title: '登录失败，请稍后重试', icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="page login-page">
      <BackBar />
      <View className="login-page__brand">
        <Text className="login-page__logo">律程</Text>
        <Text className="muted">案件进展，书面告知，有据可查</Text>
      </View>

      {availability === 'loading' ? <Skeleton rows={3} /> : null}

      {availability === 'unavailable' ? (
        <Card id="login-unavailable">
          <Text className="login-page__notice">网页版暂不提供登录，请在微信中打开「律程」小程序使用。</Text>
        </Card>
      ) : null}

      {/* H5 only: in the weapp build this block, its consent check and dev sign-in are dead code. */}
      {process.env.TARO_ENV === 'h5' && availability === 'available' ? (
        <View>
          <PrivacyConsentCheck checked={agreed} onChange={setAgreed} />
          <Text className="section-title">开发环境 · 选择身份</Text>
          <Card>
            {personas.map((p) => (
              <View
                key={p.key}
                id={`login-persona-${p.key}`}
                className="login-page__persona"
                hoverClass="login-page__persona--hover"
                onClick={() => void signIn(p.key)}
              >
                <Avatar name={p.displayName} />
                <View className="login-page__persona-text">
                  <Text className="login-page__persona-name">{p.displayName}</Text>
                  <Text className="muted">{ROLE_LABELS[p.role] ?? p.role}</Text>
                </View>
                <Text className="link">{busy === p.key ? '登录中…' : '登录 ›'}</Text>
              </View>
            ))}
          </Card>
          <Text className="section-title">新客户</Text>
          <Card>
            <Field
              id="new-client-name"
              label="您的姓名"
              value={name}
              onChange={setName}
              maxLength={LIMITS.personName}
              placeholder="例如 王先生"
            />
            <Button
              id="login-new-client"
              type="primary"
              block
              loading={busy === 'new'}
              disabled={!name.trim()}
              onClick={() => void signIn('new', name.trim())}
            >
              以新客户身份登录
            </Button>
          </Card>
        </View>
      ) : null}
    </View>
  );
}
