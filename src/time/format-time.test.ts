import { formatDate, formatExactTime, formatRelativeTime } from './format-time';

const now = Date.parse('2025-03-08T06:00:00Z'); // 14:00 in Shanghai

describe('formatRelativeTime', () => {
  it('says 刚刚 within the first minute (and for clock skew into the future)', () => {
    expect(formatRelativeTime('2025-03-08T05:59:30Z', now)).toBe('刚刚');
    expect(formatRelativeTime('2025-03-08T06:00:20Z', now)).toBe('刚刚');
  });

  it('counts minutes, hours and days in Chinese', () => {
    expect(formatRelativeTime('2025-03-08T05:55:00Z', now)).toBe('5 分钟前');
    expect(formatRelativeTime('2025-03-08T03:00:00Z', now)).toBe('3 小时前');
    expect(formatRelativeTime('2025-03-05T06:00:00Z', now)).toBe('3 天前');
  });

  it('falls back to the Shanghai date after a week, with the year only when it differs', () => {
    // 2025-02-20 17:00 UTC is already 2月21日 in Shanghai.
    expect(formatRelativeTime('2025-02-20T17:00:00Z', now)).toBe('2月21日');
    expect(formatRelativeTime('2024-12-31T16:30:00Z', now)).toBe('1月1日');
    expect(formatRelativeTime('2024-06-01T00:00:00Z', now)).toBe('2024年6月1日');
  });
});

describe('exact times', () => {
  it('shows Asia/Shanghai wall-clock time whatever the device zone', () => {
    expect(formatExactTime('2025-03-08T16:05:09Z')).toBe('2025-03-09 00:05');
    expect(formatExactTime('2025-03-08T16:05:09Z', true)).toBe('2025-03-09 00:05:09');
    expect(formatDate('2025-03-08T16:05:09Z')).toBe('2025年3月9日');
  });
});
