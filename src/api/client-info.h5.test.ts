import Taro from '@tarojs/taro';
import { readClientInfo } from './client-info.h5';

describe('H5 client info', () => {
  it('goes with a write, and is not even read for a read', () => {
    const read = Taro.getSystemInfoSync as jest.Mock;
    read.mockClear();
    expect(readClientInfo('case.get')).toBeUndefined();
    expect(readClientInfo('session.me')).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    expect(readClientInfo('statement.acknowledge')).toMatchObject({ platform: expect.stringMatching(/:/) });
    expect(read).toHaveBeenCalledTimes(1);
  });
});
