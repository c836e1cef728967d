import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '@contract/errors';
import { ApiFailure } from '@/api';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi, fail } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import JoinPage from './index';
import { joinFailureView } from './join-messages';

describe('joinFailureView', () => {
  it.each([
    ['INVITE.USED', ERROR_MESSAGES['INVITE.USED'], false],
    ['INVITE.EXPIRED', ERROR_MESSAGES['INVITE.EXPIRED'], false],
    ['INVITE.NOT_FOUND', ERROR_MESSAGES['INVITE.NOT_FOUND'], true],
  ] as const)('explains %s in Chinese', (code, message, retryable) => {
    const view = joinFailureView(new ApiFailure(code));
    expect(view.message.startsWith(message)).toBe(true);
    expect(view.retryable).toBe(retryable);
    expect(view.alreadyMember).toBe(false);
  });

  it('sends members who are already in the case to their case list', () => {
    expect(joinFailureView(new ApiFailure('INVITE.ALREADY_MEMBER')).alreadyMember).toBe(true);
  });

  it('shows a generic message for unexpected errors', () => {
    expect(joinFailureView(new Error('boom')).message).toBe(ERROR_MESSAGES.INTERNAL);
  });
});

describe('join page', () => {
  function renderJoin(redeem: (payload: Record<string, unknown>) => unknown) {
    const { api, calls } = fakeApi({
      'invite.redeem': redeem,
      'case.list': () => ({ cases: [] }),
    });
    render(
      <StoresProvider store={new RootStore({ api })}>
        <JoinPage />
      </StoresProvider>,
    );
    return calls;
  }

  it('takes the code from the link, redeems it and opens the case', async () => {
    taroMock.openPage('/pages/join/index?code=ABCD-EFGH');
    const calls = renderJoin(() => ({ kind: 'client', caseId: 'case-0001' }));
    await act(async () => fireEvent.click(screen.getByText('加入案件', { selector: '#join-submit *' })));
    await waitFor(() => expect(taroMock.route.path).toBe('/pages/case/index'));
    expect(taroMock.route.params).toEqual({ id: 'case-0001', joined: '1' });
    expect(calls.find((c) => c.action === 'invite.redeem')?.payload).toEqual({ code: 'ABCD-EFGH' });
  });

  it('shows why a used invite cannot be redeemed, under the field, and stays on the page', async () => {
    taroMock.openPage('/pages/join/index?code=USED-CODE');
    renderJoin(() => {
      throw fail('INVITE.USED');
    });
    await act(async () => fireEvent.click(screen.getByText('加入案件', { selector: '#join-submit *' })));
    expect(await screen.findByText(/该邀请已被使用，请联系律师重新邀请/)).toBeTruthy();
    expect(screen.getByText('如需帮助，请直接联系您的承办律师。')).toBeTruthy();
    expect(taroMock.route.path).toBe('/pages/join/index');
  });
});
