import type { Receipt, StatementDetail, StatementSummary } from '@contract/index';
import { fakeApi, fail } from './fake-api.test-helper';
import { RootStore } from './root-store';

const content = {
  title: '关于本案预期与风险的告知',
  intro: null,
  sections: {
    worstCase: [{ id: 'it-worst-1', text: '法院可能驳回全部诉讼请求', basis: null }],
    weWill: [{ id: 'it-will-1', text: '按时提交证据', basis: null }],
    weCannot: [],
    youMust: [{ id: 'it-must-1', text: '三日内提供借条原件', basis: null }],
  },
};

const detail = (versionNo: number, myReceipt: Receipt | null = null): StatementDetail => ({
  id: 'st-0001',
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  current: {
    versionNo,
    publishedAt: '2025-03-08T06:00:00Z',
    publishedByName: '张律师',
    changeNote: null,
    contentHash: 'ab12cd34ef56'.padEnd(64, '0'),
    promiseWarnings: [],
    content,
  },
  versions: [],
  myReceipt,
  changesSinceMyAck: null,
  questions: [],
});

const summary = (versionNo: number): StatementSummary => ({
  id: 'st-0001',
  caseId: 'case-0001',
  caseTitle: '李女士诉某科技公司民间借贷纠纷',
  title: content.title,
  versionNo,
  publishedAt: '2025-03-08T06:00:00Z',
  hasDraft: false,
  myState: 'unread',
  myReceipt: null,
  openQuestions: 0,
});

const receipt = (versionNo: number): Receipt => ({
  acknowledgmentId: `ack-${versionNo}`,
  statementId: 'st-0001',
  userId: 'u-client',
  displayName: '李女士',
  versionNo,
  acknowledgedAt: '2025-03-08T07:00:00Z',
  contentHash: 'ab12cd34ef56'.padEnd(64, '0'),
  chain: null,
});

describe('statement store', () => {
  it('moves an acknowledged statement from pending to acknowledged everywhere it is shown', async () => {
    const { api, calls } = fakeApi({
      'statement.get': () => detail(1),
      'statement.list': () => ({ statements: [summary(1)] }),
      'statement.mine': () => ({ pending: [summary(1)], acknowledged: [] }),
      'statement.markViewed': () => ({ versionNo: 1, viewedAt: '2025-03-08T06:30:00Z' }),
      'statement.acknowledge': ({ versionNo }) => receipt(versionNo as number),
    });
    const root = new RootStore({ api });
    await Promise.all([
      root.statements.load('st-0001'),
      root.statements.loadList('case-0001'),
      root.statements.loadMine(),
    ]);
    expect(root.statements.pendingCount).toBe(1);

    await root.statements.markViewed('st-0001', 1);
    expect(root.statements.list('case-0001')?.[0].myState).toBe('viewed');

    await root.statements.acknowledge('st-0001', 1, ['it-worst-1', 'it-will-1', 'it-must-1']);
    expect(root.statements.detail('st-0001')?.myReceipt?.versionNo).toBe(1);
    expect(root.statements.list('case-0001')?.[0]).toMatchObject({
      myState: 'acknowledged',
      myReceipt: { versionNo: 1 },
    });
    expect(root.statements.pendingCount).toBe(0);
    expect(root.statements.mine?.acknowledged.map((s) => s.id)).toEqual(['st-0001']);
    expect(calls.find((c) => c.action === 'statement.acknowledge')?.payload).toEqual({
      statementId: 'st-0001',
      versionNo: 1,
      itemIds: ['it-worst-1', 'it-will-1', 'it-must-1'],
    });
  });

  it('sends one acknowledgment for a double tap and reuses the requestId on retry', async () => {
    let release: () => void = () => undefined;
    let networkDown = false;
    const { api, calls } = fakeApi({
      'statement.acknowledge': async () => {
        if (networkDown) throw new Error('offline');
        await new Promise<void>((resolve) => (release = resolve));
        return receipt(1);
      },
    });
    const root = new RootStore({ api });
    const first = root.statements.acknowledge('st-0001', 1, ['a'], { requestId: 'req-1' });
    const second = root.statements.acknowledge('st-0001', 1, ['a'], { requestId: 'req-1' });
    expect(second).toBe(first);
    await Promise.resolve();
    release();
    await expect(first).resolves.toMatchObject({ versionNo: 1 });
    expect(calls.filter((c) => c.action === 'statement.acknowledge')).toHaveLength(1);

    // Once settled, a new call goes out again (it is the caller who keeps the requestId for a retry).
    networkDown = true;
    await expect(
      root.statements.acknowledge('st-0001', 1, ['a'], { requestId: 'req-2' }),
    ).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(calls.slice(1).map((c) => c.requestId)).toEqual(['req-2', 'req-2', 'req-2']);
  });

  it('keeps the current receipt when an older version is acknowledged late, and reports SUPERSEDED', async () => {
    const { api } = fakeApi({
      'statement.get': () => detail(2, receipt(1)),
      'statement.acknowledge': () => {
        throw fail('STATEMENT.SUPERSEDED');
      },
    });
    const root = new RootStore({ api });
    await root.statements.load('st-0001');
    await expect(root.statements.acknowledge('st-0001', 1, ['a'])).rejects.toMatchObject({
      code: 'STATEMENT.SUPERSEDED',
      message: '该告知书已修订，请查看最新版本后再提交知悉回执',
    });
    expect(root.statements.detail('st-0001')?.myReceipt?.versionNo).toBe(1);
  });

  it('adds a question under its statement and replaces it with the answer, counting open questions down', async () => {
    const question = {
      id: 'q-1',
      versionNo: 1,
      itemId: 'it-will-1',
      itemText: '按时提交证据',
      askedBy: 'u-client',
      askedByName: '李女士',
      question: '证据要交几份？',
      askedAt: '2025-03-08T07:00:00Z',
      answer: null,
    };
    const { api } = fakeApi({
      'statement.get': () => detail(1),
      'statement.list': () => ({ statements: [{ ...summary(1), openQuestions: 1 }] }),
      'statement.ask': () => question,
      'statement.answer': ({ answer }) => ({
        ...question,
        answer: { text: answer, answeredByName: '张律师', answeredAt: '2025-03-08T08:00:00Z' },
      }),
    });
    const root = new RootStore({ api });
    await Promise.all([root.statements.load('st-0001'), root.statements.loadList('case-0001')]);
    await root.statements.ask('st-0001', 1, 'it-will-1', '证据要交几份？');
    expect(root.statements.detail('st-0001')?.questions).toHaveLength(1);
    await root.statements.answer('q-1', '一式三份');
    expect(root.statements.detail('st-0001')?.questions[0].answer?.text).toBe('一式三份');
    expect(root.statements.list('case-0001')?.[0].openQuestions).toBe(0);
  });

  it('forgets statements on reset', async () => {
    const { api } = fakeApi({ 'statement.mine': () => ({ pending: [summary(1)], acknowledged: [] }) });
    const root = new RootStore({ api });
    await root.statements.loadMine();
    root.reset();
    expect(root.statements.mine).toBeNull();
    expect(root.statements.pendingCount).toBe(0);
  });
});
