import type { CaseDetail, CaseSummary, TimelineEntry, UpdateDetail } from '@contract/index';
import { fakeApi, fail } from './fake-api.test-helper';
import { RootStore } from './root-store';

const summary = (id: string, unread: number): CaseSummary => ({
  id,
  title: `案件 ${id}`,
  caseType: '民事',
  caseNumber: null,
  currentStage: { index: 1, name: '立案' },
  stageCount: 6,
  myRole: 'client',
  lawyerNames: ['张律师'],
  unread,
  waiting: 0,
  lastActivityAt: '2025-03-08T06:00:00Z',
});

const detail = (id: string): CaseDetail => ({
  ...summary(id, 1),
  court: null,
  opposingParty: null,
  createdAt: '2025-03-01T00:00:00Z',
  stages: [],
  members: [],
});

const entry = (updateId: string, read: boolean): TimelineEntry => ({
  updateId,
  versionNo: 1,
  title: '已立案',
  excerpt: '法院已受理',
  publishedAt: '2025-03-08T06:00:00Z',
  versionAt: '2025-03-08T06:00:00Z',
  corrected: false,
  stageChange: null,
  authorName: '张律师',
  read,
});

const update = (id: string, caseId: string): UpdateDetail => ({
  id,
  caseId,
  caseTitle: `案件 ${caseId}`,
  versions: [],
  corrected: false,
  myReadAt: null,
});

describe('stores', () => {
  it('clears the unread marks on the timeline and the home page when a client reads an update', async () => {
    const { api, calls } = fakeApi({
      'case.list': () => ({ cases: [summary('case-0001', 2), summary('case-0002', 1)], nextCursor: null }),
      'case.get': ({ caseId }) => detail(caseId as string),
      'case.timeline': () => ({
        entries: [entry('upd-0001', false), entry('upd-0002', false)],
        nextCursor: null,
      }),
      'update.get': ({ updateId }) => update(updateId as string, 'case-0001'),
      'update.markRead': () => ({ versionNo: 1, readAt: '2025-03-08T07:00:00Z' }),
    });
    const root = new RootStore({ api });
    await root.cases.load();
    await root.caseDetails.load('case-0001');
    await root.updates.load('upd-0001');

    await root.updates.markRead('upd-0001');

    expect(root.updates.detail('upd-0001')?.myReadAt).toBe('2025-03-08T07:00:00Z');
    expect(root.caseDetails.timeline('case-0001')?.entries.map((e) => e.read)).toEqual([true, false]);
    expect(root.cases.cases.map((c) => c.unread)).toEqual([1, 1]);
    expect(root.cases.totalUnread).toBe(2);
    expect(calls.find((c) => c.action === 'update.markRead')?.payload).toEqual({ updateId: 'upd-0001' });

    // Reading the same update again does not count twice.
    await root.updates.markRead('upd-0001');
    expect(root.cases.cases[0].unread).toBe(1);
  });

  it('keeps a failed load as an error state with the Chinese message', async () => {
    const { api } = fakeApi({
      'case.get': () => {
        throw fail('NOT_FOUND');
      },
      'case.timeline': () => ({ entries: [], nextCursor: null }),
    });
    const root = new RootStore({ api });
    await root.caseDetails.load('case-9999');
    expect(root.caseDetails.state('case-9999')).toMatchObject({
      status: 'error',
      error: { code: 'NOT_FOUND', message: '内容不存在或您无权查看' },
    });
    expect(root.caseDetails.detail('case-9999')).toBeUndefined();
  });

  it('puts a newly created case at the top of the list and rejects with field issues otherwise', async () => {
    let refuse = false;
    const { api } = fakeApi({
      'case.list': () => ({ cases: [summary('case-0001', 0)], nextCursor: null }),
      'case.create': ({ title }) => {
        if (refuse) throw fail('LAWYER.PROFILE_REQUIRED');
        return { ...detail('case-0003'), title: title as string };
      },
    });
    const root = new RootStore({ api });
    await root.cases.load();
    await root.cases.create({ title: '新案件', caseType: '劳动' });
    expect(root.cases.cases.map((c) => c.id)).toEqual(['case-0003', 'case-0001']);
    expect(root.cases.cases[0]).not.toHaveProperty('members');

    refuse = true;
    await expect(root.cases.create({ title: '另一个', caseType: '劳动' })).rejects.toMatchObject({
      code: 'LAWYER.PROFILE_REQUIRED',
    });
    expect(root.cases.cases).toHaveLength(2);
  });

  it('appends the next timeline page without duplicates', async () => {
    const { api, calls } = fakeApi({
      'case.get': ({ caseId }) => detail(caseId as string),
      'case.timeline': ({ cursor }) =>
        cursor
          ? { entries: [entry('upd-0002', true), entry('upd-0003', true)], nextCursor: null }
          : { entries: [entry('upd-0001', true), entry('upd-0002', true)], nextCursor: 'c2' },
    });
    const root = new RootStore({ api });
    await root.caseDetails.load('case-0001');
    await root.caseDetails.loadMore('case-0001');
    expect(root.caseDetails.timeline('case-0001')?.entries.map((e) => e.updateId)).toEqual([
      'upd-0001',
      'upd-0002',
      'upd-0003',
    ]);
    expect(
      calls.filter((c) => c.action === 'case.timeline').map((c) => (c.payload as { cursor?: string }).cursor),
    ).toEqual([undefined, 'c2']);
    await root.caseDetails.loadMore('case-0001'); // no further page: no request
    expect(calls.filter((c) => c.action === 'case.timeline')).toHaveLength(2);
  });

  it('normalizes a typed invite code before redeeming it', async () => {
    const { api, calls } = fakeApi({ 'invite.redeem': () => ({ kind: 'client', caseId: 'case-0001' }) });
    const root = new RootStore({ api });
    await expect(root.invites.redeem('  abcd efgh  ')).resolves.toEqual({
      kind: 'client',
      caseId: 'case-0001',
    });
    expect(calls[0].payload).toEqual({ code: 'ABCD-EFGH' });
  });

  it('forgets the previous user on reset', async () => {
    const { api } = fakeApi({
      'session.me': () => ({
        userId: 'u1',
        displayName: '李女士',
        isAdmin: false,
        isLawyer: false,
        profile: null,
      }),
      'case.list': () => ({ cases: [summary('case-0001', 1)], nextCursor: null }),
    });
    const root = new RootStore({ api });
    await Promise.all([root.session.load(), root.cases.load()]);
    root.reset();
    expect(root.session.me).toBeNull();
    expect(root.cases.cases).toEqual([]);
    expect(root.cases.status).toBe('idle');
  });
});

