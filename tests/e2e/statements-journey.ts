/**
 * The expectation-statement journey (issues 3 and 10) on the seeded case 「李女士诉某科技公司民间借贷纠纷」: the
 * lawyer picks the 民间借贷 family, answers 「您代理哪一方？」 with 出借人 and starts from that template; the promise
 * guard names 「包赢」, the lawyer rewrites it and publishes; the client reads every item (with its 依据), checks
 * 我已阅读并知悉 on each and submits the 知悉回执; the lawyer revises one item with a 修订说明; the client sees
 * exactly that change and acknowledges version 2; the lawyer sees both receipts. Selectors follow
 * tests/e2e/SELECTORS.md; words follow docs/glossary.md.
 */
import type { Page } from 'playwright-core';
import { assertAccessible } from './accessibility';
import { openBrowser, type BrowserOptions } from './harness';
import { fill, gone, hashParam, see, settle, step, tap, visible } from './page-actions';
import type { Persona } from './journey';

export interface StatementsJourneyOptions {
  baseUrl: string;
  browser?: BrowserOptions;
  /** Called on each main screen once settled, with its screenshot name (e.g. `client-06-statement`). */
  onScreen?: (persona: Persona, page: Page, name: string) => Promise<void>;
  onPages?: (pages: Partial<Record<Persona, Page>>) => void;
}

export const SEED_CASE_TITLE = '李女士诉某科技公司民间借贷纠纷';
const SEED_CLIENT = '李女士';
const PROMISE_TEXT = '我们经验丰富，这个案子包赢，请您放心。';
const REVISED_TEXT = '我们会按时提交证据、按期出庭，尽最大努力维护您的合法权益，但不对判决结果作任何保证。';
const VERSION_2_TEXT = '我们会在举证期限届满前提交全部证据，每次开庭后两个工作日内书面告知您庭审情况。';
const CHANGE_NOTE = '明确了提交证据的期限和庭审后告知的时间。';

/** Scrolls the visible match to the middle of the screen (for screenshots). */
async function centre(page: Page, selector: string) {
  await visible(page, selector).evaluate((element) => element.scrollIntoView({ block: 'center' }));
}

/** The smallest tap target WCAG's enhanced size and both platforms' guidelines ask for. */
const MIN_TAP = 44;

/** Fails unless every visible match is at least 44 px tall (and, with `wide`, 44 px wide). */
async function expectTapTargets(page: Page, selector: string, wide = false): Promise<number> {
  const targets = page.locator(`${selector} >> visible=true`);
  const count = await targets.count();
  if (count === 0) throw new Error(`no visible ${selector} to measure`);
  for (let i = 0; i < count; i++) {
    const box = await targets.nth(i).boundingBox();
    if (!box || box.height < MIN_TAP || (wide && box.width < MIN_TAP)) {
      const id = await targets.nth(i).getAttribute('id');
      throw new Error(`tap target ${id ?? selector} is ${box?.width}×${box?.height} px, under ${MIN_TAP} px`);
    }
  }
  return count;
}

/** Waits until the visible match's top edge is inside the viewport (after a smooth scroll). */
async function expectInViewport(page: Page, selector: string) {
  await page
    .waitForFunction(
      (sel) =>
        Array.from(document.querySelectorAll<HTMLElement>(sel)).some((element) => {
          if (element.offsetParent === null) return false;
          const { top, bottom } = element.getBoundingClientRect();
          return top >= 0 && top < window.innerHeight && bottom > 0;
        }),
      selector,
      { timeout: 5000 },
    )
    .catch(async () => {
      const box = await visible(page, selector).boundingBox();
      throw new Error(`${selector} is not in the viewport after confirming (box ${JSON.stringify(box)})`);
    });
}

/** Checks every visible 我已阅读并知悉 box and returns how many there were. */
async function checkEveryItem(page: Page): Promise<number> {
  await see(page, '[id^="ack-check-"]');
  const boxes = page.locator('[id^="ack-check-"] >> visible=true');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) await boxes.nth(i).click();
  await see(page, '#ack-count', `已勾选 ${count}/${count}`);
  return count;
}

async function login(page: Page, baseUrl: string, persona: 'lawyer' | 'client') {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await tap(page, `#login-persona-${persona}`);
  await see(page, '#case-list');
}

