import fs from 'node:fs';
import path from 'node:path';
import type { TsaConfig } from './evidence/seal';
import { NOTICE_TEMPLATES } from '../contract/notice-kinds';
import {
  DEMO_NOTIFY,
  NOTIFY_OFF,
  type NotifyConfig,
  type TemplateConfig,
} from './notifications/notify-config';
import type { PostgresPoolOptions } from './platform/postgres';

/** Settings read from the environment. Entries are the only code that calls this. */
export interface EntryConfig {
  /** True unless NODE_ENV is unset, empty, `development` or `test`: any other value (`prod`, `PRODUCTION`…) is production. */
  production: boolean;
  devLogin: boolean;
  /**
   * CASETRAIL_TRUSTED_PROXIES: addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed
   * (comma-separated). Empty: the socket's address is the client's.
   */
  trustedProxies: string[];
  /**
   * CASETRAIL_PUBLIC_URL: the address people reach the app at (invite links, QR codes), e.g.
   * https://casetrail.example.cn. Null: the demo's own listening address.
   */
  publicBaseUrl: string | null;
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string;
  adminSubjects: string[];
  /** DATABASE_URL: PostgreSQL when set (postgres:// or postgresql://), else SQLite in dataDir. */
  databaseUrl: string | null;
  /** CASETRAIL_PG_SCHEMA: the PostgreSQL schema to use (search_path) instead of the user's default. */
  pgSchema: string | null;
  /** PostgreSQL pool overrides (CASETRAIL_PG_*); each entry applies them over its own defaults. */
  pgPool: Partial<PostgresPoolOptions>;
  /** The RFC 3161 time-stamping authority (CASETRAIL_TSA_URL, CASETRAIL_TSA_ROOTS = a PEM file). */
  tsa: TsaConfig;
  /** How often the firm log is sealed and timestamped (CASETRAIL_SEAL_INTERVAL_MINUTES; 0 = only on demand). */
  sealIntervalMinutes: number;
  /**
   * CASETRAIL_DEMO_CLOCK (demo only, never with dev login off): the instant the demo's clock starts at; it then
   * runs at real speed. The browser journeys use it to write a request on a Friday night whatever today is.
   */
  demoClockStart: Date | null;
  /**
   * How notices reach people (CASETRAIL_NOTIFY): `wechat` (subscribe messages; CASETRAIL_WX_TEMPLATES), `off`
   * (in-app only), or — automatically with dev login — `demo` (recorded for the 消息预览 page, never sent).
   */
  notify: NotifyConfig;
  /** The sender that drains the outbox: its interval, its lease, and the WeChat HTTP API (self-hosted). */
  notifySender: NotifySenderConfig;
}

export interface NotifySenderConfig {
  /** CASETRAIL_NOTIFY_INTERVAL_SECONDS (default 30): how often the worker drains. */
  intervalSeconds: number;
  /**
   * CASETRAIL_NOTIFY_LEASE_SECONDS (default 60): a message left `sending` this long by a process that died is
   * sent again. More than four request timeouts (token, send, token refresh, send again).
   */
  leaseSeconds: number;
  /** CASETRAIL_WX_APPID + CASETRAIL_WX_SECRET: null when not set (the cloud function needs neither). */
  wechat: { appid: string; secret: string } | null;
  /** CASETRAIL_WX_API_BASE (default https://api.weixin.qq.com). */
  apiBase: string;
  /** CASETRAIL_WX_TIMEOUT_MS (default 10000): each request to WeChat gives up after this long. */
  timeoutMs: number;
}

/** Environment variables that override PostgreSQL pool settings (milliseconds, or a count for the max). */
const PG_POOL_ENV = {
  CASETRAIL_PG_POOL_MAX: 'max',
  CASETRAIL_PG_IDLE_TIMEOUT_MS: 'idleTimeoutMillis',
  CASETRAIL_PG_CONNECT_TIMEOUT_MS: 'connectionTimeoutMillis',
  CASETRAIL_PG_STATEMENT_TIMEOUT_MS: 'statementTimeoutMillis',
  CASETRAIL_PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'idleInTransactionTimeoutMillis',
} as const;

export class ConfigError extends Error {}

/** The only NODE_ENV values that are not production (unset counts as ''). */
const DEV_NODE_ENVS = ['', 'development', 'test'];

function readTrustedProxies(env: Record<string, string | undefined>): string[] {
  const list = (env.CASETRAIL_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list)
    if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry))
      throw new ConfigError(`CASETRAIL_TRUSTED_PROXIES: not an address or CIDR range: ${entry}`);
  return list;
}

