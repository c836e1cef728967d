/**
 * The two-way communication journey (issue 8), on its own server whose demo clock starts on Friday 2026-11-27 at
 * 21:30 in Shanghai (CASETRAIL_DEMO_CLOCK), with both browsers' clocks started at the same instant — and the
 * client's browser in another time zone, to show the reply time is Shanghai's whatever the device says:
 * - a memo of a call is disputed on one conclusion, corrected with that dispute answered, and confirmed;
 * - a request written on a Friday night is told, before sending, that the reply comes by Monday 18:00; the lawyer
 *   declines it with a reason the client then reads;
 * - a task is marked done, returned with a reason, done again and accepted;
 * - the lawyer's 工作台 counts move as each item is handled.
 * Selectors follow tests/e2e/SELECTORS.md; words follow docs/glossary.md.
 */
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserOptions } from './harness';
import { fill, hashParam, see, settle, step, tap, visible } from './page-actions';
import type { Persona } from './journey';
import { SEED_CASE_TITLE } from './statements-journey';

/** Friday 2026-11-27 21:30 in Shanghai: after office hours, before a weekend. */
export const FRIDAY_NIGHT = new Date('2026-11-27T13:30:00.000Z');

export interface CommJourneyOptions {
  baseUrl: string;
  browser?: BrowserOptions;
  onScreen?: (persona: Persona, page: Page, name: string) => Promise<void>;
  onPages?: (pages: Partial<Record<Persona, Page>>) => void;
}

const DISPUTE_REASON = '通话中说的是下周三前提供，不是本周五。';
const CORRECTED = '李女士于下周三（12月2日）前提供借条原件和取款记录。';
const REQUEST_BODY = '对方今天给我打电话说想私下和解，我应该怎么回复？能否请您代我联系对方？';
const DECLINE_REASON = '在您书面授权之前，我不能代表您与对方商谈和解；请先不要答复对方，我们周一当面商量。';

async function login(page: Page, baseUrl: string, persona: 'lawyer' | 'client') {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await tap(page, `#login-persona-${persona}`);
  await see(page, '#case-list');
}

/** The count a 工作台 tile shows (tiles show every section, empty ones too). */
async function sectionCount(page: Page, section: string): Promise<number> {
  return Number(await visible(page, `#wb-tile-${section} .wb-tile__count`).innerText());
}

/** Opens the 工作台 afresh from the home page's card and returns every section's count. */
async function workbenchCounts(page: Page, baseUrl: string): Promise<Record<string, number>> {
  await page.goto(`${baseUrl}/#/pages/index/index`);
  await tap(page, '#workbench-entry');
  await see(page, '#wb-tiles');
  const counts: Record<string, number> = {};
  for (const section of ['questions', 'requests', 'disputes', 'unacknowledged', 'tasks'])
    counts[section] = await sectionCount(page, section);
  return counts;
}

async function openCase(page: Page, baseUrl: string, caseId: string) {
  await page.goto(`${baseUrl}/#/pages/case/index?id=${caseId}`);
  await see(page, '#case-title', SEED_CASE_TITLE);
}

function expectCounts(label: string, actual: Record<string, number>, expected: Record<string, number>) {
  for (const [section, count] of Object.entries(expected))
    if (actual[section] !== count)
      throw new Error(`${label}: 工作台 ${section} shows ${actual[section]}, expected ${count}`);
}

