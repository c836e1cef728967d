/**
 * `npm run e2e`: every browser journey, in order, in Chromium against the real HTTP server and the H5 build:
 * the first journey, the expectation-statement journey, the communication journey (memos, requests, tasks,
 * 工作台; on a server whose clock starts on a Friday night), the notifications journey (on its own servers, by day
 * and at night), then 存证与核验 (last: it edits the data behind the app's back).
 * `npm run e2e -- statements comm` runs only the journeys named.
 * Skips (exit 0) without /usr/bin/chromium unless CI=true; on failure saves screenshots to test-results/.
 */
import type { Page } from 'playwright-core';
import {
  ensureH5Build,
  requireChromium,
  screenshotAll,
  startServer,
  withCleanup,
  type RunningServer,
} from './harness';
import { FRIDAY_NIGHT, runCommJourney } from './comm-journey';
import { databaseFileFrom, runEvidenceJourney } from './evidence-journey';
import { runFormsJourney } from './forms-journey';
import { runInvitesJourney } from './invites-journey';
import { runJourney, type Persona } from './journey';
import { runNotifyJourney } from './notify-journey';
import { runPrivacyJourney } from './privacy-journey';
import { runStatementsJourney } from './statements-journey';

type OnPages = (current: Partial<Record<Persona, Page>>) => void;

interface JourneyRun {
  /** The shared server (dev login, real clock); journeys that need other settings start their own. */
  server: RunningServer;
  onPages: OnPages;
}

/** Every journey, in the order `npm run e2e` runs them. Add new journeys here (evidence stays last). */
const JOURNEYS: { name: string; run: (r: JourneyRun) => Promise<void> }[] = [
  { name: 'first', run: (r) => runJourney({ baseUrl: r.server.url, onPages: r.onPages }) },
  { name: 'statements', run: (r) => runStatementsJourney({ baseUrl: r.server.url, onPages: r.onPages }) },
  {
    name: 'comm',
    // Its own server, whose demo clock starts on a Friday night (the reply promise runs over the weekend).
    run: async (r) => {
      const friday = await startServer({ CASETRAIL_DEMO_CLOCK: FRIDAY_NIGHT.toISOString() });
      await runCommJourney({ baseUrl: friday.url, onPages: r.onPages });
    },
  },
  // A new case of its own: invite, join after seeing the case, removal; a lawyer enrolment the admin confirms.
  { name: 'invites', run: (r) => runInvitesJourney({ baseUrl: r.server.url, onPages: r.onPages }) },
  // Its own servers: a sender draining every second, demo clocks by day and at night.
  { name: 'notify', run: (r) => runNotifyJourney({ onPages: r.onPages }) },
  // A new case of its own; the client it invites deletes their account at the end.
  { name: 'privacy', run: (r) => runPrivacyJourney({ baseUrl: r.server.url, onPages: r.onPages }) },
  { name: 'forms', run: (r) => runFormsJourney({ baseUrl: r.server.url, onPages: r.onPages }) },
  {
    name: 'evidence',
    run: (r) =>
      runEvidenceJourney({
        baseUrl: r.server.url,
        databaseFile: databaseFileFrom(r.server.output()),
        onPages: r.onPages,
      }),
  },
];

async function main() {
  if (!requireChromium()) process.exit(0);
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !JOURNEYS.some((j) => j.name === name));
  if (unknown.length) {
    console.error(
      `unknown journey: ${unknown.join(', ')} (known: ${JOURNEYS.map((j) => j.name).join(', ')})`,
    );
    process.exit(2);
  }
  const started = Date.now();
  let pages: Partial<Record<Persona, Page>> = {};
  const code = await withCleanup(async () => {
    ensureH5Build();
    const server = await startServer();
    console.log(`server ${server.pid} at ${server.url}`);
    try {
      for (const journey of JOURNEYS) {
        if (only.length && !only.includes(journey.name)) continue;
        console.log(`journey: ${journey.name}`);
        await journey.run({ server, onPages: (current) => (pages = current) });
      }
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
