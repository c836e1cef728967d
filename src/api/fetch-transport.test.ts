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
