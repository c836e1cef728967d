import { createFetchTransport } from './fetch-transport';

const okResponse = (body: unknown, status = 200) => ({ status, json: async () => body });

describe('fetch transport', () => {
  const request = { action: 'case.list', payload: {}, requestId: 'r-1' };

  it('posts the envelope with the bearer token', async () => {
    const fetch = jest.fn(async () => okResponse({ ok: true, data: { cases: [] } }));
    const transport = createFetchTransport({ url: '/api', getToken: () => 'tok-1', fetch });
    await expect(transport(request)).resolves.toEqual({ ok: true, data: { cases: [] } });
    expect(fetch).toHaveBeenCalledWith('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok-1' },
      body: JSON.stringify(request),
    });
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = jest.fn(async (_url: string, _init: { headers: Record<string, string> }) =>
      okResponse({ ok: true, data: {} }),
    );
    await createFetchTransport({ url: '/api', getToken: () => null, fetch })(request);
    expect(fetch.mock.calls[0][1].headers).not.toHaveProperty('Authorization');
  });

  it('treats a server error or a non-envelope body as a retryable transport failure', async () => {
    const failing = createFetchTransport({
      url: '/api',
      getToken: () => null,
      fetch: async () => okResponse({}, 502),
    });
    await expect(failing(request)).rejects.toMatchObject({ name: 'TransportError' });
    const garbled = createFetchTransport({
      url: '/api',
      getToken: () => null,
      fetch: async () => okResponse('<html>'),
    });
    await expect(garbled(request)).rejects.toMatchObject({ name: 'TransportError' });
  });
});

describe('fetch transport with early answers (the H5 boot script)', () => {
  const request = { action: 'case.get', payload: { caseId: 'c-1' }, requestId: 'r-2' };

  it('answers from the early answer without a request of its own', async () => {
    const fetch = jest.fn(async () => okResponse({ ok: true, data: 'late' }));
    const takeEarly = jest.fn(async () => ({ status: 200, body: { ok: true, data: 'early' } }));
    const transport = createFetchTransport({ url: '/api', getToken: () => 'tok-1', fetch, takeEarly });
    await expect(transport(request)).resolves.toEqual({ ok: true, data: 'early' });
    expect(takeEarly).toHaveBeenCalledWith(request, 'tok-1');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('passes on an early API error as the answer (it is the server speaking)', async () => {
    const fetch = jest.fn(async () => okResponse({ ok: true, data: 'late' }));
    const error = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
    const transport = createFetchTransport({
      url: '/api',
      getToken: () => 'tok-1',
      fetch,
      takeEarly: async () => ({ status: 401, body: error }),
    });
    await expect(transport(request)).resolves.toEqual(error);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the server itself when the early request did not get through or met a server error', async () => {
    for (const early of [null, { status: 502, body: null }]) {
      const fetch = jest.fn(async () => okResponse({ ok: true, data: 'late' }));
      const transport = createFetchTransport({
        url: '/api',
        getToken: () => 'tok-1',
        fetch,
        takeEarly: async () => early,
      });
      await expect(transport(request)).resolves.toEqual({ ok: true, data: 'late' });
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });
});
