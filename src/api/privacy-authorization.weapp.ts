import Taro from '@tarojs/taro';
import { PRIVACY_PAGE } from '@/navigation/privacy-redirect';

export const AGREE_BUTTON_ID = 'privacy-agree';

type Resolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;
let pending: Resolve | null = null;

/**
 * With `__usePrivacyCheck__`, a privacy API (e.g. setClipboardData) waits while WeChat asks whether the person
 * agrees. We answer with our own page: the notice, and a 同意 button of open-type agreePrivacyAuthorization.
 */
export function listenForPrivacyAuthorization(): void {
  if (!Taro.canIUse('onNeedPrivacyAuthorization')) return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Resolve;
    void Taro.navigateTo({ url: `${PRIVACY_PAGE}?authorize=1` });
  });
}

export function authorizationPending(): boolean {
  return pending != null;
}

/** Lets the waiting privacy API go on (agree, after the open-type button was tapped) or fail (disagree). */
export function answerAuthorization(agree: boolean): void {
  const resolve = pending;
  pending = null;
  resolve?.(agree ? { buttonId: AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' });
}
