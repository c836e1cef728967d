/**
 * A lawyer's count of client receipts (「2/3 已知悉」). A case without clients has nothing to count: 「0/0」 in
 * green read as "all done", so it says 尚无客户, neutrally.
 */
export function receiptCount(
  done: number | null | undefined,
  clients: number | null | undefined,
  word: string,
): { text: string; tone: 'success' | 'warning' | 'neutral' } {
  const total = clients ?? 0;
  if (total === 0) return { text: '尚无客户', tone: 'neutral' };
  const count = done ?? 0;
  return { text: `${count}/${total} ${word}`, tone: count >= total ? 'success' : 'warning' };
}
