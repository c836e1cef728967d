/**
 * `npm run e2e`: the first journey, the expectation-statement journey, the communication journey (memos,
 * requests, tasks, 工作台; on a server whose clock starts on a Friday night), the notifications journey (on its own
 * servers, by day and at night), then 存证与核验 (last: it edits the data behind the app's back), in Chromium
 * against the real HTTP server and the H5 build.
 * Skips (exit 0) without /usr/bin/chromium unless CI=true; on failure saves screenshots to test-results/.
 */
import type { Page } from 'playwright-core';
import { ensureH5Build, requireChromium, screenshotAll, startServer, withCleanup } from './harness';
import { FRIDAY_NIGHT, runCommJourney } from './comm-journey';
import { databaseFileFrom, runEvidenceJourney } from './evidence-journey';
import { runJourney, type Persona } from './journey';
import { runNotifyJourney } from './notify-journey';
import { runStatementsJourney } from './statements-journey';

async function main() {
  if (!requireChromium()) process.exit(0);
  const started = Date.now();
  let pages: Partial<Record<Persona, Page>> = {};
  const code = await withCleanup(async () => {
    ensureH5Build();
    const server = await startServer();
    console.log(`server ${server.pid} at ${server.url}`);
    try {
      await runJourney({ baseUrl: server.url, onPages: (current) => (pages = current) });
      await runStatementsJourney({ baseUrl: server.url, onPages: (current) => (pages = current) });
      // Its own server, whose demo clock starts on a Friday night (the reply promise runs over the weekend).
      const friday = await startServer({ CASETRAIL_DEMO_CLOCK: FRIDAY_NIGHT.toISOString() });
      await runCommJourney({ baseUrl: friday.url, onPages: (current) => (pages = current) });
      // Its own servers: a sender draining every second, demo clocks by day and at night.
      await runNotifyJourney({ onPages: (current) => (pages = current) });
      await runEvidenceJourney({
        baseUrl: server.url,
        databaseFile: databaseFileFrom(server.output()),
        onPages: (current) => (pages = current),
      });
    } catch (error) {
      const shots = await screenshotAll(
        pages,
        `e2e-failure-${new Date().toISOString().replace(/[:.]/g, '-')}`,
      );
      for (const shot of shots) console.error(`screenshot: ${shot}`);
      console.error(`server output:\n${server.output().slice(-3000)}`);
      throw error;
    }
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(code === 0 ? `e2e passed in ${seconds} s` : `e2e FAILED after ${seconds} s`);
  process.exit(code);
}

void main();
