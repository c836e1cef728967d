import { firstReads, readKey } from './first-reads';

describe('firstReads', () => {
  it('lists the home page reads for no address and for the home page', () => {
    for (const hash of ['', '#/', '#/pages/index/index', '#/pages/index/index?from=share']) {
      expect(firstReads(hash).map((read) => read.action)).toEqual(['session.me', 'case.list']);
    }
  });

  it('lists the case page reads for the case in the address', () => {
    const reads = firstReads('#/pages/case/index?id=case-0001&joined=1');
    expect(reads.map((read) => read.action)).toEqual([
      'case.get',
      'case.timeline',
      'statement.list',
      'memo.list',
      'task.list',
      'request.list',
      'notification.settings',
    ]);
    expect(reads[0].payload).toEqual({ caseId: 'case-0001' });
  });

  it('sends nothing ahead for a case page without a case, or any other page', () => {
    expect(firstReads('#/pages/case/index')).toEqual([]);
    expect(firstReads('#/pages/login/index?redirect=%2Fpages%2Findex%2Findex')).toEqual([]);
    expect(firstReads('#/lawyer/publish/index?caseId=c-1')).toEqual([]);
  });
});

describe('readKey', () => {
  it('is the same whatever the order of the payload fields, and differs with any value', () => {
    expect(readKey('memo.list', { caseId: 'c', cursor: null })).toBe(
      readKey('memo.list', { cursor: null, caseId: 'c' }),
    );
    expect(readKey('memo.list', { caseId: 'c', cursor: null })).not.toBe(
      readKey('memo.list', { caseId: 'c' }),
    );
    expect(readKey('memo.list', { caseId: 'c' })).not.toBe(readKey('task.list', { caseId: 'c' }));
    expect(readKey('case.get', { caseId: 'a' })).not.toBe(readKey('case.get', { caseId: 'b' }));
  });
});
