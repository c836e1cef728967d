/**
 * `npm run lighthouse`: Lighthouse 12 (mobile profile, default simulated throttling) on Debian's Chromium, three
 * runs each on the login page and on a signed-in client's case page, served by the real HTTP server (dev login, a
 * throwaway data directory, 127.0.0.1). Prints the median of the three runs per figure and writes every run to
 * test-results/lighthouse-<time>.json.
 *
 * It builds nothing unless the H5 build is missing (then `npm run build:h5`); it measures CASETRAIL_H5_OUT, or
 * dist/h5. `LIGHTHOUSE_RUNS=5` changes the number of runs, `LIGHTHOUSE_PAGES=login` measures one page.
 * A measurement tool, not part of `npm test`; the pure parts below are tested in lighthouse.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The figures we keep from one Lighthouse run (times in ms, sizes in bytes). */
export interface Figures {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Everything the page transferred on a cold load (Lighthouse's total-byte-weight). */
  transfer: number;
  /** JavaScript transferred but not executed during the load (Lighthouse's unused-javascript savings). */
  unusedJs: number;
  /** What Lighthouse took for the LCP element (a CSS-like path and its text), to see what is being timed. */
  lcpElement: string | null;
}

export const FIGURE_KEYS = ['score', 'fcp', 'lcp', 'tbt', 'cls', 'transfer', 'unusedJs'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** The goals of issue 11 on the mobile profile. */
export const GOALS: Partial<Record<FigureKey, number>> = {
  lcp: 1500,
  tbt: 100,
  cls: 0.02,
  transfer: 200 * 1024,
};

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The parts of a Lighthouse result (LH.Result) we read. */
export interface LhrLike {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  finalDisplayedUrl?: string;
  categories: { performance?: { score: number | null } };
  audits: Record<
    string,
    | {
        numericValue?: number;
        score?: number | null;
        details?: { overallSavingsBytes?: number; items?: unknown[] };
      }
    | undefined
  >;
}

function numeric(lhr: LhrLike, audit: string): number {
  const value = lhr.audits[audit]?.numericValue;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`Lighthouse result has no numeric value for ${audit}`);
  return value;
}

function lcpElementOf(lhr: LhrLike): string | null {
  const items = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  // Lighthouse 12: a list whose first table holds the element as a `node` (selector, snippet, nodeLabel).
  for (const item of items as { items?: { node?: { selector?: string; nodeLabel?: string } }[] }[]) {
    const node = item.items?.[0]?.node;
    if (node) return [node.selector, node.nodeLabel].filter(Boolean).join(' — ');
  }
  return null;
}

/** Our figures from one Lighthouse result; throws when the run failed (no score, a runtime error). */
export function figuresFrom(lhr: LhrLike): Figures {
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== 'number') throw new Error('Lighthouse result has no performance score');
  return {
    score: Math.round(score * 100),
    fcp: numeric(lhr, 'first-contentful-paint'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    transfer: numeric(lhr, 'total-byte-weight'),
    unusedJs: lhr.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0,
    lcpElement: lcpElementOf(lhr),
  };
}

/** The median of each figure over the runs, separately (so a figure may come from a different run than another). */
export function medianFigures(runs: Figures[]): Record<FigureKey, number> {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, median(runs.map((run) => run[key]))])) as Record<
    FigureKey,
    number
  >;
}

export function formatFigure(key: FigureKey, value: number): string {
  switch (key) {
    case 'score':
      return String(Math.round(value));
    case 'cls':
      return value.toFixed(3);
    case 'transfer':
    case 'unusedJs':
      return `${(value / 1024).toFixed(1)} KB`;
    default:
      return `${(value / 1000).toFixed(2)} s`;
  }
}

const LABELS: Record<FigureKey, string> = {
  score: 'score',
  fcp: 'FCP',
  lcp: 'LCP',
  tbt: 'TBT',
  cls: 'CLS',
  transfer: 'transfer',
  unusedJs: 'unused JS',
};

