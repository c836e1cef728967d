import type { VerifyReport } from '@contract/index';
import { fakeApi, fail } from './fake-api.test-helper';
import { RootStore } from './root-store';

const HEAD = 'ab12cd34'.padEnd(64, 'e');

const intact = (seal: VerifyReport['seal'] = null): VerifyReport => ({
  valid: true,
  events: 11,
  headHash: HEAD,
  brokenAt: null,
  findings: [],
  findingCount: 0,
  checkedAt: '2025-03-08T07:00:00Z',
  seal,
});

const sealed = {
  firmSeq: 3,
  sealedAt: '2025-03-08T07:01:00Z',
  caseSeq: 11,
  caseHead: HEAD,
  behind: false,
  timestamp: null,
};

const noTsa = {
  appended: 2,
  firmSeq: 3,
  firmHead: 'f'.repeat(64),
  timestamp: null,
  timestampError: '未配置可信时间戳服务（TSA）',
};

describe('evidence store', () => {
  it('keeps the report of a case whose record is intact, with its head and no findings', async () => {
    const { api, calls } = fakeApi({ 'case.verifyLog': () => intact() });
    const root = new RootStore({ api });
    const pending = root.evidence.verify('case-0001');
    expect(root.evidence.state('case-0001').status).toBe('loading');
    await pending;
    expect(root.evidence.state('case-0001').status).toBe('ready');
    expect(root.evidence.report('case-0001')).toMatchObject({ valid: true, events: 11, headHash: HEAD });
    expect(calls.map((c) => c.payload)).toEqual([{ caseId: 'case-0001' }]);
  });

  it('keeps every finding the server names, down to table, row and field', async () => {
    const finding = {
      code: 'FIELD_CHANGED',
      table: 'record_responses',
      row: 'ack-1',
      field: 'responded_at',
      message: '知悉回执的时间与写入它的记录不符',
    };
    const { api } = fakeApi({
      'case.verifyLog': () => ({ ...intact(), valid: false, findings: [finding], findingCount: 1 }),
    });
    const root = new RootStore({ api });
    await root.evidence.verify('case-0001');
    expect(root.evidence.report('case-0001')?.findings).toEqual([finding]);
  });

  it('shows the contract’s message when a non-member asks, and keeps no report', async () => {
    const { api } = fakeApi({
      'case.verifyLog': () => {
        throw fail('NOT_FOUND');
      },
    });
    const root = new RootStore({ api });
    await expect(root.evidence.verify('case-0001')).resolves.toBeUndefined();
    expect(root.evidence.state('case-0001')).toMatchObject({
      status: 'error',
      error: { code: 'NOT_FOUND' },
    });
    expect(root.evidence.state('case-0001').error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(root.evidence.report('case-0001')).toBeUndefined();
  });

  it('seals, says no trusted timestamp was taken, and checks the case again to show the seal', async () => {
    let sealedYet = false;
    const { api, calls } = fakeApi({
      'evidence.seal': () => {
        sealedYet = true;
        return noTsa;
      },
      'case.verifyLog': () => intact(sealedYet ? sealed : null),
    });
    const root = new RootStore({ api });
    await root.evidence.verify('case-0001');
    expect(root.evidence.report('case-0001')?.seal).toBeNull();

    const outcome = await root.evidence.seal('case-0001', { requestId: 'req-seal-1' });
    expect(outcome.timestamp).toBeNull();
    expect(outcome.timestampError).toBe('未配置可信时间戳服务（TSA）');
    expect(root.evidence.lastSeal('case-0001')).toEqual(noTsa);
    expect(root.evidence.report('case-0001')?.seal).toMatchObject({ firmSeq: 3, timestamp: null });
    expect(calls.map((c) => c.action)).toEqual(['case.verifyLog', 'evidence.seal', 'case.verifyLog']);
    expect(calls[1]).toMatchObject({ payload: {}, requestId: 'req-seal-1' });
  });

  it('reports a refused seal (a client) as a failure and keeps the seal state as it was', async () => {
    const { api } = fakeApi({
      'evidence.seal': () => {
        throw fail('FORBIDDEN');
      },
    });
    const root = new RootStore({ api });
    await expect(root.evidence.seal('case-0001')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(root.evidence.lastSeal('case-0001')).toBeUndefined();
  });

  it('exports once for both saves, and asks again after a failure or a seal', async () => {
    let down = true;
    const exported = { fileName: '书面记录汇编-民间借贷纠纷-20250308', html: '<html></html>', bundle: '{}' };
    const { api, calls } = fakeApi({
      'case.export': () => {
        if (down) throw fail('INTERNAL');
        return exported;
      },
      'evidence.seal': () => noTsa,
      'case.verifyLog': () => intact(sealed),
    });
    const root = new RootStore({ api });
    await expect(root.evidence.exportCase('case-0001')).rejects.toMatchObject({ code: 'INTERNAL' });

    down = false;
    const [html, json] = await Promise.all([
      root.evidence.exportCase('case-0001'),
      root.evidence.exportCase('case-0001'),
    ]);
    expect(html).toBe(json);
    await root.evidence.exportCase('case-0001');
    const exports = () => calls.filter((c) => c.action === 'case.export').length;
    expect(exports()).toBe(2);

    await root.evidence.seal('case-0001');
    await root.evidence.exportCase('case-0001');
    expect(exports()).toBe(3);
    root.evidence.forgetExport('case-0001');
    await root.evidence.exportCase('case-0001');
    expect(exports()).toBe(4);
  });

  it('forgets reports and seals on reset', async () => {
    const { api } = fakeApi({ 'case.verifyLog': () => intact(), 'evidence.seal': () => noTsa });
    const root = new RootStore({ api });
    await root.evidence.seal('case-0001');
    root.reset();
    expect(root.evidence.report('case-0001')).toBeUndefined();
    expect(root.evidence.lastSeal('case-0001')).toBeUndefined();
    expect(root.evidence.state('case-0001').status).toBe('idle');
  });
});
