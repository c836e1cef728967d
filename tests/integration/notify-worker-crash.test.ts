/**
 * The worker killed mid-drain (SIGKILL: no chance to record anything) and started again: nothing is lost, and only
 * the messages that were in flight at the kill are sent a second time (sender.ts: at least once). The worker runs
 * as `npm run notify` does (`tsx server/cli.ts notify --watch`), on the test's database (SQLite file, or its own
 * PostgreSQL schema under `npm run unit:pg`), against the WeChat stand-in slowed down so that sends are in flight.
 * The child runs on the real clock; the recipient (a lawyer without quiet hours) is never deferred.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { queueNotices } from '../../server/notifications/notices.store';
import { openCase, openHarness, setUpFirm, type Harness } from '../fixtures/api-harness';
import { userIdOf, WECHAT_NOTIFY } from '../fixtures/notify-sender';
import { startWeChatStandIn, type WeChatStandIn } from '../fixtures/wechat-stand-in';

jest.setTimeout(90_000);

const root = path.resolve(__dirname, '../..');
const MESSAGES = 8;

let h: Harness;
let wx: WeChatStandIn;
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await wx?.close();
  await h?.close();
});

async function until<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 45_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function startWorker(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  // `node --import tsx`, not the tsx wrapper: SIGKILL must hit the worker itself, not a parent that leaves it running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'server/cli.ts'), 'notify', '--watch'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await until('the worker to start', () => {
    if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${output}`);
    return output.includes('Notification worker:') ? true : undefined;
  });
  return { child, output: () => output };
}

it('loses nothing across a SIGKILL mid-drain, and resends only what was in flight, at most once', async () => {
  h = await openHarness({ config: { notify: WECHAT_NOTIFY } });
  wx = await startWeChatStandIn();
  const firm = await setUpFirm(h);
  const lawyerId = await userIdOf(h, firm.lawyer);
  const clientId = await userIdOf(h, firm.client);
  const now = new Date().toISOString();
  // Real time in the child: a recipient with no quiet hours is never deferred, whatever the hour.
  await h.db
    .updateTable('lawyer_profiles')
    .set({ quiet_start: null, quiet_end: null })
    .where('user_id', '=', lawyerId)
    .execute();
  await h.db
    .insertInto('notify_credits')
    .values({ user_id: lawyerId, template_id: 'tpl-message', credits: MESSAGES, updated_at: now })
    .execute();
  // One notice per case: eight messages (one person and case each).
  for (let i = 0; i < MESSAGES; i++) {
    const caseId = i === 0 ? firm.caseId : (await openCase(h, firm.lawyer, `案件 ${i}`)).id;
    await queueNotices(h.db, {
      kind: 'request.created',
      caseId,
      recipients: [lawyerId],
      recordId: `r-${i}`,
      title: `请求 ${i}`,
      createdBy: clientId,
      now,
      mode: 'wechat',
    });
  }

  const database =
    h.engine === 'postgres'
      ? {
          DATABASE_URL: process.env.CASETRAIL_TEST_PG_URL,
          CASETRAIL_PG_SCHEMA: (await sql<{ s: string }>`select current_schema() as s`.execute(h.db)).rows[0]
            .s,
        }
      : { DATABASE_URL: '', CASETRAIL_DATA_DIR: h.dir };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database,
    NODE_ENV: 'test',
    CASETRAIL_DEV_LOGIN: '',
    CASETRAIL_NOTIFY: 'wechat',
    CASETRAIL_WX_TEMPLATES: JSON.stringify(WECHAT_NOTIFY.templates),
    CASETRAIL_WX_APPID: 'wx-test-app',
    CASETRAIL_WX_SECRET: 'test-secret',
    CASETRAIL_WX_API_BASE: wx.url,
    CASETRAIL_WX_TIMEOUT_MS: '1000',
    CASETRAIL_NOTIFY_LEASE_SECONDS: '5',
    CASETRAIL_NOTIFY_INTERVAL_SECONDS: '1',
  };

  wx.delayMs = 400; // a slow WeChat: four sends in flight at a time, each answered after 400 ms
  const first = await startWorker(env);
  // Kill it once the first sends were answered and the next ones are in flight.
  await until(
    () => `sends in flight after some were answered (worker: ${first.output()})`,
    () => (wx.sends.length >= MESSAGES - 2 ? true : undefined),
  );
  first.child.kill('SIGKILL');
  await until('the worker to die', () => (first.child.signalCode ? true : undefined));

  const atKill = await h.db.selectFrom('notification_messages').select(['id', 'status', 'page']).execute();
  const inFlight = atKill.filter((m) => m.status === 'sending').map((m) => m.page);
  expect(inFlight.length).toBeGreaterThan(0); // it really died mid-drain
  expect(atKill.some((m) => m.status === 'sent')).toBe(true);

  wx.delayMs = 0;
  await startWorker(env);
  await until('every message sent', async () => {
    const rows = await h.db.selectFrom('notification_messages').select('status').execute();
    return rows.length === MESSAGES && rows.every((r) => r.status === 'sent') ? true : undefined;
  });

  // Nothing lost: every notice went out in a message WeChat accepted.
  const items = await h.db
    .selectFrom('notification_outbox as o')
    .leftJoin('notification_messages as m', 'm.id', 'o.message_id')
    .select(['o.status', 'm.status as message'])
    .execute();
  expect(items).toHaveLength(MESSAGES);
  expect(items.every((i) => i.status === 'sending' && i.message === 'sent')).toBe(true);
  const received = new Map<string, number>();
  for (const s of wx.sends) received.set(s.page, (received.get(s.page) ?? 0) + 1);
  expect(received.size).toBe(MESSAGES);
  // At most one resend per message, and only of those in flight at the kill.
  expect(Math.max(...received.values())).toBeLessThanOrEqual(2);
  const resent = [...received].filter(([, n]) => n === 2).map(([page]) => page);
  for (const page of resent) expect(inFlight).toContain(page);
  expect(resent.length).toBeGreaterThan(0); // those WeChat had received when the worker died went again
  // The credits: one spent per message, the in-flight ones reserved again on their retry, none left over.
  const credits = await h.db
    .selectFrom('notify_credits')
    .select('credits')
    .where('user_id', '=', lawyerId)
    .executeTakeFirstOrThrow();
  expect(Number(credits.credits)).toBe(0);
});
