import type { MemoContent } from '../../contract/memos';
import {
  changesMeasuredFrom,
  diffMemos,
  isInFuture,
  memoContentKey,
  memoContentOf,
  memoPromiseWarnings,
  memoStanding,
  resolutionsOf,
  unanswerableDisputes,
} from './memos.rules';

const memo = (overrides: Partial<MemoContent> = {}): MemoContent => ({
  communicatedAt: '2026-03-01T06:30:00.000Z',
  channel: 'phone',
  participants: ['张律师', '李女士'],
  matters: [{ id: 'm1', text: '证据' }],
  conclusions: [
    { id: 'c1', text: '周五前提供借条' },
    { id: 'c2', text: '暂不申请保全' },
  ],
  followUp: null,
  resolves: [],
  ...overrides,
});

const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('memoContentOf', () => {
  it('keeps given ids, gives new and repeated points fresh ones, and stores the instant in UTC', () => {
    const content = memoContentOf(
      {
        communicatedAt: '2026-03-01T14:30:00+08:00',
        channel: 'inPerson',
        participants: ['张律师'],
        matters: [{ id: 'm1', text: 'a' }, { text: 'b' }],
        conclusions: [
          { id: 'm1', text: 'c' },
          { id: null, text: 'd' },
        ],
        followUp: null,
      },
      counter(),
      ['d1'],
    );
    expect(content.communicatedAt).toBe('2026-03-01T06:30:00.000Z');
    expect(content.matters.map((p) => p.id)).toEqual(['m1', 'new-1']);
    expect(content.conclusions.map((p) => p.id)).toEqual(['new-2', 'new-3']);
    expect(content.resolves).toEqual(['d1']);
  });
});

describe('memoContentKey', () => {
  it('ignores point ids and the disputes answered, and sees every word and the time', () => {
    const base = memoContentKey(memo());
    expect(memoContentKey(memo({ resolves: ['d1'] }))).toBe(base);
    expect(
      memoContentKey(
        memo({
          conclusions: [
            { id: 'x', text: '周五前提供借条' },
            { id: 'y', text: '暂不申请保全' },
          ],
        }),
      ),
    ).toBe(base);
    expect(memoContentKey(memo({ followUp: '下周一' }))).not.toBe(base);
    expect(memoContentKey(memo({ communicatedAt: '2026-03-01T06:31:00.000Z' }))).not.toBe(base);
    expect(memoContentKey(memo({ participants: ['李女士', '张律师'] }))).not.toBe(base);
  });
});

describe('isInFuture', () => {
  const now = '2026-03-02T01:00:00.000Z';
  it('allows five minutes of clock skew, not more', () => {
    expect(isInFuture('2026-03-02T01:05:00.000Z', now)).toBe(false);
    expect(isInFuture('2026-03-02T01:05:00.001Z', now)).toBe(true);
    expect(isInFuture('2026-03-02T09:05:01+08:00', now)).toBe(true);
    expect(isInFuture('2025-01-01T00:00:00Z', now)).toBe(false);
  });
});

describe('memoPromiseWarnings', () => {
  it('reads every text the lawyer wrote, each on its own path', () => {
    const warnings = memoPromiseWarnings(
      memo({
        conclusions: [{ id: 'c1', text: '这个案子包赢。' }],
        followUp: '我跟主审法官很熟，会去沟通。',
      }),
    );
    expect(warnings.map((w) => w.path)).toEqual(['conclusions.0', 'followUp']);
  });
});

describe('disputes and their answers', () => {
  const versions = [
    { versionNo: 3, content: memo({ resolves: ['d2', 'd1'] }) },
    { versionNo: 1, content: memo() },
    { versionNo: 2, content: memo({ resolves: ['d1'] }) },
  ];

  it('names the first version that answered each dispute', () => {
    expect(resolutionsOf(versions)).toEqual(
      new Map([
        ['d1', 2],
        ['d2', 3],
      ]),
    );
  });

  it('refuses to answer what is not an open dispute of this memo', () => {
    expect(
      unanswerableDisputes({
        requested: ['d1', 'd3', 'ack', 'elsewhere'],
        disputesOfMemo: new Set(['d1', 'd2', 'd3']),
        resolved: resolutionsOf(versions),
      }),
    ).toEqual(['d1', 'ack', 'elsewhere']);
  });
});

describe('memoStanding', () => {
  it('puts the response first, then whether the version was opened', () => {
    expect(memoStanding({ response: 'acknowledged', viewed: false })).toBe('confirmed');
    expect(memoStanding({ response: 'disputed', viewed: true })).toBe('disputed');
    expect(memoStanding({ response: null, viewed: true })).toBe('viewed');
    expect(memoStanding({ response: null, viewed: false })).toBe('unread');
  });
});

describe('changesMeasuredFrom', () => {
  it('measures from the newest version the client confirmed or disputed, when older than the current', () => {
    expect(
      changesMeasuredFrom({ currentVersionNo: 3, responses: [{ versionNo: 1 }, { versionNo: 2 }] }),
    ).toBe(2);
    expect(
      changesMeasuredFrom({ currentVersionNo: 3, responses: [{ versionNo: 3 }, { versionNo: 1 }] }),
    ).toBeNull();
    expect(changesMeasuredFrom({ currentVersionNo: 2, responses: [] })).toBeNull();
  });
});

describe('diffMemos', () => {
  it('names changed fields, then added, changed and removed points by id, list by list', () => {
    const from = memo();
    const to = memo({
      channel: 'video',
      followUp: '下周一前整理证据目录',
      matters: [
        { id: 'm1', text: '证据' },
        { id: 'm2', text: '保全' },
      ],
      conclusions: [{ id: 'c2', text: '本周申请保全' }],
      resolves: ['d1'],
    });
    expect(diffMemos({ versionNo: 1, content: from }, { versionNo: 2, content: to })).toEqual({
      fromVersionNo: 1,
      toVersionNo: 2,
      fields: ['channel', 'followUp'],
      points: [
        { list: 'matters', pointId: 'm2', change: 'added', before: null, after: '保全' },
        {
          list: 'conclusions',
          pointId: 'c2',
          change: 'changed',
          before: '暂不申请保全',
          after: '本周申请保全',
        },
        { list: 'conclusions', pointId: 'c1', change: 'removed', before: '周五前提供借条', after: null },
      ],
    });
  });

  it('reports nothing for the same memo', () => {
    const same = memo();
    expect(diffMemos({ versionNo: 1, content: same }, { versionNo: 2, content: same })).toMatchObject({
      fields: [],
      points: [],
    });
  });
});