function readPublicBaseUrl(env: Record<string, string | undefined>): string | null {
  const raw = env.CASETRAIL_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`CASETRAIL_PUBLIC_URL is not a URL: ${raw}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash)
    throw new ConfigError(`CASETRAIL_PUBLIC_URL must be a plain http(s) address: ${raw}`);
  return raw.replace(/\/+$/, '');
}

export function readEntryConfig(env: Record<string, string | undefined> = process.env): EntryConfig {
  const production = !DEV_NODE_ENVS.includes(env.NODE_ENV ?? '');
  const devLogin = env.CASETRAIL_DEV_LOGIN === '1' || env.CASETRAIL_DEV_LOGIN === 'true';
  if (production && devLogin) {
    throw new ConfigError(
      `Refusing to start: CASETRAIL_DEV_LOGIN is set while NODE_ENV=${env.NODE_ENV}. ` +
        'Dev login lets anyone act as a seeded person: it runs only with NODE_ENV unset, development or test.',
    );
  }
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  const adminSubjects = (env.CASETRAIL_ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((openid) => `wx:${openid}`);
  const pgPool: Partial<PostgresPoolOptions> = {};
  for (const [name, key] of Object.entries(PG_POOL_ENV)) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    const least = key === 'max' ? 1 : 0;
    if (!Number.isInteger(value) || value < least)
      throw new ConfigError(`${name} must be a whole number ≥ ${least}: ${raw}`);
    pgPool[key] = value;
  }
  const demoClock = env.CASETRAIL_DEMO_CLOCK?.trim();
  const demoClockStart = demoClock ? new Date(demoClock) : null;
  if (demoClockStart && !devLogin)
    throw new ConfigError('CASETRAIL_DEMO_CLOCK is for the demo only: it needs CASETRAIL_DEV_LOGIN.');
  if (demoClockStart && Number.isNaN(demoClockStart.getTime()))
    throw new ConfigError(`CASETRAIL_DEMO_CLOCK is not an instant: ${demoClock}`);
  const notify = readNotifyConfig(env, devLogin, production);
  const pgSchema = env.CASETRAIL_PG_SCHEMA?.trim() || null;
  if (pgSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(pgSchema))
    throw new ConfigError(`CASETRAIL_PG_SCHEMA must be a plain lower-case schema name: ${pgSchema}`);
  return {
    pgSchema,
    notify,
    notifySender: readNotifySender(env),
    demoClockStart,
    tsa: readTsaConfig(env),
    sealIntervalMinutes: wholeNumber(env, 'CASETRAIL_SEAL_INTERVAL_MINUTES', 60),
    production,
    devLogin,
    trustedProxies: readTrustedProxies(env),
    publicBaseUrl: readPublicBaseUrl(env),
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.CASETRAIL_DATA_DIR ?? 'data'),
    h5Dir: path.resolve(env.CASETRAIL_H5_DIR ?? 'dist/h5'),
    adminSubjects,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    pgPool,
  };
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a whole number ≥ 0: ${raw}`);
  return value;
}

