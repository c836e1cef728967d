/**
 * The 存证与核验 journey on the seeded case 「李女士诉某科技公司民间借贷纠纷」: the lawyer checks the case's record
 * (记录完整), seals it into the firm log (no TSA is configured here, and the page says so), and exports the
 * written record — the browser really receives the HTML and the JSON bundle; the client checks the same record
 * and has no seal button. Last, given the database file, someone with write access changes a published title
 * behind the app's back and the page names what changed (表/行/字段). That step edits the data, so this journey
 * runs last. Selectors follow tests/e2e/SELECTORS.md.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Download, Page } from 'playwright-core';
import { openBrowser, type BrowserOptions } from './harness';
import { gone, hashParam, see, settle, step, tap, visible } from './page-actions';
import type { Persona } from './journey';
import { SEED_CASE_TITLE } from './statements-journey';

export interface EvidenceJourneyOptions {
  baseUrl: string;
  browser?: BrowserOptions;
  /** The server's SQLite file (its `Database: sqlite …` line); without it the tampering step is skipped. */
  databaseFile?: string;
  /** Called on each main screen once settled, with its screenshot name (e.g. `evidence-verify`). */
  onScreen?: (persona: Persona, page: Page, name: string) => Promise<void>;
  onPages?: (pages: Partial<Record<Persona, Page>>) => void;
}

/** The SQLite file the server opened, from its start-up output. */
export function databaseFileFrom(serverOutput: string): string | undefined {
  return /Database: sqlite (\S+)/.exec(serverOutput)?.[1];
}

async function openEvidencePage(page: Page, baseUrl: string, persona: 'lawyer' | 'client') {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await tap(page, `#login-persona-${persona}`);
  await see(page, '#case-list');
  await tap(page, '.case-card', SEED_CASE_TITLE);
  await see(page, '#case-title', SEED_CASE_TITLE);
  await tap(page, '#evidence-entry', '存证与核验');
  await see(page, '#evidence-case-title', SEED_CASE_TITLE);
}

/** Waits until Taro's H5 toast is hidden (it is `position: fixed`, so `gone` cannot tell), for a clean screen. */
async function toastGone(page: Page) {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro__toast')).every(
      (element) => getComputedStyle(element).display === 'none',
    ),
  );
}

/** Taps an export button and returns what the browser downloaded, as text. */
async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), tap(page, selector)]);
  const filePath = await file.path();
  if (!filePath) throw new Error(`the download from ${selector} was not saved: ${await file.failure()}`);
  return { name: file.suggestedFilename(), text: readFileSync(filePath, 'utf8') };
}

/**
 * What someone with write access to the database could do: drop the append-only guard and change the title of
 * the case's first published version in place.
 */
function changeTitleBehindTheApp(databaseFile: string, caseId: string): string {
  const db = new Database(databaseFile);
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('drop trigger if exists record_versions_no_update');
    const version = db
      .prepare(
        `select v.id, v.title from record_versions v join records r on r.id = v.record_id
         where r.case_id = ? order by v.published_at, v.id limit 1`,
      )
      .get(caseId) as { id: string; title: string } | undefined;
    if (!version) throw new Error(`case ${caseId} has no published version to change`);
    db.prepare('update record_versions set title = ? where id = ?').run(`${version.title}（改）`, version.id);
    return version.id;
  } finally {
    db.close();
  }
}

export async function runEvidenceJourney(options: EvidenceJourneyOptions): Promise<void> {
  const { baseUrl } = options;
  const pages: Partial<Record<Persona, Page>> = {};
  const screen = async (persona: Persona, name: string) => {
    const page = pages[persona]!;
    await settle(page);
    await options.onScreen?.(persona, page, name);
  };

  let done = step('the lawyer opens 存证与核验 from the case and checks the record: 记录完整');
  const lawyer = (await openBrowser('lawyer-evidence', options.browser)).page;
  pages.lawyer = lawyer;
  options.onPages?.(pages);
  await openEvidencePage(lawyer, baseUrl, 'lawyer');
  const caseId = hashParam(lawyer, 'caseId');
  await see(lawyer, '#seal-unknown');
  await tap(lawyer, '#verify-button', '核验本案记录');
  await see(lawyer, '#verify-verdict', '记录完整');
  await see(lawyer, '#verify-verdict', '未发现任何修改');
  const head = await visible(lawyer, '#head-hash').getAttribute('data-full');
  if (!head || !/^[0-9a-f]{64}$/.test(head)) throw new Error(`expected the full record head, got ${head}`);
  await see(lawyer, '#head-hash', `${head.slice(0, 8)}…`);
  // The server seals on start-up and on an interval, so the case may be sealed already (and behind).
  await see(lawyer, '#seal-sealed');
  done();

  done = step('the lawyer seals: 已封存, and the page says honestly that no trusted timestamp was taken');
  await tap(lawyer, '#seal-button', '立即封存并申请时间戳');
  await see(lawyer, '#seal-result', '未配置可信时间戳服务');
  await see(lawyer, '#seal-result', '已封存');
  await see(lawyer, '#seal-sealed', '已封存至律所总日志');
  await see(lawyer, '#seal-timestamp', '尚未取得可信时间戳');
  await toastGone(lawyer);
  await visible(lawyer, '#evidence-case-title').evaluate((element) =>
    element.scrollIntoView({ block: 'start' }),
  );
  await screen('lawyer', 'evidence-verify');
  done();

  done = step('the lawyer exports: the browser receives the 书面记录汇编 (HTML) and the 核验包 (JSON)');
  const html = await download(lawyer, '#export-html');
  if (!html.name.endsWith('.html')) throw new Error(`expected an .html download, got ${html.name}`);
  if (!html.text.includes('书面记录汇编')) throw new Error('the HTML export does not say 书面记录汇编');
  await see(lawyer, '#export-result', '已开始下载');
  const json = await download(lawyer, '#export-json');
  if (json.name !== html.name.replace(/\.html$/, '.json'))
    throw new Error(`expected the bundle beside ${html.name}, got ${json.name}`);
  const bundle = JSON.parse(json.text) as { format?: string; caseId?: string };
  if (bundle.caseId !== caseId) throw new Error(`the bundle is of case ${bundle.caseId}, not ${caseId}`);
  done();

  done = step('the client checks the same record and has no seal button');
  const client = (await openBrowser('client-evidence', options.browser)).page;
  pages.client = client;
  options.onPages?.(pages);
  await openEvidencePage(client, baseUrl, 'client');
  await tap(client, '#verify-button');
  await see(client, '#verify-verdict', '记录完整');
  await see(client, '#seal-sealed', '已封存至律所总日志');
  await gone(client, '#seal-button');
  done();

  if (!options.databaseFile) return;
  done = step('a title changed behind the app: the check names the table, row and field');
  const versionId = changeTitleBehindTheApp(options.databaseFile, caseId);
  await tap(lawyer, '#verify-button');
  await see(lawyer, '#verify-verdict', '处问题');
  await see(lawyer, '#verify-findings [data-testid="finding"]');
  await tap(lawyer, '#verify-findings [data-testid="finding"] [role="button"]');
  await see(lawyer, '#verify-findings [data-field="表"]', 'record_versions');
  await see(lawyer, '#verify-findings [data-field="行"]', versionId);
  await toastGone(lawyer);
  await visible(lawyer, '#verify-result').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screen('lawyer', 'evidence-verify-findings');
  done();
}
