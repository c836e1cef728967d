import { act, render, screen, waitFor } from '@testing-library/react';
import type { CaseDetail } from '@contract/index';
import { firstReads, readKey } from '@/boot/first-reads';
import { RootStore, StoresProvider } from '@/stores';
import { fakeApi } from '@/stores/fake-api.test-helper';
import { taroMock } from '../../../tests/mocks/taro';
import CasePage from './index';

const DETAIL: CaseDetail = {
  id: 'case-0001',
  title: '李女士诉某公司民间借贷纠纷',
  caseType: '民事',
  caseNumber: null,
  currentStage: { index: 0, name: '咨询' },
  stageCount: 1,
  myRole: 'client',
  lawyerNames: ['张律师'],
  unread: 0,
  waiting: 0,
  lastActivityAt: '2026-03-01T00:00:00Z',
  court: null,
  opposingParty: null,
  createdAt: '2026-03-01T00:00:00Z',
  stages: [{ index: 0, name: '咨询', description: '了解案情', status: 'current' }],
  members: [
    { userId: 'l1', displayName: '张律师', role: 'lawyer', joinedAt: '2026-03-01T00:00:00Z' },
    { userId: 'c1', displayName: '李女士', role: 'client', joinedAt: '2026-03-01T00:00:00Z' },
  ],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  taroMock.reset();
  taroMock.openPage('/pages/case/index?id=case-0001');
});

describe('case page layout (no shift when the lists arrive)', () => {
  it('holds the lower sections behind a placeholder until memos, tasks, requests and statements have answered', async () => {
    const memos = deferred<{ memos: [] }>();
    const { api } = fakeApi({
      'session.me': () => ({
        userId: 'c1',
        displayName: '李女士',
        isAdmin: false,
        isLawyer: false,
        profile: null,
      }),
      'case.get': () => DETAIL,
      'case.timeline': () => ({ entries: [], nextCursor: null }),
      'statement.list': () => ({ statements: [] }),
      'memo.list': () => memos.promise,
      'task.list': () => ({ tasks: [] }),
      'request.list': () => ({ requests: [] }),
    });
    render(
      <StoresProvider store={new RootStore({ api })}>
        <CasePage />
      </StoresProvider>,
    );
    // The header is in; the cards below it are not laid out yet, a placeholder holds their place.
    await waitFor(() => expect(document.getElementById('case-title')).toBeTruthy());
    expect(document.getElementById('case-sections-loading')).toBeTruthy();
    expect(document.getElementById('statement-section')).toBeNull();
    expect(screen.queryByText('案件阶段')).toBeNull();
    expect(screen.queryByText('案件进展')).toBeNull();

    await act(async () => memos.resolve({ memos: [] }));
    await waitFor(() => expect(document.getElementById('statement-section')).toBeTruthy());
    expect(screen.getByText('案件阶段')).toBeTruthy();
    expect(screen.getByText('案件进展')).toBeTruthy();
    expect(document.getElementById('case-sections-loading')).toBeNull();
  });

  it('lays the sections out when a list fails instead of waiting for ever', async () => {
    const { api } = fakeApi({
      'session.me': () => ({
        userId: 'c1',
        displayName: '李女士',
        isAdmin: false,
        isLawyer: false,
        profile: null,
      }),
      'case.get': () => DETAIL,
      'case.timeline': () => ({ entries: [], nextCursor: null }),
      // statement.list, memo.list, task.list and request.list are not answered: UNKNOWN_ACTION.
    });
    render(
      <StoresProvider store={new RootStore({ api })}>
        <CasePage />
      </StoresProvider>,
    );
    await waitFor(() => expect(screen.getByText('案件进展')).toBeTruthy());
    expect(document.getElementById('case-sections-loading')).toBeNull();
  });
});

describe('case page reads (what the H5 boot script sends ahead)', () => {
  it('makes exactly the reads firstReads lists for its address, so each early answer is taken', async () => {
    const { api, calls } = fakeApi({
      'case.get': () => DETAIL,
      'case.timeline': () => ({ entries: [], nextCursor: null }),
      'statement.list': () => ({ statements: [] }),
      'memo.list': () => ({ memos: [], nextCursor: null }),
      'task.list': () => ({ tasks: [], nextCursor: null }),
      'request.list': () => ({ requests: [], nextCursor: null }),
      'notification.settings': () => ({ mode: 'off', templates: [], credits: {} }),
    });
    render(
      <StoresProvider store={new RootStore({ api })}>
        <CasePage />
      </StoresProvider>,
    );
    await waitFor(() => expect(document.getElementById('statement-section')).toBeTruthy());
    const made = calls.map((call) => readKey(call.action, call.payload)).sort();
    const listed = firstReads('#/pages/case/index?id=case-0001')
      .map((read) => readKey(read.action, read.payload))
      .sort();
    expect(made).toEqual(listed);
  });
});
