import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CaseSummary } from '@contract/index';
import { LIMITS } from '@contract/limits';
import { firstReads, readKey } from '@/boot/first-reads';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import Taro from '@tarojs/taro';
import { readSessionToken, saveSessionToken } from '@/api/session-token';
import { taroMock } from '../../../tests/mocks/taro';
import HomePage from './index';

const summary = (n: number): CaseSummary => ({
  id: `case-${String(n).padStart(4, '0')}`,
  title: `案件 ${n}`,
  caseType: '民事',
  caseNumber: null,
  currentStage: { index: 0, name: '咨询' },
  stageCount: 6,
  myRole: 'lawyer',
  lawyerNames: ['张律师'],
  unread: 0,
  waiting: 0,
  lastActivityAt: '2025-03-08T06:00:00Z',
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => summary(from + i));

function renderHome(pages: Record<string, { cases: CaseSummary[]; nextCursor: string | null }>) {
  const { api, calls } = fakeApi({
    'session.me': () => ({
      userId: 'u1',
      displayName: '张律师',
      isAdmin: false,
      isLawyer: true,
      profile: { name: '张律师', firm: '某某律师事务所', licenseNo: '1', phone: null, quietHours: null },
    }),
    'case.list': ({ cursor }) => pages[(cursor as string | undefined) ?? 'first'],
  });
  render(
    <StoresProvider store={new RootStore({ api })}>
      <HomePage />
    </StoresProvider>,
  );
  const listCalls = () => calls.filter((c) => c.action === 'case.list').map((c) => c.payload);
  return { listCalls, calls };
}

const cards = () => document.querySelectorAll('.case-card');

describe('home page', () => {
  it('opens with the reads the H5 boot script sends ahead (firstReads), so each early answer is taken', async () => {
    const { calls } = renderHome({ first: { cases: range(1, 3), nextCursor: null } });
    await waitFor(() => expect(cards()).toHaveLength(3));
    const made = calls.map((call) => readKey(call.action, call.payload));
    for (const read of firstReads('')) expect(made).toContain(readKey(read.action, read.payload));
  });

  it('shows a short list without any footer', async () => {
    renderHome({ first: { cases: range(1, 3), nextCursor: null } });
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.getByText(/承办的案件（3）/)).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.queryByText(/已显示全部|没有更多/)).toBeNull();
  });

  it('marks each case with something new and says how much waits, in words', async () => {
    renderHome({
      first: {
        cases: [{ ...summary(1), waiting: 3 }, { ...summary(2), unread: 1, waiting: 1 }, summary(3)],
        nextCursor: null,
      },
    });
    await waitFor(() => expect(cards()).toHaveLength(3));
    const news = (n: number) =>
      document.querySelector(`#case-card-case-000${n} .case-card__unread`)?.textContent;
    const marked = (n: number) => document.querySelector(`#case-card-case-000${n} .ct-badge`) != null;
    expect([news(1), marked(1)]).toEqual(['3 条新消息', true]);
    expect([news(2), marked(2)]).toEqual(['1 条新消息 · 1 条新进展未读', true]);
    expect([news(3), marked(3)]).toEqual([undefined, false]);
  });

  it('loads the next page from the footer and then says that all are shown', async () => {
    const { listCalls } = renderHome({
      first: { cases: range(1, LIMITS.pageSize), nextCursor: 'c2' },
      c2: { cases: range(LIMITS.pageSize + 1, 10), nextCursor: null },
    });
    await waitFor(() => expect(cards()).toHaveLength(LIMITS.pageSize));
    expect(screen.getByText(`承办的案件（${LIMITS.pageSize}+）`)).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByText('加载更多')));
    await waitFor(() => expect(cards()).toHaveLength(LIMITS.pageSize + 10));
    expect(listCalls()).toEqual([{}, { cursor: 'c2' }]);
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText(`已显示全部 ${LIMITS.pageSize + 10} 个案件`)).toBeTruthy();
  });

  it('keeps the pages already loaded when the user comes back from a case', async () => {
    const pages = {
      first: { cases: range(1, LIMITS.pageSize), nextCursor: 'c2' as string | null },
      c2: { cases: range(LIMITS.pageSize + 1, 10), nextCursor: null },
    };
    renderHome(pages);
    await waitFor(() => expect(cards()).toHaveLength(LIMITS.pageSize));
    await act(async () => fireEvent.click(screen.getByText('加载更多')));
    await waitFor(() => expect(cards()).toHaveLength(LIMITS.pageSize + 10));

    // Meanwhile a new case was created elsewhere: it heads the first page.
    pages.first = { cases: [summary(999), ...range(1, LIMITS.pageSize - 1)], nextCursor: 'c2-new' };
    await act(async () => taroMock.show());
    await waitFor(() => expect(document.querySelector('#case-card-case-0999')).toBeTruthy());
    expect(cards()).toHaveLength(LIMITS.pageSize + 11);
  });
});

