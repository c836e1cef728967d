/**
 * The server's Content-Security-Policy in the browser journeys: every page records each
 * `securitypolicyviolation` event (and Chromium's "Content Security Policy" console errors, which also cover
 * reports the event misses), and settle() fails the journey on the first one, naming the directive and what was
 * blocked. axe runs through the DevTools protocol, which the CSP does not govern, so it raises none.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Console lines about the CSP seen per page (the event list lives in the page itself). */
const consoleReports = new WeakMap<Page, string[]>();

/** Records violations in every document the context opens, and CSP console errors of its pages. */
export async function watchCsp(context: BrowserContext, page: Page): Promise<void> {
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (event) => {
      list.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}` +
          (event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''),
      );
    });
  });
  const reports: string[] = [];
  consoleReports.set(page, reports);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
}

/** Throws if the page has reported a CSP violation since it was opened. */
export async function assertNoCspViolations(page: Page, screenName: string): Promise<void> {
  const inPage = await page
    .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
    .catch(() => [] as string[]);
  const found = [...inPage, ...(consoleReports.get(page) ?? [])];
  if (found.length) {
    throw new Error(
      `Content-Security-Policy violated on ${screenName}:\n${found.map((f) => `  ${f}`).join('\n')}`,
    );
  }
}
