import Taro from '@tarojs/taro';
import type { ClientInfo } from '@contract/envelope';

let cached: ClientInfo | undefined;

/** Platform, device model and OS as the runtime reports them; read once and reused. */
export function deviceInfo(): ClientInfo {
  if (cached) return cached;
  try {
    const info = Taro.getSystemInfoSync();
    cached = {
      platform: `${process.env.TARO_ENV}:${info.platform ?? ''}`,
      model: info.model || undefined,
      system: info.system || undefined,
      version: info.version || undefined,
    };
  } catch {
    cached = { platform: process.env.TARO_ENV };
  }
  return cached;
}
