import Taro from '@tarojs/taro';
import { apiError } from '@contract/errors';
import { PRIVACY_NOTICE_VERSION } from '@contract/privacy-version';
import { readSessionToken } from './session-token';
import { CONSENT_KEY } from './storage-keys';
import type { Transport } from './transport';

/** Whether this device holds the person's agreement to the notice in force (the server keeps the record). */
export function agreedOnThisDevice(): boolean {
  try {
    return Taro.getStorageSync(CONSENT_KEY) === PRIVACY_NOTICE_VERSION;
  } catch {
    return false;
  }
}

export function rememberConsent(): void {
  Taro.setStorageSync(CONSENT_KEY, PRIVACY_NOTICE_VERSION);
}

export function forgetConsent(): void {
  Taro.removeStorageSync(CONSENT_KEY);
}

/** What may be sent before agreeing: asking where one stands, and agreeing. */
const BEFORE_CONSENT = ['privacy.status', 'privacy.consent'];

/**
 * Holds every call back until the person has agreed to the privacy notice in force, so nothing about them
 * reaches the server first (on weapp every call carries their WeChat identity). A signed-out H5 visitor goes
 * through: the server answers UNAUTHENTICATED and the login page asks for consent before signing in. When the
 * server says consent is needed (withdrawn elsewhere, or a newer notice), the device forgets its copy.
 */
export function withPrivacyGate(transport: Transport, onConsentNeeded: () => void): Transport {
  return async (request) => {
    const signedOutH5 = process.env.TARO_ENV === 'h5' && readSessionToken() == null;
    if (!BEFORE_CONSENT.includes(request.action) && !signedOutH5 && !agreedOnThisDevice()) {
      onConsentNeeded();
      return { ok: false, error: apiError('PRIVACY.CONSENT_REQUIRED') };
    }
    const response = await transport(request);
    if (!response.ok && response.error.code === 'PRIVACY.CONSENT_REQUIRED') {
      forgetConsent();
      onConsentNeeded();
    }
    return response;
  };
}
