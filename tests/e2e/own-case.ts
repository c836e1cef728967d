/**
 * The first steps of the journeys that run on a new case of their own against the shared server (invites, privacy,
 * forms), so the seeded cases stay as they were: open a persona's browser, sign the lawyer in, open the case,
 * invite its client.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, type BrowserOptions } from './harness';
import type { Persona } from './journey';
import { fill, hashParam, see, tap, visible } from './page-actions';

export interface OwnCaseJourneyOptions {
  baseUrl: string;
  browser?: BrowserOptions;
  /** Called whenever a persona's page opens: the runner screenshots these pages when a step fails. */
  onPages?: (pages: Partial<Record<Persona, Page>>) => void;
}

/** Opens `persona`'s own browser and adds its page to `pages`, which the runner is told about. */
export async function openPersona(
  persona: Persona,
  options: OwnCaseJourneyOptions,
  pages: Partial<Record<Persona, Page>>,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openBrowser(persona, options.browser);
  pages[persona] = opened.page;
  options.onPages?.(pages);
  return opened;
}

/** Signs in as the seeded lawyer (dev login 张律师) and waits for the home page. */
export async function signInAsLawyer(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await tap(page, '#login-persona-lawyer');
  await see(page, '#new-case-button');
}

/** From the lawyer's home page, opens a new case titled `title`; returns its id, on its case page. */
export async function openNewCase(page: Page, title: string): Promise<string> {
  await tap(page, '#new-case-button');
  await fill(page, 'case-title-input', title);
  await tap(page, '#create-case-submit');
  await see(page, '#case-title', title);
  return hashParam(page, 'id');
}

/** From the case page, creates an invite for the client `name`; returns the invite link shown, on the invite page. */
export async function inviteClient(page: Page, name: string): Promise<string> {
  await tap(page, '#invite-client-button');
  await fill(page, 'invite-client-name', name);
  await tap(page, '#create-invite-submit');
  await see(page, '#invite-link');
  return (await visible(page, '#invite-link').innerText()).trim();
}
