import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { clearSessionToken, readSessionToken } from '@/api/session-token';
import { pageUrl, routes } from './routes';

/** The page the user is on now, with its query, as a URL we can come back to. */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return routes.home();
  return pageUrl(router.path, router.params as Record<string, string | undefined>);
}

/** H5 visitors without a session go to the login page, which brings them back here afterwards. */
export function redirectToLogin(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  const here = currentPageUrl();
  if (here.startsWith('/pages/login/')) return;
  clearSessionToken();
  Taro.redirectTo({ url: routes.login(here) });
}

/**
 * Whether the page may talk to the API. On weapp identity is automatic; on H5 it needs a session token,
 * and without one the page is replaced by the login page.
 */
export function useSignedIn(): boolean {
  const signedIn = process.env.TARO_ENV !== 'h5' || readSessionToken() != null;
  useEffect(() => {
    if (!signedIn) redirectToLogin();
  }, [signedIn]);
  return signedIn;
}
