/**
 * Where the H5 app keeps the session token and the privacy consent on the device (Taro's storage: localStorage
 * items whose value is `{"data": …}` as JSON). The boot script (src/boot/prefetch.boot.ts) reads them before the
 * app has loaded, so they live here, apart from Taro.
 */
export const TOKEN_KEY = 'casetrail.token';
export const CONSENT_KEY = 'casetrail.privacy';
