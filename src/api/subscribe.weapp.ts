import Taro from '@tarojs/taro';

import type { ConsentChoice, ConsentResults } from './subscribe.h5';

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
    // errCode 20004: the person switched off this mini-program's notifications in its settings.
    throw new Error(
      (e as { errCode?: number }).errCode === 20004
        ? '您已关闭本小程序的通知，请在小程序设置中开启'
        : '未能打开订阅窗口，请稍后再试',
    );
  }
  // The answer also carries `errMsg`: keep only the template ids asked for.
  const results: ConsentResults = {};
  for (const id of templateIds) if (answer[id]) results[id] = answer[id] as ConsentChoice;
  return results;
}
