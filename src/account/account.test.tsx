import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ACCOUNT_DELETE_CONFIRMATION } from '@contract/privacy';
import { PRIVACY_NOTICE_VERSION } from '@contract/privacy-version';
import { agreedOnThisDevice, rememberConsent, withPrivacyGate } from '@/api/privacy-gate';
import { saveSessionToken } from '@/api/session-token';
import type { ApiRequest, ApiResponse } from '@contract/envelope';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi, fail } from '@/stores/fake-api.test-helper';
import Taro from '@tarojs/taro';
import { taroMock } from '../../tests/mocks/taro';
import MyDataPage from './data/index';
import PrivacyNoticePage from './privacy/index';

const STATUS = {
  currentVersion: PRIVACY_NOTICE_VERSION,
  consentedVersion: PRIVACY_NOTICE_VERSION,
  consentedAt: '2026-11-29T01:00:00.000Z',
  withdrawnAt: null,
  needsConsent: false,
};

function renderPage(page: JSX.Element, handlers: Parameters<typeof fakeApi>[0]) {
  const { api, calls } = fakeApi(handlers);
  render(<StoresProvider store={new RootStore({ api })}>{page}</StoresProvider>);
  return calls;
}

describe('the consent gate', () => {
  const request = (action: string) => ({ action, payload: {}, requestId: 'req-00000001' });
  const answering = (ok: boolean) =>
    jest.fn(async (_request: ApiRequest): Promise<ApiResponse<unknown>> =>
      ok
        ? { ok: true, data: {} }
        : { ok: false, error: { code: 'PRIVACY.CONSENT_REQUIRED', message: '请先同意' } },
    );

  it('sends nothing about the person before they agree, and asks for consent instead', async () => {
    const transport = answering(true);
    const onConsentNeeded = jest.fn();
    const gated = withPrivacyGate(transport, onConsentNeeded);

    const refused = await gated(request('session.me'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRIVACY.CONSENT_REQUIRED' } });
    expect(transport).not.toHaveBeenCalled();
    expect(onConsentNeeded).toHaveBeenCalledTimes(1);

    // Agreeing itself goes through; after it, everything does.
    await gated(request('privacy.consent'));
    rememberConsent();
    await gated(request('session.me'));
    expect(transport.mock.calls.map(([r]) => r.action)).toEqual(['privacy.consent', 'session.me']);
  });

  it('forgets this device’s consent when the server says it is needed (withdrawn elsewhere, newer notice)', async () => {
    rememberConsent();
    const onConsentNeeded = jest.fn();
    await withPrivacyGate(answering(false), onConsentNeeded)(request('request.create'));
    expect(agreedOnThisDevice()).toBe(false);
    expect(onConsentNeeded).toHaveBeenCalledTimes(1);
  });

  it('asks again when the notice version changes', () => {
    taroMock.storage.set('casetrail.privacy', '2025-01-01');
    expect(agreedOnThisDevice()).toBe(false);
  });
});

describe('the privacy notice page', () => {
  it('records consent when the person agrees, and returns them where the gate stopped them', async () => {
    taroMock.openPage(
      `/account/privacy/index?consent=1&redirect=${encodeURIComponent('/pages/case/index?id=c1')}`,
    );
    const calls = renderPage(<PrivacyNoticePage />, { 'privacy.consent': () => STATUS });
    expect(screen.getByText(`版本 ${PRIVACY_NOTICE_VERSION}`, { exact: false })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText('同意并继续')));
    await waitFor(() => expect(taroMock.route.path).toBe('/pages/case/index'));
    expect(calls.map((c) => c.payload)).toEqual([{ version: PRIVACY_NOTICE_VERSION }]);
    expect(agreedOnThisDevice()).toBe(true);
  });

  it('sends nothing when the person does not agree, and says what that means', async () => {
    taroMock.openPage('/account/privacy/index?consent=1');
    const calls = renderPage(<PrivacyNoticePage />, {});
    await act(async () => fireEvent.click(screen.getByText('不同意')));
    expect(screen.getByText(/律程不会收集或发送您的任何信息/)).toBeTruthy();
    expect(calls).toEqual([]);
    expect(agreedOnThisDevice()).toBe(false);
  });

  it('is only the text when opened to read it', () => {
    taroMock.openPage('/account/privacy/index');
    renderPage(<PrivacyNoticePage />, {});
    expect(screen.queryByText('同意并继续')).toBeNull();
    expect(screen.getByText('四、您的权利和行使方式')).toBeTruthy();
  });
});

describe('deleting an account', () => {
  beforeEach(() => {
    taroMock.openPage('/account/data/index');
    rememberConsent();
    saveSessionToken('token-1');
  });

  it('says what is kept and why, and deletes only after the confirmation is typed', async () => {
    const calls = renderPage(<MyDataPage />, {
      'privacy.status': () => STATUS,
      'account.delete': () => ({ deletedAt: '2026-11-29T02:00:00.000Z' }),
    });
    expect(screen.getByText(/以下内容由律师事务所依法保存/)).toBeTruthy();
    expect(screen.getByText(/修改会使核验失败，因此原样保留/)).toBeTruthy();

    const input = document.querySelector('#delete-confirm input, input#delete-confirm') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '删除' } });
    await act(async () => fireEvent.click(screen.getByText('注销账号', { selector: '#delete-account *' })));
    expect(calls.filter((c) => c.action === 'account.delete')).toEqual([]);

    fireEvent.input(input, { target: { value: ACCOUNT_DELETE_CONFIRMATION } });
    await act(async () => fireEvent.click(screen.getByText('注销账号', { selector: '#delete-account *' })));
    await waitFor(() => expect(taroMock.route.path).toBe('/account/privacy/index'));
    expect(calls.find((c) => c.action === 'account.delete')?.payload).toEqual({
      confirm: ACCOUNT_DELETE_CONFIRMATION,
    });
    expect(agreedOnThisDevice()).toBe(false);
    expect(taroMock.storage.has('casetrail.token')).toBe(false);
  });

  it('shows the server’s reason when a lawyer still holds cases, and stays signed in', async () => {
    renderPage(<MyDataPage />, {
      'privacy.status': () => STATUS,
      'account.delete': () => {
        throw fail('ACCOUNT.LAWYER_HAS_CASES');
      },
    });
    const input = document.querySelector('#delete-confirm input, input#delete-confirm') as HTMLInputElement;
    fireEvent.input(input, { target: { value: ACCOUNT_DELETE_CONFIRMATION } });
    await act(async () => fireEvent.click(screen.getByText('注销账号', { selector: '#delete-account *' })));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: expect.stringContaining('请先由律所将案件转交其他律师') }),
      ),
    );
    expect(taroMock.route.path).toBe('/account/data/index');
    expect(agreedOnThisDevice()).toBe(true);
  });

  it('withdraws consent: the app stops and will ask again', async () => {
    const calls = renderPage(<MyDataPage />, {
      'privacy.status': () => STATUS,
      'privacy.withdraw': () => ({ ...STATUS, consentedVersion: null, needsConsent: true }),
    });
    await act(async () => fireEvent.click(screen.getByText('撤回同意', { selector: '#withdraw-consent *' })));
    await waitFor(() => expect(taroMock.route.params).toEqual({ consent: '1' }));
    expect(calls.map((c) => c.action)).toContain('privacy.withdraw');
    expect(agreedOnThisDevice()).toBe(false);
  });
});