export async function runStatementsJourney(options: StatementsJourneyOptions): Promise<void> {
  const { baseUrl } = options;
  const pages: Partial<Record<Persona, Page>> = {};
  const screen = async (persona: Persona, name: string) => {
    const page = pages[persona]!;
    await settle(page, name);
    await options.onScreen?.(persona, page, name);
  };

  let done = step(
    'lawyer opens the seeded case, picks 民间借贷, says which side he represents and starts from it',
  );
  const lawyer = (await openBrowser('lawyer-statements', options.browser)).page;
  pages.lawyer = lawyer;
  options.onPages?.(pages);
  await login(lawyer, baseUrl, 'lawyer');
  await tap(lawyer, '.case-card', SEED_CASE_TITLE);
  await see(lawyer, '#case-title', SEED_CASE_TITLE);
  const caseId = hashParam(lawyer, 'id');
  await tap(lawyer, '#new-statement-button');
  await see(lawyer, '#template-family-private-lending', '适用于本案类型');
  await see(lawyer, '#template-family-private-lending', '出借人 / 借款人');
  await tap(lawyer, '#template-family-private-lending');
  await see(lawyer, '#template-sides', '您代理哪一方？');
  await see(lawyer, '#template-start[aria-disabled="true"]');
  await tap(lawyer, '#side-option-lender');
  await see(lawyer, '#side-option-lender[aria-checked="true"]');
  await see(lawyer, '#template-preview', '（出借人）');
  await see(lawyer, '#template-preview [data-testid="item-basis"]', '依据：');
  await screen('lawyer', 'lawyer-07-template-side');
  await tap(lawyer, '#template-start');
  await see(lawyer, '#statement-editor');
  // The template's 依据 came along, each in its own small field.
  await see(lawyer, '[id^="item-basis-"]');
  done();

  done = step('the promise guard names 「包赢」, the lawyer rewrites it and publishes');
  await fill(lawyer, 'item-input-weWill-0', PROMISE_TEXT);
  // The phrase and where it is; the guard's own wording is its owner's (src/lawyer/promise-guard-ui.tsx).
  await see(lawyer, '#promise-hint-weWill-0', '「包赢」');
  await see(lawyer, '#promise-summary', '我们会做 第 1 条：「包赢」');
  await centre(lawyer, '#promise-hint-weWill-0');
  await screen('lawyer', 'lawyer-08-statement-edit');
  await fill(lawyer, 'item-input-weWill-0', REVISED_TEXT);
  await gone(lawyer, '#promise-hint-weWill-0');
  await gone(lawyer, '#promise-summary');
  // The box grows with the text: every line shows, nothing scrolls inside it.
  const cut = await visible(lawyer, '#item-input-weWill-0 textarea, textarea#item-input-weWill-0').evaluate(
    (element) => element.scrollHeight - element.clientHeight,
  );
  if (cut > 1) throw new Error(`the item box hides ${cut} px of its text`);
  // 上移 / 下移 / 删除 are buttons of at least 44 × 44 px, named for their item.
  await expectTapTargets(
    lawyer,
    '[id^="item-up-weWill-"], [id^="item-down-weWill-"], [id^="item-delete-"]',
    true,
  );
  await see(lawyer, '#item-delete-weWill-0[role="button"][aria-label="删除第1条"]');
  await tap(lawyer, '#publish-statement', '发布');
  await see(lawyer, '#client-status', SEED_CLIENT);
  const statementId = hashParam(lawyer, 'id');
  done();

  done = step(
    'the client reads every item with its 依据, checks 我已阅读并知悉 on each and gets the 知悉回执',
  );
  const client = (await openBrowser('client-statements', options.browser)).page;
  pages.client = client;
  options.onPages?.(pages);
  await login(client, baseUrl, 'client');
  await see(client, '#my-statements-entry', '待知悉');
  await tap(client, '#my-statements-entry');
  await tap(client, `#my-statement-${statementId}`);
  await see(client, '#statement-title');
  // Large tap targets: each item's tick (the whole item), 提问, the bar's 下一条 and 提交知悉回执.
  const itemCount = await expectTapTargets(client, '[id^="ack-check-"]');
  await expectTapTargets(client, '[id^="ask-link-"]');
  await expectTapTargets(client, '#ack-next, #ack-submit', true);
  await see(client, '#section-progress-worstCase', '0/');
  await see(client, '#ack-count', `已勾选 0/${itemCount}`);
  // 下一条 brings the first unticked item into view (here the 4th, far down); the bar stays at the bottom.
  const ticks = client.locator('[id^="ack-check-"] >> visible=true');
  for (let i = 0; i < 3; i++) await ticks.nth(i).click();
  await see(client, '#ack-count', `已勾选 3/${itemCount}`);
  const fourth = (await ticks.nth(3).getAttribute('id'))!.replace('ack-check-', 'item-');
  await visible(client, '#statement-title').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await tap(client, '#ack-next');
  await expectInViewport(client, `#${fourth}`);
  const bar = await visible(client, '#ack-bar').boundingBox();
  const viewport = client.viewportSize()!;
  if (!bar || Math.abs(bar.y + bar.height - viewport.height) > 1)
    throw new Error(`the 已勾选 bar is not at the bottom of the screen: ${JSON.stringify(bar)}`);
  for (let i = 0; i < 3; i++) await ticks.nth(i).click(); // untick: checkEveryItem ticks each once
  await see(client, '#ack-count', `已勾选 0/${itemCount}`);
  const items = await checkEveryItem(client);
  if (items < 4) throw new Error(`expected the template's items, found ${items}`);
  await gone(client, '#ack-next');
  await visible(client, '#statement-title').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screen('client', 'client-06-statement');
  await see(client, '[data-testid="statement-item"] [data-testid="item-basis"]', '依据：');
  // The last item with a 依据 (in 需要您配合), so this screen is not the one above.
  await client
    .locator('[data-testid="statement-item"]:has([data-testid="item-basis"]) >> visible=true')
    .last()
    .evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await screen('client', 'client-07-statement-basis');
  await tap(client, '#ack-submit', '提交知悉回执');
  await see(client, '#my-receipt [data-field="知悉版本"]', '第 1 版');
  // The receipt comes into view (it sits at the top, far above the submit button) and is announced.
  await expectInViewport(client, '#my-receipt');
  await see(client, '#statement-announcer', '已提交知悉回执：第 1 版');
  await assertAccessible(client, 'client-statements receipt');
  // The fingerprint is evidence, not reading: it waits under 存证信息.
  await gone(client, '#my-receipt [data-field="内容指纹"]');
  await tap(client, '#my-receipt-evidence [role="button"]');
  await see(client, '#my-receipt [data-field="内容指纹"]');
  done();

  done = step('the lawyer revises one item and publishes version 2 with a 修订说明');
  await lawyer.goto(`${baseUrl}/#/statement/view/index?id=${encodeURIComponent(statementId)}`);
  await lawyer.reload();
  await see(lawyer, '#client-status [data-testid="client-status"]', '已知悉 第 1 版');
  await tap(lawyer, '#revise-statement');
  await see(lawyer, '#revision-changes', '内容与当前版本相同');
  await fill(lawyer, 'item-input-weWill-0', VERSION_2_TEXT);
  await see(lawyer, '#revision-changes [data-change="changed"]', VERSION_2_TEXT);
  await fill(lawyer, 'change-note-input', CHANGE_NOTE);
  await tap(lawyer, '#publish-statement', '发布第 2 版');
  await see(lawyer, '#version-history', CHANGE_NOTE);
  done();

  done = step('the client sees exactly that change and acknowledges version 2');
  await client.goto(`${baseUrl}/#/statement/view/index?id=${encodeURIComponent(statementId)}`);
  await client.reload();
  await see(client, '#statement-changes', '本次修订');
  await see(client, '#statement-changes', '修改 1 条');
  const marks = client.locator('[data-change] >> visible=true');
  if ((await marks.count()) !== 1)
    throw new Error(`expected exactly one highlighted change, saw ${await marks.count()}`);
  await see(client, '[data-change="changed"]', VERSION_2_TEXT);
  await see(client, '[data-change="changed"] .ct-item-diff__struck', REVISED_TEXT);
  await centre(client, '[data-change="changed"]');
  await screen('client', 'client-08-statement-diff');
  await checkEveryItem(client);
  await tap(client, '#ack-submit');
  await see(client, '#my-receipt [data-field="知悉版本"]', '第 2 版');
  await expectInViewport(client, '#my-receipt');
  await client.goto(`${baseUrl}/#/statement/mine/index`);
  await client.reload();
  await see(client, `#my-statement-${statementId}`, '已知悉 第 2 版');
  await screen('client', 'client-09-my-statements');
  done();

  done = step('the lawyer sees both acknowledgments with their receipts');
  await lawyer.goto(`${baseUrl}/#/statement/view/index?id=${encodeURIComponent(statementId)}`);
  await lawyer.reload();
  await see(lawyer, '#acknowledgments [data-testid="ack-receipt"]', '第 1 版');
  await see(lawyer, '#acknowledgments [data-testid="ack-receipt"]', '第 2 版');
  await see(lawyer, '#client-status [data-testid="client-status"]', '已知悉 第 2 版');
  await lawyer.goto(`${baseUrl}/#/pages/case/index?id=${encodeURIComponent(caseId)}`);
  await lawyer.reload();
  await see(lawyer, `#statement-row-${statementId}`, '1/1 已知悉');
  await lawyer.goto(`${baseUrl}/#/statement/view/index?id=${encodeURIComponent(statementId)}`);
  await lawyer.reload();
  await see(lawyer, '#client-status [data-testid="client-status"]', '已知悉 第 2 版');
  await centre(lawyer, '#acknowledgments');
  await screen('lawyer', 'lawyer-09-statement-status');
  done();
}
