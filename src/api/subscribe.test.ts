import Taro from '@tarojs/taro';
import { taroMock } from '../../tests/mocks/taro';
import { requestConsent } from './subscribe';

describe('requestConsent (H5 demo stand-in for WeChat’s subscribe dialog)', () => {
  it('says it is a demo, and answers accept for every template when allowed', async () => {
    taroMock.answerModals(true);
    await expect(requestConsent(['T1', 'T2'])).resolves.toEqual({ T1: 'accept', T2: 'accept' });
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '演示：微信订阅消息' }));
  });

  it('answers reject for every template when declined', async () => {
    taroMock.answerModals(false);
    await expect(requestConsent(['T1'])).resolves.toEqual({ T1: 'reject' });
  });
});
