/**
 * The H5 boot script (src/boot/prefetch.boot.ts) sends the opened screen's reads before app.js arrives, and the
 * app takes those answers instead of asking again. This reloads a page and checks both halves: the boot script
 * ran (its answers are on the page, sent with the session token, each read in its one batch) and every answer was
 * taken: the app sent none of those reads again.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export async function reloadTakingEarlyAnswers(page: Page, reads: string[], ready: () => Promise<void>) {
  const sent: string[] = [];
  const batched: string[] = [];
  const record = (request: { url(): string; method(): string; postData(): string | null }) => {
    if (request.method() !== 'POST') return;
    let body: { action?: string; requests?: { action: string }[] };
    try {
      body = JSON.parse(request.postData() ?? '{}') as typeof body;
    } catch {
      return;
    }
    if (request.url().endsWith('/api') && body.action) sent.push(body.action);
    if (request.url().endsWith('/api/batch')) batched.push(...(body.requests ?? []).map((r) => r.action));
  };
  page.on('request', record);
  try {
    await page.reload();
    await ready();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', record);
  }
  const early = await page.evaluate(() => {
    const found = (window as unknown as Record<string, { token: string | null; answers: object } | undefined>)
      .__casetrailEarlyAnswers;
    return found ? { signedIn: found.token !== null, left: Object.keys(found.answers) } : null;
  });
  assert.ok(early, 'the boot script did not run (no early answers on the page)');
  assert.ok(early.signedIn, 'the boot script sent its reads without the session token');
  assert.deepEqual(early.left, [], `early answers the app did not take: ${early.left.join(', ')}`);
  for (const action of reads) {
    assert.ok(batched.includes(action), `${action} was not in the boot script's batch`);
    assert.equal(sent.filter((a) => a === action).length, 0, `${action} was sent again by the app`);
  }
}