export async function runCommJourney(options: CommJourneyOptions): Promise<void> {
  const { baseUrl } = options;
  const pages: Partial<Record<Persona, Page>> = {};
  const screen = async (persona: Persona, name: string) => {
    const page = pages[persona]!;
    await settle(page);
    await options.onScreen?.(persona, page, name);
  };

  let done = step('lawyer opens the 工作台 on Friday night, then writes a memo of the call');
  const lawyer = (await openBrowser('lawyer-comm', { ...options.browser, clockStart: FRIDAY_NIGHT })).page;
  pages.lawyer = lawyer;
  options.onPages?.(pages);
  await login(lawyer, baseUrl, 'lawyer');
  const start = await workbenchCounts(lawyer, baseUrl);
  await screen('lawyer', 'lawyer-10-workbench');
  await tap(lawyer, '#wb-case-list');
  await tap(lawyer, '.case-card', SEED_CASE_TITLE);
  await see(lawyer, '#case-title', SEED_CASE_TITLE);
  const caseId = hashParam(lawyer, 'id');
  await tap(lawyer, '#new-memo-button');
  await see(lawyer, '#memo-editor');
  await tap(lawyer, '#memo-channel-phone');
  await fill(lawyer, 'memo-matters-input-0', '借条原件和取款记录什么时候能提供。');
  await fill(lawyer, 'memo-conclusions-input-0', '起诉金额按借条载明的 20 万元主张。');
  await tap(lawyer, '#memo-conclusions-add');
  await fill(lawyer, 'memo-conclusions-input-1', '李女士于本周五前提供借条原件和取款记录。');
  await screen('lawyer', 'lawyer-11-memo-edit');
  await tap(lawyer, '#memo-publish');
  await see(lawyer, '#memo-clients');
  const memoId = hashParam(lawyer, 'id');
  expectCounts('after the memo', await workbenchCounts(lawyer, baseUrl), {
    unacknowledged: start.unacknowledged + 1,
  });
  done();

  done = step('the client disputes the memo’s second conclusion with a written reason');
  const client = (
    await openBrowser('client-comm', {
      ...options.browser,
      clockStart: FRIDAY_NIGHT,
      timezoneId: 'America/Los_Angeles',
    })
  ).page;
  pages.client = client;
  options.onPages?.(pages);
  await login(client, baseUrl, 'client');
  await openCase(client, baseUrl, caseId);
  await see(client, '#attention-confirm');
  await screen('client', 'client-10-case-needs-you');
  await tap(client, `#attention-memo-${memoId}`);
  await see(client, '#memo-title');
  await client.locator('[id^="dispute-conclusion-"] >> visible=true').nth(1).click();
  await see(client, '#memo-dispute-form');
  await fill(client, 'memo-dispute-reason', DISPUTE_REASON);
  await screen('client', 'client-11-memo-dispute');
  await tap(client, '#memo-dispute-submit');
  await see(client, '#memo-dispute-waiting');
  await see(client, '#memo-my-reason', DISPUTE_REASON);
  done();

  done = step('the lawyer sees the dispute on the 工作台 and publishes a corrected version answering it');
  const afterDispute = await workbenchCounts(lawyer, baseUrl);
  expectCounts('after the dispute', afterDispute, { disputes: start.disputes + 1 });
  await tap(lawyer, '#wb-section-disputes [data-testid="wb-item"]');
  await see(lawyer, '#memo-open-disputes', DISPUTE_REASON);
  await screen('lawyer', 'lawyer-12-memo-dispute');
  await tap(lawyer, '#memo-correct-disputes');
  await see(lawyer, '#memo-resolves');
  await fill(lawyer, 'memo-conclusions-input-1', CORRECTED);
  await fill(lawyer, 'memo-reason-input', '按李女士指出的通话内容更正提供材料的期限。');
  await tap(lawyer, '#memo-publish');
  await see(lawyer, '#memo-correction-note');
  expectCounts('after the correction', await workbenchCounts(lawyer, baseUrl), { disputes: start.disputes });
  done();

  done = step('the client sees what changed and confirms version 2');
  await client.goto(`${baseUrl}/#/comm/memo/index?id=${memoId}`);
  await see(client, '#memo-changes');
  await see(client, '#memo-conclusions', CORRECTED);
  await screen('client', 'client-12-memo-changes');
  await tap(client, '#memo-confirm');
  await see(client, '#memo-receipt');
  await screen('client', 'client-13-memo-receipt');
  expectCounts('after the confirmation', await workbenchCounts(lawyer, baseUrl), {
    unacknowledged: start.unacknowledged,
  });
  done();

  done = step('on Friday night the client is told, before sending, that the reply comes by Monday 18:00');
  await openCase(client, baseUrl, caseId);
  await tap(client, '#case-new-request');
  await see(client, '#request-new-page');
  await tap(client, '#request-category-action');
  await fill(client, 'request-body-input', REQUEST_BODY);
  await see(client, '#reply-notice[data-open="false"]');
  await see(client, '#reply-notice', '周一（11月30日）18:00 前');
  await screen('client', 'client-14-request-friday-night');
  await tap(client, '#request-submit');
  await see(client, '#request-page[data-status="open"]');
  await see(client, '#request-promised-by', '2026-11-30 18:00');
  const requestId = hashParam(client, 'id');
  expectCounts('after the request', await workbenchCounts(lawyer, baseUrl), {
    requests: start.requests + 1,
  });
  done();

  done = step('the lawyer declines the request in writing, with the reason, and the client reads it');
  await tap(lawyer, `#wb-item-request-${requestId}`);
  await see(lawyer, '#answer-form');
  await tap(lawyer, '#answer-kind-decline');
  await fill(lawyer, 'answer-text-input', DECLINE_REASON);
  await screen('lawyer', 'lawyer-13-request-decline');
  await tap(lawyer, '#answer-submit');
  await see(lawyer, '#request-page[data-status="declined"]');
  await client.goto(`${baseUrl}/#/comm/request/index?id=${requestId}`);
  await see(client, '#answer-kind-tag[data-kind="decline"]');
  await see(client, '#answer-text', DECLINE_REASON);
  await screen('client', 'client-15-request-declined');
  expectCounts('after the answer', await workbenchCounts(lawyer, baseUrl), { requests: start.requests });
  done();

  done = step('a task: assigned, marked done, returned with a reason, done again and accepted');
  await openCase(lawyer, baseUrl, caseId);
  await tap(lawyer, '#new-task-button');
  await see(lawyer, '#task-new');
  await fill(lawyer, 'task-title-input', '拍照发来借条原件正反面');
  await fill(lawyer, 'task-details-input', '请在光线充足处拍摄，四角完整、字迹清楚。');
  await screen('lawyer', 'lawyer-14-task-new');
  await tap(lawyer, '#task-assign-submit');
  await see(lawyer, '#task-page');
  const taskId = hashParam(lawyer, 'id');

  await openCase(client, baseUrl, caseId);
  await tap(client, `#attention-task-${taskId}`);
  await see(client, '#task-complete-form');
  await fill(client, 'task-note-input', '已通过微信发给您。');
  await tap(client, '#task-complete');
  await see(client, '#task-waiting');
  const submitted = await workbenchCounts(lawyer, baseUrl);
  expectCounts('after the task is done', submitted, { tasks: start.tasks + 1 });

  await lawyer.goto(`${baseUrl}/#/comm/task/index?id=${taskId}`);
  await tap(lawyer, '#task-return-open');
  await fill(lawyer, 'task-return-reason-input', '照片反光，借款金额看不清，请重新拍摄。');
  await tap(lawyer, '#task-return-submit');
  await see(lawyer, '#task-returned');
  expectCounts('after the return', await workbenchCounts(lawyer, baseUrl), { tasks: start.tasks });

  await client.goto(`${baseUrl}/#/comm/task/index?id=${taskId}`);
  await see(client, '#task-return-reason', '照片反光');
  await screen('client', 'client-16-task-returned');
  await fill(client, 'task-note-input', '已重新拍摄，避开了反光。');
  await tap(client, '#task-complete');
  await see(client, '#task-waiting');

  await lawyer.goto(`${baseUrl}/#/comm/task/index?id=${taskId}`);
  await tap(lawyer, '#task-accept');
  await see(lawyer, '#task-accepted');
  await screen('lawyer', 'lawyer-15-task-accepted');
  expectCounts('after the acceptance', await workbenchCounts(lawyer, baseUrl), { tasks: start.tasks });
  done();

  done = step('the client finds the lawyer’s contact card and office hours from the case page');
  await openCase(client, baseUrl, caseId);
  await tap(client, '#contact-entry');
  await see(client, '#contact-page');
  await see(client, '[data-field="officeHours"]', '周一至周五');
  await screen('client', 'client-17-contact');
  done();
}
