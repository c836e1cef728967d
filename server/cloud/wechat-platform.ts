import type { SubscribeMessageApi } from '../notifications/transports/wechat-cloud';

/**
 * The one seam to the WeChat platform. Only this is faked in tests: `getWXContext` and the openapi cannot run
 * off WeChat's servers.
 */
export interface WeChatPlatform {
  /** The caller as WeChat vouches for them. OPENID is the only trusted identity. */
  getWXContext(): { OPENID?: string; CLIENTIP?: string; CLIENTIPV6?: string };
  /** `cloud.openapi.subscribeMessage` (config.json's permissions.openapi lists `subscribeMessage.send`). */
  subscribeMessage: SubscribeMessageApi;
}

/** The real platform, from `wx-server-sdk` (present only in the deployed cloud function). */
export function wxServerSdkPlatform(): WeChatPlatform {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as {
    init(options: { env: unknown }): void;
    DYNAMIC_CURRENT_ENV: unknown;
    getWXContext(): { OPENID?: string; CLIENTIP?: string; CLIENTIPV6?: string };
    openapi: { subscribeMessage: SubscribeMessageApi };
  };
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return {
    getWXContext: () => cloud.getWXContext(),
    subscribeMessage: { send: (request) => cloud.openapi.subscribeMessage.send(request) },
  };
}
