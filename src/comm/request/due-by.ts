/** A date 'YYYY-MM-DD' as 「2026年12月5日」 (a calendar date: no time zone involved). */
export function formatDueBy(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
