import { ERROR_MESSAGES } from '@contract/errors';
import { createApi } from './api-client';
import { toApiFailure } from './api-failure';

describe('a RATE_LIMITED answer', () => {
  it('reaches the screen with the server’s message saying when to retry, and is not retried', async () => {
    let calls = 0;
    const api = createApi({
      transport: async () => {
        calls++;
        return {
          ok: false,
          error: { code: 'RATE_LIMITED', message: '操作过于频繁，请 15 分钟后再试', retryAfterSeconds: 900 },
        };
      },
      sleep: () => Promise.resolve(),
    });
    const failure = toApiFailure(await api.call('invite.redeem', { code: 'ABCD-EFGH' }).catch((e) => e));
    expect(failure.code).toBe('RATE_LIMITED');
    expect(failure.message).toBe('操作过于频繁，请 15 分钟后再试');
    expect(failure.message).not.toBe(ERROR_MESSAGES.RATE_LIMITED);
    expect(calls).toBe(1);
  });
});