/** One line per page: the medians, each marked ✔/✖ against its goal where there is one. */
export function formatTable(pages: { name: string; runs: Figures[] }[]): string {
  const header = ['page', ...FIGURE_KEYS.map((key) => LABELS[key])];
  const rows = pages.map(({ name, runs }) => {
    const medians = medianFigures(runs);
    return [
      name,
      ...FIGURE_KEYS.map((key) => {
        const goal = GOALS[key];
        const mark = goal === undefined ? '' : medians[key] <= goal ? ' ✔' : ' ✖';
        return formatFigure(key, medians[key]) + mark;
      }),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The run itself (Chromium, the server, Lighthouse): not unit-tested, it is the measurement.

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The keys the app reads on H5 (src/api/session-token.ts, src/api/privacy-gate.ts), in Taro.setStorageSync's shape. */
const TOKEN_KEY = 'casetrail.token';
const CONSENT_KEY = 'casetrail.privacy';

async function callApi(base: string, token: string, action: string, payload: object) {
  const res = await fetch(`${base}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, payload, requestId: `lighthouse-${randomUUID()}` }),
  });
  return (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
}

/** Signs the demo client in through dev login, agrees to the privacy notice if asked, and finds her case. */
async function signInClient(base: string): Promise<{ storage: Record<string, string>; caseUrl: string }> {
  const res = await fetch(`${base}/api/dev/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ persona: 'client' }),
  });
  if (!res.ok) throw new Error(`dev login answered HTTP ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  const storage: Record<string, string> = { [TOKEN_KEY]: token };
  // The privacy notice (issue 12): agreed on the server, and remembered on the device as the app does.
  const privacy = await callApi(base, token, 'privacy.status', {});
  const status = privacy.data as { needsConsent?: boolean; currentVersion?: string } | undefined;
  if (privacy.ok && status?.currentVersion) {
    if (status.needsConsent) {
      const agreed = await callApi(base, token, 'privacy.consent', { version: status.currentVersion });
      if (!agreed.ok) throw new Error(`privacy.consent refused: ${agreed.error?.code}`);
    }
    storage[CONSENT_KEY] = status.currentVersion;
  }
  const list = await callApi(base, token, 'case.list', {});
  const cases = (list.data as { cases?: { id: string }[] } | undefined)?.cases ?? [];
  if (!list.ok || cases.length === 0)
    throw new Error(`the demo client has no case (${list.error?.code ?? 'empty'})`);
  return { storage, caseUrl: `${base}/#/pages/case/index?id=${encodeURIComponent(cases[0].id)}` };
}

interface PageSpec {
  name: string;
  url: string;
  /** localStorage entries (the session token, the privacy consent) to put where the app reads them first. */
  storage?: Record<string, string>;
}

async function measureOnce(spec: PageSpec): Promise<{ figures: Figures; lhr: unknown }> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: CHROMIUM_FLAGS,
    userDataDir,
    logLevel: 'silent',
  });
  try {
    if (spec.storage) await putStorage(chrome.port, new URL(spec.url).origin, spec.storage);
    const result = await lighthouse(spec.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // Keeps what was put in localStorage above. The cache is still cold: only a JSON answer was loaded.
      disableStorageReset: Boolean(spec.storage),
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    return { figures: figuresFrom(result.lhr as unknown as LhrLike), lhr: result.lhr };
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse now and then fails to record a load (NO_NAVSTART, NO_FCP): such a run has no figures, so it is run
 * again, at most twice; a page that fails three times in a row stops the measurement.
 */
async function measureWithRetry(spec: PageSpec): Promise<{ figures: Figures; lhr: unknown }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureOnce(spec);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(
        `  ${spec.name}: ${error instanceof Error ? error.message : String(error)}; running it again`,
      );
    }
  }
}

/**
 * Puts the entries in localStorage for the origin, as Taro.setStorageSync writes them: through puppeteer-core
 * (Lighthouse's own dependency), on a same-origin JSON answer, so no app code enters the cache before the measured
 * load. Lighthouse then opens its own tab in the same profile, which sees the same localStorage.
 */
async function putStorage(port: number, origin: string, entries: Record<string, string>) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`${origin}/api/dev/personas`);
    await page.evaluate((all) => {
      for (const [key, value] of Object.entries(all))
        localStorage.setItem(key, JSON.stringify({ data: value }));
    }, entries);
    await page.goto('about:blank');
  } finally {
    await browser.disconnect();
  }
}

async function main() {
  const root = path.resolve(__dirname, '..');
  const h5Dir = path.resolve(root, process.env.CASETRAIL_H5_OUT ?? path.join('dist', 'h5'));
  if (!existsSync('/usr/bin/chromium')) {
    console.error('Chromium not found at /usr/bin/chromium (apt-get install -y chromium fonts-wqy-microhei)');
    return 1;
  }
  if (!existsSync(path.join(h5Dir, 'index.html'))) {
    console.log(`No H5 build in ${path.relative(root, h5Dir)}: building it (npm run build:h5).`);
    const built = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) return 1;
  }
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  const only = (process.env.LIGHTHOUSE_PAGES ?? 'login,case').split(',');
  // The harness starts the server and removes its data directory; it reads CASETRAIL_H5_OUT as we do.
  const { startServer, cleanup } = await import('../tests/e2e/harness');
  try {
    const server = await startServer();
    console.log(`Measuring ${path.relative(root, h5Dir)} served at ${server.url}, ${runs} runs per page.`);
    const { storage, caseUrl } = await signInClient(server.url);
    const specs: PageSpec[] = [
      { name: 'login', url: `${server.url}/#/pages/login/index` },
      { name: 'client case', url: caseUrl, storage },
    ].filter((spec) => only.some((key) => spec.name.includes(key)));
    const pages: { name: string; url: string; runs: Figures[]; lhrs: unknown[] }[] = [];
    for (const spec of specs) {
      const page = { name: spec.name, url: spec.url, runs: [] as Figures[], lhrs: [] as unknown[] };
      for (let i = 1; i <= runs; i++) {
        const { figures, lhr } = await measureWithRetry(spec);
        console.log(
          `  ${spec.name} #${i}: ${FIGURE_KEYS.map((key) => `${LABELS[key]} ${formatFigure(key, figures[key])}`).join(', ')}` +
            `; LCP element: ${figures.lcpElement ?? '?'}`,
        );
        page.runs.push(figures);
        page.lhrs.push(lhr);
      }
      pages.push(page);
    }
    console.log(`\nMedian of ${runs} (Lighthouse 12, mobile profile, simulated throttling):\n`);
    console.log(formatTable(pages));
    const resultsDir = path.join(root, 'test-results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          build: path.relative(root, h5Dir),
          runsPerPage: runs,
          goals: GOALS,
          pages: pages.map(({ name, url, runs: figures }) => ({
            name,
            url,
            median: medianFigures(figures),
            runs: figures,
          })),
          lighthouse: pages.map(({ name, lhrs }) => ({ name, results: lhrs })),
        },
        null,
        1,
      ),
    );
    console.log(`\nEvery run: ${path.relative(root, file)}`);
    return 0;
  } finally {
    await cleanup();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
