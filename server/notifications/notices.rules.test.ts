import { clockInQuietHours, quietHoursEnd } from './notices.rules';

const NIGHT = { start: '22:00', end: '08:00' };

describe('quiet hours', () => {
  it('defers a notice written at 23:00 Shanghai to 08:00 the next morning', () => {
    expect(quietHoursEnd('2026-11-27T15:00:00.000Z', NIGHT)).toBe('2026-11-28T00:00:00.000Z');
  });

  it('defers a notice written at 02:00 Shanghai to 08:00 the same morning', () => {
    expect(quietHoursEnd('2026-11-27T18:00:00.000Z', NIGHT)).toBe('2026-11-28T00:00:00.000Z');
  });

  it('lets a notice at 08:00 or 21:59 Shanghai go at once', () => {
    expect(quietHoursEnd('2026-11-28T00:00:00.000Z', NIGHT)).toBeNull();
    expect(quietHoursEnd('2026-11-27T13:59:00.000Z', NIGHT)).toBeNull();
  });

  it('handles a window that does not wrap midnight, and none at all', () => {
    expect(quietHoursEnd('2026-11-27T05:00:00.000Z', { start: '12:00', end: '14:00' })).toBe(
      '2026-11-27T06:00:00.000Z',
    );
    expect(quietHoursEnd('2026-11-27T15:00:00.000Z', null)).toBeNull();
    expect(clockInQuietHours('23:00', { start: '08:00', end: '08:00' })).toBe(false);
  });
});
