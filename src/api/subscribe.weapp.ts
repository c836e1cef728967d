import Taro from '@tarojs/taro';

import type { ConsentResults } from './subscribe.h5';

/** errCode 20004: the person switched off subscribe messages for this mini-program in its settings. */
const SWITCHED_OFF = 20004;

/**
 * WeChat's one-time subscribe dialog. WeChat shows it only from a user's tap, so the caller must call this
 * before awaiting anything else in the tap handler. Rejects with an Error whose message can be shown.
 */
export async function requestConsent(templateIds: string[]): Promise<ConsentResults> {
  let answer: Record<string, unknown>;
  try {
    answer = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
      entityIds: [],
    })) as unknown as Record<string, unknown>;
  } catch (e) {
    const code = (e as { errCode?: number } | null)?.errCode;
    throw new Error(
      code === SWITCHED_OFF
        ? '您已在微信中关闭本小程序的通知，请在右上角「…」→「设置」→「通知管理」中开启'
        : '微信未能打开订阅窗口，请稍后再试',
    );
  }
  // The answer also carries `errMsg`; keep only the template ids asked for.
  const results: ConsentResults = {};
  for (const id of templateIds) {
    const choice = answer[id];
    if (choice === 'accept' || choice === 'reject' || choice === 'ban' || choice === 'filter') {
      results[id] = choice;
    }
  }
  return results;
}
