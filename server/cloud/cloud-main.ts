import type { ApiResponse } from '../../contract/envelope';
import type { Casetrail } from '../casetrail';
import { NOTIFY_OFF, type NotifyConfig } from '../notifications/notify-config';
import type { WeChatPlatform } from './wechat-platform';

export interface CloudMainOptions {
  /** How notices reach people (read lazily, like the rest of the configuration). Default: off. */
  notify?: () => NotifyConfig;
  clock?: () => Date;
}

/**
 * Builds the cloud function's `main(event, context)`. Identity is `getWXContext().OPENID` only: an openid
 * (or anything else) inside `event` is never read as identity. The API is opened lazily once per instance,
 * so a warm instance answers without reconnecting.
 */
export function createCloudMain(
  platform: WeChatPlatform,
  open: () => Promise<Casetrail>,
  options: CloudMainOptions = {},
) {
  let app: Promise<Casetrail> | null = null;
  return async function main(event: unknown): Promise<ApiResponse<unknown>> {
    if (!app) {
      app = open();
      app.catch(() => {
        app = null; // a failed start is retried on the next call rather than cached
      });
    }
    const wx = platform.getWXContext();
    // The `seal` timer trigger (config.json): WeChat calls it with no user. A user's call never seals this way.
    if (!wx.OPENID && isTrigger(event, 'seal')) {
      const outcome = await (await app).seal();
      return { ok: true, data: outcome };
    }
    // The `notify` timer trigger: drains the notification outbox. Same rule: only WeChat's timer, never a user.
    if (!wx.OPENID && isTrigger(event, 'notify')) {
      const notify = options.notify?.() ?? NOTIFY_OFF;
      if (notify.mode === 'off') return { ok: true, data: { mode: 'off' } };
      const { drainFromCloud } = await import('./notify-drain');
      const outcome = await drainFromCloud(
        (await app).db,
        notify,
        platform.subscribeMessage,
        options.clock ?? (() => new Date()),
      );
      return { ok: true, data: outcome };
    }
    // The `prune` timer trigger (daily): expired sessions, old stored answers, finished rate-limit windows.
    if (!wx.OPENID && isTrigger(event, 'prune')) {
      const { pruneExpired } = await import('../platform/prune');
      return { ok: true, data: await pruneExpired((await app).db, (options.clock ?? (() => new Date()))()) };
    }
    const subject = wx.OPENID ? `wx:${wx.OPENID}` : null;
    return (await app).handle(envelopeOf(event), { subject, sourceIp: wx.CLIENTIP ?? wx.CLIENTIPV6 ?? null });
  };
}

/** wx.cloud.callFunction adds `userInfo` to the event; pass only the envelope's own fields on. */
function envelopeOf(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const { action, payload, requestId, client } = event as Record<string, unknown>;
  return { action, payload, requestId, client };
}

function isTrigger(event: unknown, name: 'seal' | 'notify' | 'prune'): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const { Type, TriggerName } = event as Record<string, unknown>;
  return Type === 'Timer' && TriggerName === name;
}
