import Taro from '@tarojs/taro';
import { readClientInfo } from './client-info.h5';

describe('H5 client info', () => {
  it('goes with a write, and is not even read for a read', async () => {
    const read = Taro.getSystemInfoSync as jest.Mock;
    read.mockClear();
    await expect(readClientInfo('case.get')).resolves.toBeUndefined();
    await expect(readClientInfo('session.me')).resolves.toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    await expect(readClientInfo('statement.acknowledge')).resolves.toMatchObject({
      platform: expect.stringMatching(/:/),
    });
    expect(read).toHaveBeenCalledTimes(1);
  });
});
