const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long an open request has waited, as both sides see it: 「已等待 2 天」, 「已等待 3 小时」, 「已等待 5 分钟」,
 * 「刚刚提交」. Whole elapsed units, rounded down (a request is never said to have waited longer than it has).
 * Imported by the case page too, so it ships in the main package: keep it this small.
 */
export function waitingText(askedAt: string, now: number): string {
  const waited = now - Date.parse(askedAt);
  if (!(waited >= MINUTE_MS)) return '刚刚提交';
  if (waited >= DAY_MS) return `已等待 ${Math.floor(waited / DAY_MS)} 天`;
  if (waited >= HOUR_MS) return `已等待 ${Math.floor(waited / HOUR_MS)} 小时`;
  return `已等待 ${Math.floor(waited / MINUTE_MS)} 分钟`;
}
