import { CN_WORKDAY_YEARS } from './data/cn-workdays';

/**
 * Office hours and reply deadlines in Asia/Shanghai time, with mainland China's public holidays and adjusted
 * working days. Pure and zone-free: the same answers in Node (any TZ) and in the mini-program.
 */

/** Weekly office hours in Asia/Shanghai wall-clock time. days: ISO weekdays 1=Mon..7=Sun. start < end, "HH:mm". */
export interface OfficeHours {
  days: number[];
  start: string;
  end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday';

// Asia/Shanghai has been a fixed UTC+08:00 without daylight saving since 1991: shift epoch ms by 8 h and read
// getUTC*. Never getHours() or any local-time API — the device's or server's TZ must not change an answer.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const holidays = new Set<string>();
const adjustedWorkdays = new Set<string>();
for (const year of CN_WORKDAY_YEARS) {
  for (const period of year.holidays) {
    for (let day = dayNumber(period.from); day <= dayNumber(period.to); day++) holidays.add(dateOf(day));
  }
  for (const adjusted of year.adjustedWorkdays) adjustedWorkdays.add(adjusted.date);
}

/** First and last year the table covers, and whether a year is only provisional. */
export const CALENDAR_COVERAGE: { firstYear: number; lastYear: number; provisionalYears: number[] } = {
  firstYear: Math.min(...CN_WORKDAY_YEARS.map((year) => year.year)),
  lastYear: Math.max(...CN_WORKDAY_YEARS.map((year) => year.year)),
  provisionalYears: CN_WORKDAY_YEARS.filter((year) => year.status === 'provisional').map((year) => year.year),
};

/**
 * The kind of a Shanghai calendar date 'YYYY-MM-DD' per the table (weekend = Sat/Sun not adjusted).
 * Throws RangeError('CALENDAR_EXHAUSTED') for a date outside CALENDAR_COVERAGE: guessing would be silently wrong.
 */
export function dayKind(date: string): DayKind {
  const day = dayNumber(date);
  const year = Number(date.slice(0, 4));
  if (year < CALENDAR_COVERAGE.firstYear || year > CALENDAR_COVERAGE.lastYear) {
    throw new RangeError('CALENDAR_EXHAUSTED');
  }
  if (holidays.has(date)) return 'holiday';
  if (adjustedWorkdays.has(date)) return 'adjustedWorkday';
  return weekdayOf(day) >= 6 ? 'weekend' : 'workday';
}

/**
 * Whether the office is open at instant `at` (ISO-8601 string or epoch ms): the Shanghai date is an office day
 * (not a holiday; its weekday is in `days`, or it is an adjusted working day 调休上班) and the Shanghai time is
 * in [start, end).
 */
export function isOpen(at: string | number, hours: OfficeHours): boolean {
  const window = officeWindow(hours);
  const local = epochMs(at) + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const timeOfDay = local - day * DAY_MS;
  return isOfficeDay(day, hours) && timeOfDay >= window.start && timeOfDay < window.end;
}

/** The next instant (ISO string, UTC 'Z') the office opens at or after `at` (returns `at` normalized if open now). */
export function nextOpening(at: string | number, hours: OfficeHours): string {
  return new Date(nextOpeningMs(epochMs(at), hours, officeWindow(hours))).toISOString();
}

/**
 * When a reply is promised for a message received at `at`, promising `workingDays` working days (1 = "1 个工作日内"):
 * counting office time from `at` (or from the next opening when received outside hours), the instant at which
 * `workingDays` × (length of one office day) of office time has passed. Returns an ISO UTC string.
 * Throws RangeError('CALENDAR_EXHAUSTED') if the computation needs a date beyond CALENDAR_COVERAGE.lastYear.
 * @example replyDeadline('2026-11-27T22:00:00+08:00', DEFAULT_OFFICE_HOURS, 1) // Friday night → '2026-11-30T10:00:00.000Z' (Monday 18:00)
 */
export function replyDeadline(at: string | number, hours: OfficeHours, workingDays: number): string {
  const window = officeWindow(hours);
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('INVALID_WORKING_DAYS');
  let remaining = workingDays * (window.end - window.start);
  let cursor = nextOpeningMs(epochMs(at), hours, window);
  for (;;) {
    const local = cursor + SHANGHAI_OFFSET_MS;
    const closing = Math.floor(local / DAY_MS) * DAY_MS + window.end - SHANGHAI_OFFSET_MS;
    if (remaining <= closing - cursor) return new Date(cursor + remaining).toISOString();
    remaining -= closing - cursor;
    cursor = nextOpeningMs(closing, hours, window);
  }
}

/** Shanghai wall-clock parts of an instant: { date: 'YYYY-MM-DD', time: 'HH:mm', weekday: 1..7 }. */
export function shanghaiParts(at: string | number): { date: string; time: string; weekday: number } {
  const local = new Date(epochMs(at) + SHANGHAI_OFFSET_MS);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: local.getUTCDay() || 7 };
}

