import { decideReminder, diffVersions, statementContentKey, withItemIds } from './statements.rules';

const content = (weWill: { id: string; text: string; basis?: string | null }[]) => ({
  title: '告知',
  intro: null,
  sections: { worstCase: [{ id: 'a', text: '最坏' }], weWill, weCannot: [], youMust: [] },
});

describe('diffVersions', () => {
  it('names added, changed and removed items by id, in reading order', () => {
    const from = content([
      { id: 'b', text: '提交证据' },
      { id: 'c', text: '出庭' },
    ]);
    const to = content([
      { id: 'b', text: '3 日内提交证据' },
      { id: 'd', text: '申请保全' },
    ]);
    expect(diffVersions({ versionNo: 1, content: from }, { versionNo: 2, content: to }).items).toEqual([
      { section: 'weWill', itemId: 'b', change: 'changed', before: '提交证据', after: '3 日内提交证据' },
      { section: 'weWill', itemId: 'd', change: 'added', before: null, after: '申请保全' },
      { section: 'weWill', itemId: 'c', change: 'removed', before: '出庭', after: null },
    ]);
  });

  it('counts a changed legal basis as a changed item, and a missing basis (older versions) as none', () => {
    const before = content([{ id: 'b', text: '提交证据' }]);
    const withBasis = content([{ id: 'b', text: '提交证据', basis: '民事诉讼法第68条' }]);
    expect(
      diffVersions({ versionNo: 1, content: before }, { versionNo: 2, content: withBasis }).items,
    ).toEqual([{ section: 'weWill', itemId: 'b', change: 'changed', before: '提交证据', after: '提交证据' }]);
    const withNull = content([{ id: 'b', text: '提交证据', basis: null }]);
    expect(
      diffVersions({ versionNo: 1, content: before }, { versionNo: 2, content: withNull }).items,
    ).toEqual([]);
    expect(statementContentKey(before)).toBe(statementContentKey(withNull));
    expect(statementContentKey(before)).not.toBe(statementContentKey(withBasis));
  });

  it('reports nothing for identical content', () => {
    const same = content([{ id: 'b', text: 'x' }]);
    expect(diffVersions({ versionNo: 1, content: same }, { versionNo: 2, content: same }).items).toEqual([]);
  });
});

describe('withItemIds', () => {
  it('keeps known ids and gives new or duplicated items fresh ones', () => {
    let n = 0;
    const result = withItemIds(
      {
        title: 't',
        intro: null,
        sections: {
          worstCase: [{ id: 'keep', text: '1' }, { text: '2' }],
          weWill: [{ id: 'keep', text: '3' }],
          weCannot: [],
          youMust: [],
        },
      },
      () => `new-${++n}`,
    );
    expect(result.sections.worstCase.map((i) => i.id)).toEqual(['keep', 'new-1']);
    expect(result.sections.weWill.map((i) => i.id)).toEqual(['new-2']);
  });

  it("keeps each item's legal basis, and gives an item without one basis null", () => {
    const result = withItemIds(
      {
        title: 't',
        intro: null,
        sections: {
          worstCase: [{ id: 'a', text: '1', basis: '民法典第188条' }, { text: '2' }],
          weWill: [],
          weCannot: [],
          youMust: [],
        },
      },
      () => 'new',
    );
    expect(result.sections.worstCase.map((i) => i.basis)).toEqual(['民法典第188条', null]);
  });
});

describe('decideReminder', () => {
  it("allows one reminder per 24 hours, at any hour of the lawyer's day", () => {
    // 23:00 in Shanghai: allowed; the client's quiet hours defer the message, they do not refuse the reminder.
    expect(decideReminder({ now: '2026-03-01T15:00:00.000Z', lastRemindedAt: null })).toEqual({
      allowed: true,
      nextAllowedAt: '2026-03-02T15:00:00.000Z',
    });
    expect(
      decideReminder({ now: '2026-03-02T03:00:00.000Z', lastRemindedAt: '2026-03-01T04:00:00.000Z' }),
    ).toEqual({ allowed: false, reason: 'REMINDED_RECENTLY', nextAllowedAt: '2026-03-02T04:00:00.000Z' });
    expect(
      decideReminder({ now: '2026-03-02T04:00:00.000Z', lastRemindedAt: '2026-03-01T04:00:00.000Z' }),
    ).toEqual({ allowed: true, nextAllowedAt: '2026-03-03T04:00:00.000Z' });
  });
});
