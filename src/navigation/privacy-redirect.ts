import Taro from '@tarojs/taro';
import { currentPageUrl } from './auth-guard';

/** The notice page (account subpackage); with `consent=1` it asks for agreement, with `authorize=1` WeChat does. */
export const PRIVACY_PAGE = '/account/privacy/index';
export const MY_DATA_PAGE = '/account/data/index';

let redirecting = false;

/** Replaces the current page by the consent page, which brings the person back here once they agree. */
export function redirectToConsent(): void {
  const here = currentPageUrl();
  if (here.startsWith(PRIVACY_PAGE) || redirecting) return;
  // Several calls of one page fail together; one redirect is enough.
  redirecting = true;
  setTimeout(() => {
    redirecting = false;
  }, 1000);
  void Taro.redirectTo({ url: `${PRIVACY_PAGE}?consent=1&redirect=${encodeURIComponent(here)}` });
}
