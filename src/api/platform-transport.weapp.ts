import Taro from '@tarojs/taro';
import { readSessionToken } from './session-token';
import { asApiResponse, TransportError, type Transport } from './transport';

let cloudReady = false;

function cloudTransport(): Transport {
  return async (request) => {
    if (!cloudReady) {
      const env = process.env.TARO_APP_CLOUD_ENV;
      Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
      cloudReady = true;
    }
    let result: unknown;
    try {
      ({ result } = await Taro.cloud.callFunction({ name: 'api', data: { ...request } }));
    } catch {
      throw new TransportError('Cloud function call failed');
    }
    return asApiResponse(result);
  };
}

function httpsTransport(url: string): Transport {
  return async (request) => {
    const token = readSessionToken();
    let res;
    try {
      res = await Taro.request<unknown>({
        url,
        method: 'POST',
        data: request,
        header: token ? { Authorization: `Bearer ${token}` } : {},
      });
    } catch {
      throw new TransportError('Request failed');
    }
    if (res.statusCode >= 500) throw new TransportError(`HTTP ${res.statusCode}`);
    return asApiResponse(res.data);
  };
}

/** Weapp: the `api` cloud function, or a self-hosted HTTPS server when TARO_APP_API_URL is set at build time. */
export function createPlatformTransport(): Transport {
  const url = process.env.TARO_APP_API_URL;
  return url ? httpsTransport(url) : cloudTransport();
}
