/**
 * `npm run screenshots`: walks the e2e journeys on a 375×812 phone screen (device scale 2) and saves each
 * main screen of both personas into docs/screenshots/ (lawyer-01-cases.png, client-03-case.png, …,
 * evidence-verify.png).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, ensureH5Build, requireChromium, screenshotAll, startServer, withCleanup } from './harness';
import { FRIDAY_NIGHT, runCommJourney } from './comm-journey';
import { databaseFileFrom, runEvidenceJourney } from './evidence-journey';
import { runJourney, type Persona } from './journey';
import { runNotifyJourney } from './notify-journey';
import { runStatementsJourney } from './statements-journey';

const OUT_DIR = path.join(ROOT, 'docs', 'screenshots');

async function main() {
  if (!requireChromium()) process.exit(0);
  const saved: string[] = [];
  let pages: Partial<Record<Persona, Page>> = {};
  const code = await withCleanup(async () => {
    ensureH5Build();
    const server = await startServer();
    mkdirSync(OUT_DIR, { recursive: true });
    // Only this script writes here: old shots of renamed screens must not linger.
    for (const file of readdirSync(OUT_DIR).filter((name) =>
      /^((lawyer|client)-\d\d-.*|evidence-.*)\.png$/.test(name),
    )) {
      rmSync(path.join(OUT_DIR, file));
    }
    try {
      const onScreen = async (_persona: Persona, page: Page, name: string) => {
        const file = path.join(OUT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        saved.push(file);
      };
      const browser = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 };
      await runJourney({ baseUrl: server.url, browser, onPages: (current) => (pages = current), onScreen });
      await runStatementsJourney({
        baseUrl: server.url,
        browser,
        onPages: (current) => (pages = current),
        onScreen,
      });
      const friday = await startServer({ CASETRAIL_DEMO_CLOCK: FRIDAY_NIGHT.toISOString() });
      await runCommJourney({
        baseUrl: friday.url,
        browser,
        onPages: (current) => (pages = current),
        onScreen,
      });
      await runNotifyJourney({ browser, onPages: (current) => (pages = current), onScreen });
      // Last: its final screen (findings) comes from editing the database behind the app's back.
      await runEvidenceJourney({
        baseUrl: server.url,
        browser,
        databaseFile: databaseFileFrom(server.output()),
        onPages: (current) => (pages = current),
        onScreen,
      });
    } catch (error) {
      await screenshotAll(pages, 'screenshots-failure');
      throw error;
    }
  });
  console.log(`saved ${saved.length} screenshots:`);
  for (const file of saved) console.log(`  ${path.relative(ROOT, file)}`);
  process.exit(code);
}

void main();
