/**
 * The notifications journey (issue 9), on two servers of its own whose sender drains every second
 * (CASETRAIL_NOTIFY_INTERVAL_SECONDS=1) and whose demo clocks start at a chosen Shanghai time:
 * - by day (Tuesday 10:00): 李女士 allows WeChat notifications; 张律师 publishes an update; the 消息预览 page shows
 *   the subscribe message her WeChat receives (the case, the update's title, the page it opens); 张律师's
 *   「我发出的」 says it was sent; her case list shows the marker and the count, and opening 案件通知 clears it;
 * - at night (23:30): the same update waits for her quiet hours to end — 「免打扰」 until 08:00 on the preview and in
 *   张律师's 「我发出的」.
 * Both browsers' clocks start with the server's. Selectors follow tests/e2e/SELECTORS.md.
 */
import type { Page } from 'playwright-core';
import { delay, openBrowser, startServer, type BrowserOptions, type RunningServer } from './harness';
import { fill, hashParam, see, settle, step, tap, visible } from './page-actions';
import type { Persona } from './journey';
import { SEED_CASE_TITLE } from './statements-journey';

/** Tuesday 2026-12-01 10:00 in Shanghai: outside everyone's quiet hours. */
export const NOTIFY_DAY = new Date('2026-12-01T02:00:00.000Z');
/** Tuesday 2026-12-01 23:30 in Shanghai: inside the client's default quiet hours (22:00–08:00). */
export const NOTIFY_NIGHT = new Date('2026-12-01T15:30:00.000Z');

const DAY_UPDATE = '一审开庭时间已确定';
const DAY_BODY =
  '法院已通知开庭时间为 12 月 15 日上午 9:30，地点在区人民法院第三法庭。请您当天 9:00 前到达。';
const NIGHT_UPDATE = '对方已提交答辩状';
const NIGHT_BODY = '对方今天向法院提交了答辩状，主要理由是借款已部分归还。我们明天整理反驳意见后再与您沟通。';
const CLIENT = '李女士';

export interface NotifyJourneyOptions {
  browser?: BrowserOptions;
  onScreen?: (persona: Persona, page: Page, name: string) => Promise<void>;
  onPages?: (pages: Partial<Record<Persona, Page>>) => void;
}

/** A server of this journey: dev login, the demo transport, a sender that drains every second. */
const notifyServer = (clock: Date) =>
  startServer({ CASETRAIL_DEMO_CLOCK: clock.toISOString(), CASETRAIL_NOTIFY_INTERVAL_SECONDS: '1' });

async function login(page: Page, baseUrl: string, persona: 'lawyer' | 'client') {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await tap(page, `#login-persona-${persona}`);
  await see(page, '#case-list');
}

async function openSeedCase(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/#/pages/index/index`);
  await tap(page, '.case-card', SEED_CASE_TITLE);
  await see(page, '#case-title', SEED_CASE_TITLE);
  return hashParam(page, 'id');
}

/** Her remaining 案件进展通知 on the 通知设置 page. */
const progressCredits = async (page: Page) =>
  Number(await visible(page, '#notify-template-progress [data-credits]').getAttribute('data-credits'));

/**
 * The client allows notifications from the case page's 通知设置 (H5: the demo's stand-in for WeChat's dialog,
 * answered 允许): each template gains one message.
 */
async function allowNotifications(page: Page, baseUrl: string, caseId: string) {
  await page.goto(`${baseUrl}/#/pages/case/index?id=${caseId}`);
  await tap(page, '#notify-settings-entry');
  await see(page, '#notify-page');
  const before = await progressCredits(page);
  await tap(page, '#notify-settings-consent');
  await tap(page, '.taro-model__confirm', '允许');
  await see(page, `#notify-template-progress [data-credits="${before + 1}"]`);
  await see(page, '#notify-summary[data-on="true"]');
  // The toast says what came of it (已开启…); wait until it has gone before the page is looked at.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).some(
      (el) => (el.textContent ?? '').includes('已开启') && el.style.display === 'none',
    ),
  );
}

async function publishUpdate(page: Page, baseUrl: string, caseId: string, title: string, body: string) {
  await page.goto(`${baseUrl}/#/pages/case/index?id=${caseId}`);
  await see(page, '#case-title', SEED_CASE_TITLE);
  await tap(page, '#publish-update-button');
  await fill(page, 'update-title-input', title);
  await fill(page, 'update-body-input', body);
  await tap(page, '#publish-submit');
  await see(page, '#update-title, #timeline', title);
}

