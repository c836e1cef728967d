/**
 * What the browser tests stand on: Debian's Chromium (driven by playwright-core), a fresh H5 build, and the
 * real HTTP server on a random loopback port with a throwaway data directory. Everything started here is
 * stopped here, by the PID this file started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { browserNames } from './accessibility';
import { watchCsp } from './csp';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
const H5_DIR = path.resolve(ROOT, process.env.CASETRAIL_H5_OUT ?? path.join('dist', 'h5'));
const H5_SOURCES = ['src', 'contract', 'config'];
export const RESULTS_DIR = path.join(ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const cleanups: (() => Promise<void> | void)[] = [];

/** Stops the server, closes browsers and removes temp dirs, newest first. Safe to call twice. */
export async function cleanup(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    try {
      await step();
    } catch (error) {
      console.error('cleanup step failed:', error);
    }
  }
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Without Debian's Chromium the browser tests cannot run: a failure in CI, a skip on a developer machine.
 * Returns false when the caller should exit 0 (skipped).
 */
export function requireChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.log(
    `Chromium not found at ${CHROMIUM} — install Debian's chromium (apt-get install -y chromium fonts-wqy-microhei)`,
  );
  if (process.env.CI === 'true') {
    console.log('CI=true: the browser tests are required here, failing.');
    process.exit(1);
  }
  console.log('Skipping the browser tests.');
  return false;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

/** Builds H5 when dist/h5 is missing or older than its sources. */
export function ensureH5Build(): void {
  const index = path.join(H5_DIR, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...H5_SOURCES.map((dir) => newestMtime(path.join(ROOT, dir))));
  if (built >= sources) {
    console.log('H5 build is up to date.');
    return;
  }
  console.log(built === 0 ? 'No H5 build: building it.' : 'H5 build is older than src: rebuilding.');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build:h5'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(index)) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`npm run build:h5 failed (exit ${result.status})`);
  }
  console.log(`Built H5 in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export interface RunningServer {
  url: string;
  pid: number;
  output: () => string;
}

/** `tsx server/http/main.ts` with dev login, a random port and a fresh data dir; resolves on its "listening on" line. */
export async function startServer(
  extraEnv: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<RunningServer> {
  const dataDir = tempDir('casetrail-e2e-data-');
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['server/http/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      CASETRAIL_DEV_LOGIN: '1',
      CASETRAIL_DATA_DIR: dataDir,
      CASETRAIL_H5_DIR: H5_DIR,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server');
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
    if (!stopped) {
      console.error(`server ${pid} ignored SIGTERM for 5 s; killing it`);
      process.kill(pid, 'SIGKILL');
      await exited;
    }
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server printed no "listening on" line in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Casetrail listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return { url, pid, output: () => output };
}

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** The browser's time zone (default Asia/Shanghai). */
  timezoneId?: string;
  /** Start the page's clock at this instant (it then runs at real speed), to match a server's demo clock. */
  clockStart?: Date;
}

/** One persona = one Chromium with its own fresh profile (so storage and sessions never mix). */
export async function openBrowser(
  name: string,
  options: BrowserOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const userDataDir = tempDir(`casetrail-e2e-${name}-profile-`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 390, height: 844 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  cleanups.push(() => context.close());
  if (options.clockStart) await context.clock.install({ time: options.clockStart });
  const page = context.pages()[0] ?? (await context.newPage());
  await watchCsp(context, page);
  page.setDefaultTimeout(15_000);
  browserNames.set(page, name);
  const label = name.padEnd(6);
  page.on('pageerror', (error) => console.log(`[${label}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      console.log(`[${label}] console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) console.log(`[${label}] HTTP ${response.status()} ${response.url()}`);
  });
  return { context, page };
}

/** Saves a full-page screenshot of every open page into test-results/; returns the file paths. */
export async function screenshotAll(
  pages: Record<string, Page | undefined>,
  prefix: string,
): Promise<string[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const saved: string[] = [];
  for (const [name, page] of Object.entries(pages)) {
    if (!page || page.isClosed()) continue;
    const file = path.join(RESULTS_DIR, `${prefix}-${name}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true });
      saved.push(file);
    } catch (error) {
      console.error(`could not screenshot ${name}:`, error);
    }
  }
  return saved;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `body`, always cleaning up; on SIGINT/SIGTERM too. Returns the exit code. */
export async function withCleanup(body: () => Promise<void>): Promise<number> {
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`received ${signal}, stopping`);
    void cleanup().then(() => process.exit(1));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await body();
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  } finally {
    await cleanup();
  }
}
