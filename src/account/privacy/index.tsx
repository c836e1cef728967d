import { Button as NativeButton, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PRIVACY_NOTICE_VERSION } from '@contract/privacy-version';
import { AGREE_BUTTON_ID, answerAuthorization, authorizationPending } from '@/api/privacy-authorization';
import { BackBar } from '@/components/back-bar';
import { agreedOnThisDevice, rememberConsent } from '@/api/privacy-gate';
import { readSessionToken } from '@/api/session-token';
import { Button } from '@/components';
import { toastFailure } from '@/feedback/toast';
import { routes, safeRedirect } from '@/navigation/routes';
import { useStores } from '@/stores';
import { NoticeText } from '../notice-text';
import '../account.scss';

/** Where agreeing leaves the person: back where the gate stopped them, else the page they came from. */
function leave(redirect: string | undefined) {
  if (redirect) {
    void Taro.reLaunch({ url: safeRedirect(decodeURIComponent(redirect)) });
    return;
  }
  // Opened as the first page (nothing to go back to): start at home.
  Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.home() }));
}

/**
 * The privacy notice. Opened from the login page or 个人信息与隐私 it is just the text; opened by the consent gate
 * (`consent=1`) or by WeChat's privacy check (`authorize=1`) it ends in 同意 / 不同意. On weapp 同意 is a button
 * of open-type agreePrivacyAuthorization, so one tap answers both us and WeChat.
 */
export default function PrivacyNoticePage() {
  const { params } = useRouter();
  const { api } = useStores();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(false);
  const asking = params.consent === '1' || params.authorize === '1' || authorizationPending();

  const agree = async () => {
    setBusy(true);
    try {
      // A signed-out H5 visitor agrees on the login page, where the server learns who they are.
      const canRecord = process.env.TARO_ENV !== 'h5' || readSessionToken() != null;
      if (canRecord && !agreedOnThisDevice()) {
        await api.call('privacy.consent', { version: PRIVACY_NOTICE_VERSION });
        rememberConsent();
      }
      answerAuthorization(true);
      leave(params.redirect);
    } catch (error) {
      toastFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const disagree = () => {
    answerAuthorization(false);
    setRefused(true);
  };

  return (
    <View className="page">
      <BackBar />
      <NoticeText />
      {asking ? (
        <View className="consent-bar" id="consent-bar">
          {refused ? (
            <Text className="consent-bar__refused" id="consent-refused">
              不同意本指引时，律程不会收集或发送您的任何信息，也因此无法为您提供服务。您可以随时回到这里阅读并同意。
            </Text>
          ) : null}
          {process.env.TARO_ENV === 'weapp' ? (
            <NativeButton
              id={AGREE_BUTTON_ID}
              className="consent-bar__native"
              openType="agreePrivacyAuthorization"
              loading={busy}
              onAgreePrivacyAuthorization={() => void agree()}
            >
              同意并继续
            </NativeButton>
          ) : (
            <Button id={AGREE_BUTTON_ID} type="primary" block loading={busy} onClick={() => void agree()}>
              同意并继续
            </Button>
          )}
          <Button id="privacy-disagree" type="plain" block disabled={busy} onClick={disagree}>
            不同意
          </Button>
        </View>
      ) : null}
    </View>
  );
}
