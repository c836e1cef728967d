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
  const CLIENT_PREVIEW = {
    kind: 'client',
    caseTitle: '李女士诉某公司民间借贷纠纷',
    inviterName: '张律师',
    firm: '示例律师事务所',
    intendedName: '李女士',
    expiresAt: '2026-03-04T00:00:00.000Z',
    redeemedByYou: false,
  };

  function renderJoin(handlers: {
    preview?: (payload: Record<string, unknown>) => unknown;
    redeem?: (payload: Record<string, unknown>) => unknown;
  }) {
    const { api, calls } = fakeApi({
      'invite.preview': handlers.preview ?? (() => CLIENT_PREVIEW),
      'invite.redeem': handlers.redeem ?? (() => ({ kind: 'client', caseId: 'case-0001', pending: false })),
      'case.list': () => ({ cases: [] }),
      'session.me': () => ({
        userId: 'u1',
        displayName: '微信用户',
        isLawyer: false,
        isAdmin: false,
        profile: null,
      }),
    });
    render(
      <StoresProvider store={new RootStore({ api })}>
        <JoinPage />
      </StoresProvider>,
    );
    return calls;
  }

  it('shows the case title and the lawyer from the link before anything is joined', async () => {
    taroMock.openPage('/pages/join/index?code=ABCD-EFGH');
    const calls = renderJoin({});
    expect(await screen.findByText('李女士诉某公司民间借贷纠纷')).toBeTruthy();
    expect(screen.getByText('张律师（示例律师事务所）')).toBeTruthy();
    expect(screen.getByText('加入案件', { selector: '#join-title' })).toBeTruthy();
    expect(calls.map((c) => c.action)).not.toContain('invite.redeem');
    expect(calls.find((c) => c.action === 'invite.preview')?.payload).toEqual({ code: 'ABCD-EFGH' });
  });

  it('joins only on 加入案件, then opens the case', async () => {
    taroMock.openPage('/pages/join/index?code=ABCD-EFGH');
    const calls = renderJoin({});
    await screen.findByText('李女士诉某公司民间借贷纠纷');
    await act(async () => fireEvent.click(screen.getByText('加入案件', { selector: '#join-submit *' })));
    await waitFor(() => expect(taroMock.route.path).toBe('/pages/case/index'));
    expect(taroMock.route.params).toEqual({ id: 'case-0001', joined: '1' });
    expect(calls.find((c) => c.action === 'invite.redeem')?.payload).toEqual({ code: 'ABCD-EFGH' });
  });

  it('shows why a used invite cannot be used, under the field, and joins nothing', async () => {
    taroMock.openPage('/pages/join/index?code=USED-CODE');
    const calls = renderJoin({
      preview: () => {
        throw fail('INVITE.USED');
      },
    });
    expect(await screen.findByText(/该邀请已被使用，请联系律师重新邀请/)).toBeTruthy();
    expect(screen.getByText('如需帮助，请直接联系您的承办律师。')).toBeTruthy();
    expect(taroMock.route.path).toBe('/pages/join/index');
    expect(calls.map((c) => c.action)).not.toContain('invite.redeem');
  });

  it('titles a lawyer invite as an enrolment and says it waits for the admin', async () => {
    taroMock.openPage('/pages/join/index?code=LAWY-ER00');
    renderJoin({
      preview: () => ({
        ...CLIENT_PREVIEW,
        kind: 'lawyer',
        caseTitle: null,
        inviterName: '王主任',
        intendedName: '赵律师',
      }),
      redeem: () => ({ kind: 'lawyer', caseId: null, pending: true }),
    });
    expect(await screen.findByText('律师入驻', { selector: '#join-title' })).toBeTruthy();
    expect(screen.queryByText('加入案件')).toBeNull();
    await act(async () => fireEvent.click(screen.getByText('申请入驻', { selector: '#join-submit *' })));
    expect(await screen.findByText('已提交，等待管理员核准')).toBeTruthy();
  });
});
