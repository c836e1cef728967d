import Taro from '@tarojs/taro';
import { TOKEN_KEY } from './storage-keys';

/** The H5 session token (weapp identity comes from the platform, so it never needs one). */
export function readSessionToken(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof value === 'string' && value ? value : null;
  } catch {
    return null;
  }
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearSessionToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}