/** 'YYYY-MM-DD' of today in Shanghai for instant `at`. */
export function shanghaiDate(at: string | number): string {
  return shanghaiParts(at).date;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * A short Chinese description of a deadline relative to `now`: 「今天 18:00 前」「明天 18:00 前」, within the week
 * 「周一（11月30日）18:00 前」, later 「12月8日 18:00 前」 (with the year when it differs from now's).
 */
export function describeDeadline(deadline: string, now: string | number): string {
  const due = shanghaiParts(deadline);
  const today = shanghaiParts(now);
  const daysAhead = dayNumber(due.date) - dayNumber(today.date);
  const [year, month, day] = due.date.split('-').map(Number);
  const monthDay = `${month}月${day}日`;
  const when =
    daysAhead === 0
      ? '今天'
      : daysAhead === 1
        ? '明天'
        : daysAhead === -1
          ? '昨天'
          : daysAhead >= 2 && daysAhead <= 6
            ? `${WEEKDAY_NAMES[due.weekday]}（${monthDay}）`
            : due.date.slice(0, 4) === today.date.slice(0, 4)
              ? monthDay
              : `${year}年${monthDay}`;
  return `${when}${when.endsWith('）') ? '' : ' '}${due.time} 前`;
}

/** Chinese summary of the hours, e.g. 「周一至周五 09:00–18:00（法定节假日除外）」. */
export function describeOfficeHours(hours: OfficeHours): string {
  officeWindow(hours);
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  // Runs of three or more days read as a range (周一至周五); shorter runs are listed (周六、周日).
  const parts: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    if (j - i >= 2) parts.push(`${WEEKDAY_NAMES[days[i]]}至${WEEKDAY_NAMES[days[j]]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAY_NAMES[days[k]]);
    i = j + 1;
  }
  const dayText = days.length === 7 ? '每天' : parts.join('、');
  return `${dayText} ${hours.start}–${hours.end}（法定节假日除外）`;
}

/** The opening instant (epoch ms) at or after `from`. */
function nextOpeningMs(from: number, hours: OfficeHours, window: { start: number; end: number }): number {
  const local = from + SHANGHAI_OFFSET_MS;
  let day = Math.floor(local / DAY_MS);
  const timeOfDay = local - day * DAY_MS;
  if (isOfficeDay(day, hours) && timeOfDay < window.end) {
    return timeOfDay >= window.start ? from : day * DAY_MS + window.start - SHANGHAI_OFFSET_MS;
  }
  // Ends: every date is classified, and dayKind throws once the table runs out.
  do day++;
  while (!isOfficeDay(day, hours));
  return day * DAY_MS + window.start - SHANGHAI_OFFSET_MS;
}

function isOfficeDay(day: number, hours: OfficeHours): boolean {
  const kind = dayKind(dateOf(day));
  if (kind === 'holiday') return false;
  if (kind === 'adjustedWorkday') return true;
  return hours.days.includes(weekdayOf(day));
}

/** Validated hours as ms after Shanghai midnight. */
function officeWindow(hours: OfficeHours): { start: number; end: number } {
  const valid =
    hours.days.length > 0 && hours.days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (!valid || start == null || end == null || start >= end) throw new RangeError('INVALID_OFFICE_HOURS');
  return { start: start * MINUTE_MS, end: end * MINUTE_MS };
}

function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * Epoch ms of an ISO-8601 instant or a number. The string must carry `Z` or an offset: without one,
 * `Date.parse` reads it as device-local time. Parsed by hand so no JS engine's Date.parse quirks apply.
 */
function epochMs(at: string | number): number {
  if (typeof at === 'number') {
    if (!Number.isFinite(at)) throw new RangeError('INVALID_INSTANT');
    return at;
  }
  const match = INSTANT.exec(at);
  if (!match) throw new RangeError('INVALID_INSTANT');
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone, sign, offsetH, offsetM] = match;
  if (!isCalendarDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new RangeError('INVALID_INSTANT');
  }
  const offset =
    zone.toUpperCase() === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetH) * 60 + Number(offsetM));
  const ms = Number(`${fraction}00`.slice(0, 3));
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offset * MINUTE_MS
  );
}

/** Days since 1970-01-01 of a calendar date 'YYYY-MM-DD' (a day number, not an instant). */
function dayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError('INVALID_DATE');
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** 'YYYY-MM-DD' naming a real day (Date.UTC would roll 02-30 over into March). */
function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === date;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay() || 7;
}
