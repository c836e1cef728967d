import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/**
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset shows Asia/Shanghai time
 * without relying on Intl time-zone data (missing on some mini-program runtimes).
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const shanghai = (iso: string | number | Date) => dayjs.utc(iso).utcOffset(SHANGHAI_OFFSET_MINUTES);

/** Exact Asia/Shanghai time for the record: `2025-03-08 14:05`. */
export function formatExactTime(iso: string, withSeconds = false): string {
  return shanghai(iso).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** A near moment in Asia/Shanghai, without the year: `11月29日 08:00`. */
export function formatMonthDayTime(iso: string): string {
  return shanghai(iso).format('M月D日 HH:mm');
}

/** A date in Asia/Shanghai: `2025年3月8日`. */
export function formatDate(iso: string): string {
  return shanghai(iso).format('YYYY年M月D日');
}

/**
 * Time for lists: 刚刚 under a minute, then "3 小时前" style up to a week, then the Shanghai date
 * (without the year when it is this year).
 */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const at = dayjs(iso);
  const diffMs = now - at.valueOf();
  if (diffMs < 60_000) return '刚刚';
  if (diffMs < 7 * 24 * 3600_000) return at.from(dayjs(now));
  const local = shanghai(iso);
  return local.year() === shanghai(now).year() ? local.format('M月D日') : local.format('YYYY年M月D日');
}
