/**
 * What the browser journeys do to a page, in the terms of Taro's H5 build (shared by journey.ts and
 * statements-journey.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { assertAccessible, screenNameOf } from './accessibility';
import { assertNoCspViolations } from './csp';

/** Logs a journey step and returns the function that logs its end with the time it took. */
export function step(label: string) {
  const started = Date.now();
  console.log(`→ ${label}`);
  return () => console.log(`  ✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Visible matches only: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
export const visible = (page: Page, selector: string, text?: string) =>
  page.locator(`${selector} >> visible=true`, text ? { hasText: text } : {}).first();

/** Types into a Taro Input/Textarea by its id (the id sits on the field or on its wrapper). */
export async function fill(page: Page, id: string, text: string) {
  const target = visible(page, `#${id}`);
  await target.waitFor();
  const tag = await target.evaluate((element) => element.tagName.toLowerCase());
  const field: Locator =
    tag === 'input' || tag === 'textarea' ? target : target.locator('input, textarea').first();
  await field.fill(text);
}

/**
 * Ticks 「我已阅读并同意《律程用户隐私保护指引》」 on the login page unless it is ticked already: signing in needs it
 * (privacy journey: tests/e2e/privacy-journey.ts checks the refusal without it).
 */
export async function agreeToPrivacyNotice(page: Page) {
  const box = visible(page, '#privacy-consent');
  await box.waitFor();
  // The box itself: the middle of the line is the notice's title, which opens the notice.
  if ((await box.getAttribute('aria-checked')) !== 'true')
    await visible(page, '#privacy-consent-box').click();
}

/** Taps a target; a sign-in button (`#login-…`) first gets the privacy consent it needs. */
export async function tap(page: Page, selector: string, text?: string) {
  if (selector.startsWith('#login-persona-') || selector === '#login-new-client')
    await agreeToPrivacyNotice(page);
  const target = visible(page, selector, text);
  await target.waitFor();
  await target.click();
}

export const see = (page: Page, selector: string, text?: string) => visible(page, selector, text).waitFor();

/** Waits until no element matching `selector` is visible. */
export async function gone(page: Page, selector: string) {
  await page.waitForFunction(
    (sel) =>
      Array.from(document.querySelectorAll(sel)).every((el) => (el as HTMLElement).offsetParent === null),
    selector,
  );
}

/**
 * Lets the network, fonts and Taro's page-slide transition settle, so screenshots show the finished page, then
 * checks the screen with axe (tests/e2e/accessibility.ts): every journey's screens pass through here.
 */
export async function settle(page: Page, screenName: string = screenNameOf(page)) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Taro's H5 router marks a page `taro_page_stationed` once its slide-in ends, and removes a leaving page after it.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_router > .taro_page')).every(
      (element) =>
        element.classList.contains('taro_page_stationed') || element.classList.contains('taro_page_shade'),
    ),
  );
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .every((animation) => animation.playState !== 'running'),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  await assertNoCspViolations(page, screenName);
  await assertAccessible(page, screenName);
}

/** A query parameter of the current hash route. */
export function hashParam(page: Page, name: string): string {
  const value = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get(name);
  if (!value) throw new Error(`no "${name}" in ${page.url()}`);
  return value;
}
