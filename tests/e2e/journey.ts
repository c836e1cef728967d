/**
 * The first journey, as two people live it in the H5 build: a lawyer opens a case and invites the client;
 * the client joins from the link; the lawyer publishes an update; the client reads it; the lawyer sees the
 * read receipt. Selectors follow tests/e2e/SELECTORS.md (written with the pages).
 */
import type { Page } from 'playwright-core';
import { reloadTakingEarlyAnswers } from './early-answers';
import { openBrowser, type BrowserOptions } from './harness';
import { fill, gone, hashParam, see, settle, step, tap, visible } from './page-actions';

export type Persona = 'lawyer' | 'client';

export interface JourneyOptions {
  baseUrl: string;
  browser?: BrowserOptions;
  /** Called on each main screen once it has settled (screenshots.ts saves them). */
  onScreen?: (persona: Persona, page: Page, name: string) => Promise<void>;
  /** Gets the pages as soon as they exist (for failure screenshots). */
  onPages?: (pages: Partial<Record<Persona, Page>>) => void;
}

export const CASE_TITLE = '王先生诉某物业公司物业服务合同纠纷';
export const CLIENT_NAME = '王先生';
export const UPDATE_TITLE = '已向法院提交起诉材料';
export const UPDATE_BODY =
  '今天上午已向区人民法院立案庭提交起诉状、证据目录及证据材料，法院出具了收件凭证。预计七个工作日内通知是否立案。';

export async function runJourney(options: JourneyOptions): Promise<void> {
  const { baseUrl } = options;
  const pages: Partial<Record<Persona, Page>> = {};
  const counters: Record<Persona, number> = { lawyer: 0, client: 0 };
  const screen = async (persona: Persona, name: string) => {
    const page = pages[persona]!;
    await settle(page);
    counters[persona] += 1;
    await options.onScreen?.(
      persona,
      page,
      `${persona}-${String(counters[persona]).padStart(2, '0')}-${name}`,
    );
  };

  let done = step('lawyer signs in (dev login 张律师)');
  const lawyer = (await openBrowser('lawyer', options.browser)).page;
  pages.lawyer = lawyer;
  options.onPages?.(pages);
  await lawyer.goto(`${baseUrl}/#/pages/login/index`);
  await tap(lawyer, '#login-persona-lawyer');
  await see(lawyer, '#new-case-button');
  await screen('lawyer', 'cases');
  done();

  done = step('lawyer creates a case');
  await tap(lawyer, '#new-case-button');
  await fill(lawyer, 'case-title-input', CASE_TITLE);
  await screen('lawyer', 'new-case');
  await tap(lawyer, '#create-case-submit');
  await see(lawyer, '#case-title', CASE_TITLE);
  const caseId = hashParam(lawyer, 'id');
  await screen('lawyer', 'case');
  done();

  done = step('lawyer invites the client');
  await tap(lawyer, '#invite-client-button');
  await fill(lawyer, 'invite-client-name', CLIENT_NAME);
  await tap(lawyer, '#create-invite-submit');
  await see(lawyer, '#invite-link');
  const inviteLink = (await visible(lawyer, '#invite-link').innerText()).trim();
  if (!inviteLink.startsWith(`${baseUrl}/#/pages/join/index?code=`)) {
    throw new Error(`unexpected invite link: ${inviteLink}`);
  }
  await screen('lawyer', 'invite');
  done();

  done = step('client opens the invite link, signs in as a new client and joins');
  const client = (await openBrowser('client', options.browser)).page;
  pages.client = client;
  options.onPages?.(pages);
  await client.goto(inviteLink);
  await fill(client, 'new-client-name', CLIENT_NAME);
  await screen('client', 'login');
  await tap(client, '#login-new-client');
  await see(client, '#join-submit');
  await screen('client', 'join');
  await tap(client, '#join-submit');
  await see(client, '#case-title', CASE_TITLE);
  await screen('client', 'case');
  done();

  done = step('lawyer publishes an update');
  await lawyer.goto(`${baseUrl}/#/pages/case/index?id=${encodeURIComponent(caseId)}`);
  await see(lawyer, '#case-clients', CLIENT_NAME);
  await tap(lawyer, '#publish-update-button');
  await fill(lawyer, 'update-title-input', UPDATE_TITLE);
  await fill(lawyer, 'update-body-input', UPDATE_BODY);
  await screen('lawyer', 'publish');
  await tap(lawyer, '#publish-submit');
  await see(lawyer, '#update-title, #timeline', UPDATE_TITLE);
  done();

  done = step('client sees the update on the case page and opens it');
  // Reloaded: the case's reads went out from the boot script, once each, and the page took their answers.
  const caseReads = ['case.get', 'case.timeline', 'statement.list', 'memo.list', 'task.list', 'request.list'];
  await reloadTakingEarlyAnswers(client, caseReads, () => see(client, '#timeline', UPDATE_TITLE));
  await screen('client', 'case-with-update');
  await tap(client, `#timeline [id^="timeline-"]:has-text("${UPDATE_TITLE}")`);
  await see(client, '#update-title', UPDATE_TITLE);
  await see(client, '#my-read-at');
  // Plain words on the reading path; the fingerprint waits under 存证信息 (docs/glossary.md §5).
  await see(client, '#update-evidence', '存证信息');
  await gone(client, '#update-evidence [data-field="内容指纹"]');
  const updateId = hashParam(client, 'id');
  await screen('client', 'update');
  done();

  done = step('lawyer sees the read receipt');
  await lawyer.goto(`${baseUrl}/#/pages/update/index?id=${encodeURIComponent(updateId)}`);
  await lawyer.reload();
  await see(lawyer, '#read-receipts [data-testid="receipt-read"]', CLIENT_NAME);
  await see(lawyer, '#read-receipts [data-testid="receipt-read"]', '已读第 1 版');
  await tap(lawyer, '#update-evidence [role="button"]');
  await see(lawyer, '#update-evidence [data-field="内容指纹"]');
  await screen('lawyer', 'update-receipts');
  done();
}
