import { decideReminder, diffVersions, inQuietHours, shanghaiClock, withItemIds } from './statements.rules';

const content = (weWill: { id: string; text: string }[]) => ({
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
});

describe('quiet hours', () => {
  it('reads UTC instants as Shanghai wall-clock time', () => {
    expect(shanghaiClock('2026-03-01T14:30:00.000Z')).toBe('22:30');
    expect(shanghaiClock('2026-03-01T23:59:00.000Z')).toBe('07:59');
  });

  it('handles windows that wrap past midnight', () => {
    const night = { start: '22:00', end: '08:00' };
    expect(inQuietHours('23:00', night)).toBe(true);
    expect(inQuietHours('07:59', night)).toBe(true);
    expect(inQuietHours('08:00', night)).toBe(false);
    expect(inQuietHours('12:00', { start: '12:00', end: '13:00' })).toBe(true);
    expect(inQuietHours('12:00', null)).toBe(false);
  });

  it('refuses a reminder at night and one within 24 hours of the last', () => {
    const night = { start: '22:00', end: '08:00' };
    expect(
      decideReminder({ now: '2026-03-01T15:00:00.000Z', lastRemindedAt: null, quietHours: night }),
    ).toEqual({
      allowed: false,
      reason: 'QUIET_HOURS',
      nextAllowedAt: null,
    });
    expect(
      decideReminder({
        now: '2026-03-02T03:00:00.000Z',
        lastRemindedAt: '2026-03-01T04:00:00.000Z',
        quietHours: night,
      }),
    ).toEqual({ allowed: false, reason: 'REMINDED_RECENTLY', nextAllowedAt: '2026-03-02T04:00:00.000Z' });
    expect(
      decideReminder({
        now: '2026-03-02T04:00:00.000Z',
        lastRemindedAt: '2026-03-01T04:00:00.000Z',
        quietHours: night,
      }),
    ).toEqual({ allowed: true, nextAllowedAt: '2026-03-03T04:00:00.000Z' });
  });
});
