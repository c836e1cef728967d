import Taro from '@tarojs/taro';

/** What WeChat answers per template id: `accept` allows one message; the others allow none. */
export type ConsentChoice = 'accept' | 'reject' | 'ban' | 'filter';
export type ConsentResults = Record<string, ConsentChoice>;

/**
 * H5 (the demo, not WeChat): a modal that says plainly it stands in for WeChat's subscribe dialog, so the
 * demo's consent flow and credits work the same way. Allowing accepts every template asked for.
 */
export async function requestConsent(templateIds: string[]): Promise<ConsentResults> {
  const { confirm } = await Taro.showModal({
    title: '演示：微信订阅消息',
    content: '这里模拟微信的「订阅消息」弹窗：允许后，可再接收一次本小程序的通知。',
    confirmText: '允许',
    cancelText: '拒绝',
  });
  const choice: ConsentChoice = confirm ? 'accept' : 'reject';
  return Object.fromEntries(templateIds.map((id) => [id, choice]));
}
