/**
 * Pure decisions about notices: quiet hours. Times are instants (ISO UTC); quiet hours are Asia/Shanghai wall
 * clock `HH:mm`, computed as the instant plus eight hours, never from the machine's time zone.
 */
import { shanghaiParts } from '../../contract/office-hours';

export interface QuietHours {
  start: string;
  end: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China keeps one time zone and no daylight saving
const DAY_MS = 24 * 3600_000;

/** Whether a Shanghai wall-clock time falls in [start, end), where the window may wrap past midnight. */
export function clockInQuietHours(clock: string, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? clock >= quiet.start && clock < quiet.end
    : clock >= quiet.start || clock < quiet.end;
}

/**
 * When the quiet hours that hold `now` end (the instant the recipient may be messaged), or null when `now` is
 * outside them.
 * @example quietHoursEnd('2026-11-27T15:00:00.000Z', { start: '22:00', end: '08:00' }) // '2026-11-28T00:00:00.000Z'
 */
export function quietHoursEnd(now: string, quiet: QuietHours | null): string | null {
  const { date, time } = shanghaiParts(now);
  if (!clockInQuietHours(time, quiet) || !quiet) return null;
  const [h, m] = quiet.end.split(':').map(Number);
  // The end on today's Shanghai date, as an instant; if that has passed, the end is tomorrow's.
  const endToday = Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + (h * 60 + m) * 60_000;
  const end = endToday > Date.parse(now) ? endToday : endToday + DAY_MS;
  return new Date(end).toISOString();
}
