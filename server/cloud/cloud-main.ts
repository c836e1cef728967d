import type { ApiResponse } from '../../contract/envelope';
import type { Casetrail } from '../casetrail';
import type { WeChatPlatform } from './wechat-platform';

/**
 * Builds the cloud function's `main(event, context)`. Identity is `getWXContext().OPENID` only: an openid
 * (or anything else) inside `event` is never read as identity. The API is opened lazily once per instance,
 * so a warm instance answers without reconnecting.
 */
export function createCloudMain(platform: WeChatPlatform, open: () => Promise<Casetrail>) {
  let app: Promise<Casetrail> | null = null;
  return async function main(event: unknown): Promise<ApiResponse<unknown>> {
    if (!app) {
      app = open();
      app.catch(() => {
        app = null; // a failed start is retried on the next call rather than cached
      });
    }
    const wx = platform.getWXContext();
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