/** Taps 刷新 on the 消息预览 page until `selector` (with `text`) shows: the sender drains every second. */
async function refreshPreviewUntil(page: Page, selector: string, text?: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await visible(page, selector, text).isVisible()) return;
    if (Date.now() > deadline)
      throw new Error(`消息预览 never showed ${selector}${text ? ` with "${text}"` : ''} in ${timeoutMs} ms`);
    await delay(500);
    const answered = page.waitForResponse((r) =>
      (r.request().postData() ?? '').includes('notification.preview'),
    );
    await tap(page, '#preview-refresh');
    await answered;
  }
}

/** Re-reads 「我发出的」 until the notice about `title` is in `state`. */
async function sentUntil(page: Page, baseUrl: string, caseId: string, title: string, state: string) {
  const row = `#notices-sent [data-testid="notice-row"][data-delivery="${state}"]`;
  const deadline = Date.now() + 30_000;
  await page.goto(`${baseUrl}/#/comm/notices/index?caseId=${caseId}&box=sent`);
  for (;;) {
    await see(page, '#notices-page[data-box="sent"]');
    await see(page, '#notices-sent, #notices-sent-empty');
    if (await visible(page, row, title).isVisible()) return;
    if (Date.now() > deadline) throw new Error(`「我发出的」 never showed "${title}" as ${state}`);
    await delay(500);
    await page.reload();
  }
}

export async function runNotifyJourney(options: NotifyJourneyOptions = {}): Promise<void> {
  const pages: Partial<Record<Persona, Page>> = {};
  const screen = async (persona: Persona, name: string) => {
    const page = pages[persona]!;
    await settle(page);
    await options.onScreen?.(persona, page, name);
  };
  const servers: RunningServer[] = [];
  try {
    await daytime(pages, screen, servers, options);
    await nighttime(pages, screen, servers, options);
  } catch (error) {
    for (const server of servers)
      console.error(`server ${server.url} output:\n${server.output().slice(-3000)}`);
    throw error;
  }
}

type Screen = (persona: Persona, name: string) => Promise<void>;

