import { ConfigError, type NotifySenderConfig } from '../../config';
import type { NotifyConfig } from '../notify-config';
import { recordingTransport } from './recording';
import type { MessageTransport } from './transport';
import { wechatHttpTransport } from './wechat-http';

/**
 * The transport of a self-hosted sender (the worker beside the HTTP server, or `npm run notify`): the demo's
 * recorder, or WeChat's HTTP API with the firm's appid and secret. Null when notifications are off.
 */
export function selfHostedTransport(
  notify: NotifyConfig,
  sender: NotifySenderConfig,
  now?: () => number,
): MessageTransport | null {
  if (notify.mode === 'off') return null;
  if (notify.mode === 'demo') return recordingTransport();
  if (!sender.wechat)
    throw new ConfigError(
      'CASETRAIL_NOTIFY=wechat on a self-hosted server needs CASETRAIL_WX_APPID and CASETRAIL_WX_SECRET ' +
        "(the mini-program's AppID and AppSecret) to call WeChat's API.",
    );
  return wechatHttpTransport({
    ...sender.wechat,
    apiBase: sender.apiBase,
    timeoutMs: sender.timeoutMs,
    now,
  });
}