describe('case list paging', () => {
  const ids = (root: RootStore) => root.cases.cases.map((c) => c.id);
  const listCalls = (calls: { action: string; payload: unknown }[]) =>
    calls.filter((c) => c.action === 'case.list').map((c) => c.payload);

  /** Two pages by default; `pages` can be changed between reads to simulate new activity. */
  function pagedList(pages: Record<string, { ids: string[]; next: string | null }>) {
    const { api, calls } = fakeApi({
      'case.list': ({ cursor }) => {
        const page = pages[(cursor as string | undefined) ?? 'first'];
        return { cases: page.ids.map((id) => summary(id, 0)), nextCursor: page.next };
      },
    });
    return { root: new RootStore({ api }), calls };
  }

  const twoPages = () => ({
    first: { ids: ['case-0001', 'case-0002'], next: 'c2' },
    c2: { ids: ['case-0002', 'case-0003'], next: null },
  });

  it('shows the first page and remembers where the next one starts', async () => {
    const { root, calls } = pagedList(twoPages());
    await root.cases.load();
    expect(ids(root)).toEqual(['case-0001', 'case-0002']);
    expect(root.cases.hasMore).toBe(true);
    expect(listCalls(calls)).toEqual([{}]);
  });

  it('appends the next page with its cursor and skips a case already shown', async () => {
    const { root, calls } = pagedList(twoPages());
    await root.cases.load();
    await root.cases.loadMore();
    expect(ids(root)).toEqual(['case-0001', 'case-0002', 'case-0003']);
    expect(listCalls(calls)).toEqual([{}, { cursor: 'c2' }]);
    expect(root.cases.hasMore).toBe(false);
    expect(root.cases.loadingMore).toBe(false);
  });

  it('asks for nothing more once the last page is in', async () => {
    const { root, calls } = pagedList({ first: { ids: ['case-0001'], next: null } });
    await root.cases.load();
    expect(root.cases.hasMore).toBe(false);
    await root.cases.loadMore();
    expect(listCalls(calls)).toHaveLength(1);
  });

  it('asks for nothing before the first page is in', async () => {
    const { root, calls } = pagedList(twoPages());
    await root.cases.loadMore();
    expect(listCalls(calls)).toHaveLength(0);
  });

  it('makes one request when the bottom is reached twice while a page is on its way', async () => {
    const { root, calls } = pagedList(twoPages());
    await root.cases.load();
    const first = root.cases.loadMore();
    expect(root.cases.loadingMore).toBe(true);
    await Promise.all([first, root.cases.loadMore()]);
    expect(listCalls(calls)).toEqual([{}, { cursor: 'c2' }]);
    expect(ids(root)).toEqual(['case-0001', 'case-0002', 'case-0003']);
  });

  it('starts over from the first page on refresh', async () => {
    const { root, calls } = pagedList(twoPages());
    await root.cases.load();
    await root.cases.loadMore();
    await root.cases.load();
    expect(ids(root)).toEqual(['case-0001', 'case-0002']);
    expect(root.cases.hasMore).toBe(true);
    await root.cases.loadMore();
    expect(listCalls(calls)).toEqual([{}, { cursor: 'c2' }, {}, { cursor: 'c2' }]);
  });

  it('drops a page that arrives after the list was refreshed', async () => {
    let answerLatePage: () => void = () => {};
    const { api } = fakeApi({
      'case.list': ({ cursor }) =>
        cursor
          ? new Promise((resolve) => {
              answerLatePage = () => resolve({ cases: [summary('case-0003', 0)], nextCursor: null });
            })
          : { cases: [summary('case-0001', 0), summary('case-0002', 0)], nextCursor: 'c2' },
    });
    const root = new RootStore({ api });
    await root.cases.load();
    const late = root.cases.loadMore();
    await root.cases.load();
    answerLatePage();
    await late;
    expect(ids(root)).toEqual(['case-0001', 'case-0002']);
    expect(root.cases.hasMore).toBe(true);
    expect(root.cases.loadingMore).toBe(false);
  });

  it('keeps the pages further down when the user comes back to the list', async () => {
    const pages = {
      first: { ids: ['case-0001', 'case-0002'], next: 'c2' },
      c2: { ids: ['case-0003', 'case-0004'], next: 'c3' },
      c3: { ids: ['case-0005'], next: null },
    };
    const { root, calls } = pagedList(pages);
    await root.cases.load();
    await root.cases.loadMore();

    // New activity on case-0004 moves it to the top and pushes case-0002 off the first page.
    pages.first = { ids: ['case-0004', 'case-0001'], next: 'c2-new' };
    await root.cases.refreshFirstPage();
    expect(ids(root)).toEqual(['case-0004', 'case-0001', 'case-0002', 'case-0003']);

    await root.cases.loadMore();
    expect(ids(root)).toEqual(['case-0004', 'case-0001', 'case-0002', 'case-0003', 'case-0005']);
    expect(listCalls(calls)).toEqual([{}, { cursor: 'c2' }, {}, { cursor: 'c3' }]);
  });

  it('keeps the list and its cursor when a page fails, so it can be tried again', async () => {
    let down = false;
    const { api, calls } = fakeApi({
      'case.list': ({ cursor }) => {
        if (cursor && down) throw fail('INTERNAL');
        return cursor
          ? { cases: [summary('case-0002', 0)], nextCursor: null }
          : { cases: [summary('case-0001', 0)], nextCursor: 'c2' };
      },
    });
    const root = new RootStore({ api });
    await root.cases.load();
    down = true;
    await expect(root.cases.loadMore()).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(root.cases.cases.map((c) => c.id)).toEqual(['case-0001']);
    expect(root.cases.loadingMore).toBe(false);
    expect(root.cases.hasMore).toBe(true);

    down = false;
    await root.cases.loadMore();
    expect(root.cases.cases.map((c) => c.id)).toEqual(['case-0001', 'case-0002']);
    expect(calls.filter((c) => c.action === 'case.list')).toHaveLength(3);
  });

  it('forgets the cursor on reset', async () => {
    const { root } = pagedList(twoPages());
    await root.cases.load();
    root.reset();
    expect(root.cases.hasMore).toBe(false);
    expect(root.cases.pagesLoaded).toBe(0);
  });
});