function readTsaConfig(env: Record<string, string | undefined>): TsaConfig {
  const url = env.CASETRAIL_TSA_URL?.trim() || null;
  if (url && !/^https?:\/\//.test(url))
    throw new ConfigError(`CASETRAIL_TSA_URL must be an http(s) URL: ${url}`);
  const rootsFile = env.CASETRAIL_TSA_ROOTS?.trim();
  let rootsPem: string[] = [];
  if (rootsFile) {
    let text: string;
    try {
      text = fs.readFileSync(rootsFile, 'utf8');
    } catch {
      throw new ConfigError(`CASETRAIL_TSA_ROOTS names a file that cannot be read: ${rootsFile}`);
    }
    rootsPem = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (rootsPem.length === 0)
      throw new ConfigError(`CASETRAIL_TSA_ROOTS holds no PEM certificate: ${rootsFile}`);
  }
  return { url, rootsPem, timeoutMs: wholeNumber(env, 'CASETRAIL_TSA_TIMEOUT_MS', 10_000) };
}

const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const;
const KEYWORD = /^[a-z_]+\d*$/;

function readNotifyConfig(
  env: Record<string, string | undefined>,
  devLogin: boolean,
  production: boolean,
): NotifyConfig {
  const raw = env.CASETRAIL_NOTIFY?.trim() || (devLogin ? 'demo' : 'off');
  if (!['wechat', 'off', 'demo'].includes(raw))
    throw new ConfigError(`CASETRAIL_NOTIFY must be wechat or off: ${raw}`);
  if (raw === 'off') return NOTIFY_OFF;
  if (raw === 'demo') {
    if (!devLogin || production)
      throw new ConfigError(
        'CASETRAIL_NOTIFY=demo records messages for the demo only: it needs CASETRAIL_DEV_LOGIN (never production).',
      );
    return DEMO_NOTIFY;
  }
  if (devLogin)
    throw new ConfigError(
      'CASETRAIL_NOTIFY=wechat with CASETRAIL_DEV_LOGIN: dev personas have no WeChat openid. ' +
        'Unset CASETRAIL_NOTIFY (the demo records messages) or dev login.',
    );
  const state = env.CASETRAIL_WX_MINIPROGRAM_STATE?.trim() || 'formal';
  if (!(MINIPROGRAM_STATES as readonly string[]).includes(state))
    throw new ConfigError(`CASETRAIL_WX_MINIPROGRAM_STATE must be formal, trial or developer: ${state}`);
  return {
    mode: 'wechat',
    templates: readTemplates(env.CASETRAIL_WX_TEMPLATES),
    miniprogramState: state as NotifyConfig['miniprogramState'],
  };
}

/** CASETRAIL_WX_TEMPLATES: `{ "progress": { "id": "…", "fields": { "case": "thing1", … } }, … }`. */
function readTemplates(raw: string | undefined): NotifyConfig['templates'] {
  const name = 'CASETRAIL_WX_TEMPLATES';
  if (!raw?.trim())
    throw new ConfigError(
      `CASETRAIL_NOTIFY=wechat needs ${name} (JSON: the template ids and their keywords).`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} is not JSON: ${raw.slice(0, 80)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(`${name} must be an object keyed by ${NOTICE_TEMPLATES.join(', ')}.`);
  const templates: NotifyConfig['templates'] = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(NOTICE_TEMPLATES as readonly string[]).includes(key))
      throw new ConfigError(`${name}: unknown template "${key}" (expected ${NOTICE_TEMPLATES.join(', ')}).`);
    const t = value as Partial<TemplateConfig> | null;
    if (!t || typeof t.id !== 'string' || !t.id.trim() || t.id.length > 64)
      throw new ConfigError(`${name}.${key}.id must be the template id (1–64 characters).`);
    const fields = (t.fields ?? {}) as Record<string, unknown>;
    for (const field of ['case', 'summary', 'time', 'note'] as const) {
      const keyword = fields[field];
      if (keyword === undefined && field === 'note') continue;
      if (typeof keyword !== 'string' || !KEYWORD.test(keyword))
        throw new ConfigError(
          `${name}.${key}.fields.${field} must be the template's keyword, e.g. "thing1" or "time3": ${JSON.stringify(keyword)}`,
        );
    }
    const unknown = Object.keys(fields).filter((f) => !['case', 'summary', 'time', 'note'].includes(f));
    if (unknown.length)
      throw new ConfigError(
        `${name}.${key}.fields: unknown field(s) ${unknown.join(', ')} (case, summary, time, note).`,
      );
    templates[key as keyof NotifyConfig['templates']] = {
      id: t.id.trim(),
      fields: fields as unknown as TemplateConfig['fields'],
    };
  }
  if (Object.keys(templates).length === 0) throw new ConfigError(`${name} names no template.`);
  return templates;
}

function readNotifySender(env: Record<string, string | undefined>): NotifySenderConfig {
  const appid = env.CASETRAIL_WX_APPID?.trim() || '';
  const secret = env.CASETRAIL_WX_SECRET?.trim() || '';
  if (Boolean(appid) !== Boolean(secret))
    throw new ConfigError('CASETRAIL_WX_APPID and CASETRAIL_WX_SECRET go together: set both or neither.');
  const apiBase = env.CASETRAIL_WX_API_BASE?.trim() || 'https://api.weixin.qq.com';
  if (!/^https?:\/\/[^\s/]+/.test(apiBase))
    throw new ConfigError(`CASETRAIL_WX_API_BASE must be an http(s) URL: ${apiBase}`);
  const intervalSeconds = wholeNumber(env, 'CASETRAIL_NOTIFY_INTERVAL_SECONDS', 30);
  if (intervalSeconds < 1) throw new ConfigError('CASETRAIL_NOTIFY_INTERVAL_SECONDS must be at least 1.');
  const timeoutMs = wholeNumber(env, 'CASETRAIL_WX_TIMEOUT_MS', 10_000);
  if (timeoutMs < 100) throw new ConfigError('CASETRAIL_WX_TIMEOUT_MS must be at least 100.');
  const leaseSeconds = wholeNumber(env, 'CASETRAIL_NOTIFY_LEASE_SECONDS', 60);
  if (leaseSeconds * 1000 <= 4 * timeoutMs)
    throw new ConfigError(
      `CASETRAIL_NOTIFY_LEASE_SECONDS (${leaseSeconds}) must exceed four request timeouts (4 × ${timeoutMs} ms): ` +
        'a shorter lease would send a message again while its first send is still running.',
    );
  return {
    intervalSeconds,
    leaseSeconds,
    wechat: appid ? { appid, secret } : null,
    apiBase,
    timeoutMs,
  };
}

/** The entry's clock: real time, or in the demo a clock started at CASETRAIL_DEMO_CLOCK running at real speed. */
export function entryClock(config: Pick<EntryConfig, 'demoClockStart'>): () => Date {
  const start = config.demoClockStart;
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
