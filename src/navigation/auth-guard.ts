import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { Me } from '@contract/index';
import { clearSessionToken, readSessionToken } from '@/api/session-token';
import { useStores } from '@/stores';
import { pageUrl, routes } from './routes';

/** Who may open a page: everyone signed in, lawyers, the firm admin, or clients (people who are not lawyers). */
export type PageAudience = 'anyone' | 'lawyer' | 'admin' | 'client';

/**
 * The audience of a page by its path. The server refuses what a role may not do anyway; this keeps a person
 * from filling in a form that can only be refused (a client on the lawyer's publish form).
 */
export function pageAudience(path: string): PageAudience {
  const page = path.replace(/^\//, '').split('?')[0];
  if (page.startsWith('lawyer/admin/')) return 'admin';
  if (page.startsWith('lawyer/')) return 'lawyer';
  if (page.startsWith('comm/request-new/')) return 'client';
  return 'anyone';
}

/** Null when `me` may open the page; otherwise the plain message to show while leaving it. */
export function refusalFor(audience: PageAudience, me: Pick<Me, 'isLawyer' | 'isAdmin'>): string | null {
  switch (audience) {
    case 'anyone':
      return null;
    case 'lawyer':
      return me.isLawyer ? null : '该页面仅律师可用';
    case 'admin':
      return me.isAdmin ? null : '该页面仅管理员可用';
    case 'client':
      return me.isLawyer ? '该页面仅客户可用' : null;
  }
}

/** Leaves a page that is not for this person: back where they came from, or to the home page. */
function leaveRefusedPage(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routes.home() });
}

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
 * and without one the page is replaced by the login page. A page for another role (pageAudience) is left with
 * a plain message as soon as the session is known.
 */
export function useSignedIn(): boolean {
  const signedIn = process.env.TARO_ENV !== 'h5' || readSessionToken() != null;
  const { session } = useStores();
  const path = Taro.getCurrentInstance().router?.path ?? '';
  const audience = pageAudience(path);
  const me = session.me;
  const refusal = me ? refusalFor(audience, me) : null;
  useEffect(() => {
    if (!signedIn) redirectToLogin();
    else if (audience !== 'anyone') void session.ensureLoaded();
  }, [signedIn, audience, session]);
  useEffect(() => {
    if (refusal) leaveRefusedPage(refusal);
  }, [refusal]);
  return signedIn && refusal == null;
}

/**
 * Whether the page may show what it is for: a page for anyone may at once; a page for one role only once the
 * session says this person has it. Until then the page shows its placeholder, so a client who opens a lawyer's
 * link never sees the form she is about to be sent away from (useSignedIn sends her away).
 */
export function useRoleConfirmed(): boolean {
  const { session } = useStores();
  const audience = pageAudience(Taro.getCurrentInstance().router?.path ?? '');
  if (audience === 'anyone') return true;
  const me = session.me;
  return me != null && refusalFor(audience, me) == null;
}
