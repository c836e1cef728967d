/** The bench's tables: one row per figure, budgets with PASS/MISS. */

export interface Row {
  what: string;
  value: string;
  /** Beside the value: queries per call, response size, share of the disk ceiling … */
  detail?: string;
  budget?: string;
  pass?: boolean;
  /** What a budget row is about, for the list of misses (its own label may be just `100k ÷ 100`). */
  about?: string;
}

export const ms = (value: number) => `${value.toFixed(3)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;
export const bytes = (value: number) =>
  `${value.toLocaleString('en-US')} B (${(value / 1024).toFixed(1)} KB)`;
export const queries = (n: number) => `${n} ${n === 1 ? 'query' : 'queries'}`;

/** A budgeted ratio row: `large ÷ small` against `≤ limit×`. */
export function ratioRow(what: string, value: number, limit: number, about = what.trim()): Row {
  return { what, value: ratio(value), budget: `≤ ${limit.toFixed(1)}×`, pass: value <= limit, about };
}

export function printTable(title: string, rows: Row[], notes: string[] = []): void {
  const header: Row = { what: 'what', value: 'p50 / value', detail: 'detail', budget: 'budget' };
  const all = [header, ...rows];
  const w = {
    what: Math.max(...all.map((r) => r.what.length)),
    value: Math.max(...all.map((r) => r.value.length)),
    detail: Math.max(...all.map((r) => (r.detail ?? '').length)),
    budget: Math.max(...all.map((r) => (r.budget ?? '').length)),
  };
  const line = (r: Row, result: string) =>
    `| ${r.what.padEnd(w.what)} | ${r.value.padStart(w.value)} | ${(r.detail ?? '').padEnd(w.detail)} | ` +
    `${(r.budget ?? '').padEnd(w.budget)} | ${result.padEnd(6)} |`;
  const rule = `|${'-'.repeat(w.what + 2)}|${'-'.repeat(w.value + 2)}|${'-'.repeat(w.detail + 2)}|${'-'.repeat(
    w.budget + 2,
  )}|--------|`;
  console.log(`\n${title}\n`);
  console.log(line(header, 'result'));
  console.log(rule);
  for (const r of rows) console.log(line(r, r.budget ? (r.pass ? 'PASS' : 'MISS') : ''));
  for (const note of notes) console.log(`  · ${note}`);
}

export function misses(rows: Row[]): Row[] {
  return rows.filter((r) => r.budget && !r.pass);
}
