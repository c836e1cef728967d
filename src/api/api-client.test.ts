import type { ApiRequest, ApiResponse } from '@contract/envelope';
import { ERROR_MESSAGES } from '@contract/errors';
import { createApi } from './api-client';
import { isApiFailure, issuesByField, toApiFailure } from './api-failure';
import { TransportError, type Transport } from './transport';

const noSleep = () => Promise.resolve();

function recordingTransport(answers: Array<ApiResponse<unknown> | 'network'>) {
  const seen: ApiRequest[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected call');
    if (answer === 'network') throw new TransportError('offline');
    return answer;
  };
  return { transport, seen };
}

describe('api.call', () => {
  it('retries a network failure with the same requestId and resolves with the data', async () => {
    const { transport, seen } = recordingTransport(['network', 'network', { ok: true, data: { cases: [] } }]);
    const api = createApi({ transport, sleep: noSleep, retries: 2 });

    await expect(api.call('case.list', {})).resolves.toEqual({ cases: [] });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((r) => r.requestId)).size).toBe(1);
    expect(seen[0].requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives each logical call its own requestId', async () => {
    const { transport, seen } = recordingTransport([
      { ok: true, data: { cases: [] } },
      { ok: true, data: { cases: [] } },
    ]);
    const api = createApi({ transport, sleep: noSleep });
    await api.call('case.list', {});
    await api.call('case.list', {});
    expect(seen[0].requestId).not.toBe(seen[1].requestId);
  });

  it('reuses a requestId the caller passes (pressing submit again after a failure)', async () => {
    const { transport, seen } = recordingTransport([{ ok: true, data: { kind: 'client', caseId: 'c1' } }]);
    const api = createApi({ transport, sleep: noSleep });
    await api.call('invite.redeem', { code: 'ABCD' }, { requestId: 'fixed-id-123' });
    expect(seen[0]).toMatchObject({
      action: 'invite.redeem',
      payload: { code: 'ABCD' },
      requestId: 'fixed-id-123',
    });
  });

  it('rejects with NETWORK after the retries run out', async () => {
    const { transport, seen } = recordingTransport(['network', 'network']);
    const api = createApi({ transport, sleep: noSleep, retries: 1 });
    const error = await api.call('case.list', {}).catch((e: unknown) => e);
    expect(isApiFailure(error) && error.code).toBe('NETWORK');
    expect(toApiFailure(error).message).toBe('网络连接失败，请检查网络后重试');
    expect(seen).toHaveLength(2);
  });

  it('does not retry an answer from the API and maps it to a typed failure with field issues', async () => {
    const { transport, seen } = recordingTransport([
      {
        ok: false,
        error: {
          code: 'INVALID_ARGUMENT',
          message: ERROR_MESSAGES.INVALID_ARGUMENT,
          issues: [
            { path: 'title', message: '此项不能为空' },
            { path: 'title', message: '第二条' },
            { path: 'court', message: '不能超过 80 个字' },
          ],
        },
      },
    ]);
    const api = createApi({ transport, sleep: noSleep });
    const error = await api.call('case.create', { title: '', caseType: '民事' }).catch((e: unknown) => e);

    expect(seen).toHaveLength(1);
    expect(isApiFailure(error)).toBe(true);
    expect(toApiFailure(error)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: ERROR_MESSAGES.INVALID_ARGUMENT,
    });
    expect(issuesByField(error)).toEqual({ title: '此项不能为空', court: '不能超过 80 个字' });
  });

  it('calls onUnauthenticated when the session is gone', async () => {
    const onUnauthenticated = jest.fn();
    const { transport } = recordingTransport([
      { ok: false, error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED } },
    ]);
    const api = createApi({ transport, sleep: noSleep, onUnauthenticated });
    await expect(api.call('session.me', {})).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('sends the client info in the envelope', async () => {
    const { transport, seen } = recordingTransport([{ ok: true, data: { versionNo: 1, readAt: 'x' } }]);
    const api = createApi({
      transport,
      sleep: noSleep,
      clientInfo: () => ({ platform: 'h5', model: 'iPhone' }),
    });
    await api.call('update.markRead', { updateId: 'u-12345678' });
    expect(seen[0].client).toEqual({ platform: 'h5', model: 'iPhone' });
  });

  it('turns unexpected thrown values into INTERNAL, never a raw error', () => {
    expect(toApiFailure(new TypeError('boom'))).toMatchObject({
      code: 'INTERNAL',
      message: ERROR_MESSAGES.INTERNAL,
    });
  });
});
