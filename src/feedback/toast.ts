import Taro from '@tarojs/taro';
import { toApiFailure } from '@/api';

/** Shows the contract's Chinese message for a failure. */
export function toastFailure(error: unknown): void {
  Taro.showToast({ title: toApiFailure(error).message, icon: 'none', duration: 2500 });
}

export function toastSuccess(title: string): void {
  Taro.showToast({ title, icon: 'success', duration: 1500 });
}