async function daytime(
  pages: Partial<Record<Persona, Page>>,
  screen: Screen,
  servers: RunningServer[],
  options: NotifyJourneyOptions,
) {
  const server = await notifyServer(NOTIFY_DAY);
  servers.push(server);
  const baseUrl = server.url;

  let done = step('by day, 李女士 allows WeChat notifications from 通知设置');
  const client = (await openBrowser('client-notify', { ...options.browser, clockStart: NOTIFY_DAY })).page;
  pages.client = client;
  options.onPages?.(pages);
  await login(client, baseUrl, 'client');
  const caseId = await openSeedCase(client, baseUrl);
  await allowNotifications(client, baseUrl, caseId);
  await screen('client', 'client-18-notify-settings');
  done();

  done = step('张律师 publishes an update; the 消息预览 shows the message 李女士’s WeChat receives');
  const lawyer = (await openBrowser('lawyer-notify', { ...options.browser, clockStart: NOTIFY_DAY })).page;
  pages.lawyer = lawyer;
  options.onPages?.(pages);
  await login(lawyer, baseUrl, 'lawyer');
  await publishUpdate(lawyer, baseUrl, caseId, DAY_UPDATE, DAY_BODY);
  await lawyer.goto(`${baseUrl}/#/comm/message-preview/index`);
  await see(lawyer, '#preview-page');
  const persona = `[data-testid="preview-persona"][data-name="${CLIENT}"]`;
  const message = `${persona} [data-testid="preview-message"][data-status="sent"]`;
  await refreshPreviewUntil(lawyer, message, DAY_UPDATE);
  const card = visible(lawyer, message, DAY_UPDATE);
  const text = await card.innerText();
  for (const expected of [SEED_CASE_TITLE, DAY_UPDATE, '进入小程序查看', '已送达'])
    if (!text.includes(expected)) throw new Error(`her message lacks "${expected}":\n${text}`);
  const opens = await card.locator('[data-testid="wx-open"]').getAttribute('data-page');
  if (!opens?.startsWith('pages/update/index?id='))
    throw new Error(`her message opens ${opens}, not the update's page`);
  await visible(lawyer, persona).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screen('lawyer', 'lawyer-16-message-preview');
  done();

  done = step('张律师’s 「我发出的」 says the notice reached her WeChat');
  await sentUntil(lawyer, baseUrl, caseId, DAY_UPDATE, 'sent');
  await see(lawyer, '#notices-sent [data-testid="notice-row"]', `发给 ${CLIENT}`);
  await see(lawyer, '#notices-sent [data-testid="notice-delivery"][data-state="sent"]', '已发送到微信');
  await screen('lawyer', 'lawyer-17-notices-sent');
  done();

  done = step('her case list shows the marker and the count; opening 案件通知 clears it');
  await client.goto(`${baseUrl}/#/pages/index/index`);
  const cardOf = `#case-card-${caseId}`;
  await see(client, `${cardOf} .case-card__unread`, '条新消息');
  await see(client, `${cardOf} .ct-badge--dot`);
  await screen('client', 'client-19-case-list-marker');
  await tap(client, cardOf);
  await see(client, '#case-title', SEED_CASE_TITLE);
  await see(client, '#notices-entry:not([data-unseen="0"])');
  await tap(client, '#notices-entry');
  await see(client, '#notices-page[data-box="received"]');
  await see(client, '#notices-received [data-testid="notice-row"][data-seen="false"]', DAY_UPDATE);
  await see(client, '#notices-received [data-testid="notice-row"]', '来自 张律师');
  await screen('client', 'client-20-notices-received');
  await client.goto(`${baseUrl}/#/pages/index/index`);
  await client.reload();
  await see(client, cardOf);
  await client.waitForFunction(
    (selector) => !(document.querySelector(selector)?.textContent ?? '').includes('条新消息'),
    `${cardOf} .case-card__unread`,
  );
  await client.goto(`${baseUrl}/#/pages/case/index?id=${caseId}`);
  await see(client, '#notices-entry[data-unseen="0"]');
  done();
}

async function nighttime(
  pages: Partial<Record<Persona, Page>>,
  screen: Screen,
  servers: RunningServer[],
  options: NotifyJourneyOptions,
) {
  const server = await notifyServer(NOTIFY_NIGHT);
  servers.push(server);
  const baseUrl = server.url;

  const done = step('at 23:30 an update for 李女士 waits for her quiet hours to end (免打扰 until 08:00)');
  const client = (await openBrowser('client-night', { ...options.browser, clockStart: NOTIFY_NIGHT })).page;
  pages.client = client;
  options.onPages?.(pages);
  await login(client, baseUrl, 'client');
  const caseId = await openSeedCase(client, baseUrl);
  await allowNotifications(client, baseUrl, caseId);

  const lawyer = (await openBrowser('lawyer-night', { ...options.browser, clockStart: NOTIFY_NIGHT })).page;
  pages.lawyer = lawyer;
  options.onPages?.(pages);
  await login(lawyer, baseUrl, 'lawyer');
  await publishUpdate(lawyer, baseUrl, caseId, NIGHT_UPDATE, NIGHT_BODY);

  await lawyer.goto(`${baseUrl}/#/comm/message-preview/index`);
  await see(lawyer, '#preview-page');
  const waiting = `[data-testid="preview-persona"][data-name="${CLIENT}"] [data-testid="preview-waiting"][data-delivery="deferred"]`;
  await refreshPreviewUntil(lawyer, waiting, NIGHT_UPDATE);
  const why = await visible(lawyer, waiting, NIGHT_UPDATE).innerText();
  if (!why.includes('免打扰') || !why.includes('2026-12-02 08:00'))
    throw new Error(`the preview does not say it waits until 08:00: ${why}`);
  await screen('lawyer', 'lawyer-18-preview-deferred');

  await sentUntil(lawyer, baseUrl, caseId, NIGHT_UPDATE, 'deferred');
  await see(
    lawyer,
    '#notices-sent [data-testid="notice-delivery"][data-state="deferred"]',
    '将于 2026-12-02 08:00 发送',
  );
  await see(lawyer, '#notices-sent [data-testid="notice-delivery"][data-state="deferred"]', '免打扰');
  await screen('lawyer', 'lawyer-19-notices-deferred');
  done();
}