describe('home page for people who are not clients, and signing out', () => {
  const person = (over: Record<string, unknown>) => ({
    userId: 'u9',
    displayName: '王主任',
    isAdmin: false,
    isLawyer: false,
    profile: null,
    ...over,
  });
  const mineOf = (n: number) => ({ pending: [], acknowledged: Array.from({ length: n }, () => ({})) });

  function renderAs(me: Record<string, unknown>, cases: CaseSummary[], mine = mineOf(0)) {
    const { api, calls } = fakeApi({
      'session.me': () => me,
      'case.list': () => ({ cases, nextCursor: null }),
      'statement.mine': () => mine,
      'workbench.get': () => ({}),
    });
    const store = new RootStore({ api });
    render(
      <StoresProvider store={store}>
        <HomePage />
      </StoresProvider>,
    );
    return { calls, store };
  }

  beforeEach(() => taroMock.reset());

  it('does not show 我的告知书 to an admin who is a client of no case', async () => {
    const { calls } = renderAs(person({ isAdmin: true }), []);
    await waitFor(() => expect(calls.some((c) => c.action === 'statement.mine')).toBe(true));
    await waitFor(() => expect(screen.getByText('律所管理')).toBeTruthy());
    expect(document.getElementById('my-statements-entry')).toBeNull();
  });

  it('shows 我的告知书 to a client of a case', async () => {
    renderAs(person({ displayName: '李女士' }), [{ ...summary(1), myRole: 'client' }]);
    await waitFor(() => expect(document.getElementById('my-statements-entry')).toBeTruthy());
  });

  describe('on H5', () => {
    const env = process.env.TARO_ENV;
    const realFetch = global.fetch;
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
      global.fetch = jest.fn(async () => new Response(null, { status: 204 })) as typeof fetch;
      saveSessionToken('token-of-new-client');
    });
    afterEach(() => {
      process.env.TARO_ENV = env;
      global.fetch = realFetch;
    });

    it('退出登录 takes a new client straight to the login page, signed out, with no second redirect', async () => {
      const { store } = renderAs(person({ displayName: '新客户' }), []);
      await waitFor(() => expect(screen.getByText('暂无案件')).toBeTruthy());
      // In the H5 router reLaunch takes effect a moment later (history), not within the call.
      const reLaunch = Taro.reLaunch as unknown as jest.Mock;
      const now = reLaunch.getMockImplementation()!;
      reLaunch.mockImplementationOnce(async (options: unknown) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return now(options);
      });
      await act(async () => fireEvent.click(screen.getByText('退出登录')));
      await waitFor(() => expect(taroMock.route.path).toBe('/pages/login/index'));
      expect(taroMock.stack).toHaveLength(1);
      expect(taroMock.route.params.redirect).toBeUndefined();
      expect(Taro.redirectTo).not.toHaveBeenCalled();
      expect(readSessionToken()).toBeNull();
      expect(store.session.me).toBeNull();
    });
  });
});
