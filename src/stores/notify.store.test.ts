import type { NotifySettings } from '@contract/notifications';
import type { ConsentResults } from '@/api/subscribe';
import { fakeApi, fail } from './fake-api.test-helper';
import { NotifyStore } from './notify.store';

const settings = (
  credits: NotifySettings['credits'] = {},
  mode: NotifySettings['mode'] = 'wechat',
): NotifySettings => ({
  mode,
  templates: [
    { key: 'progress', templateId: 'T-PROGRESS', title: '案件进展通知', purpose: '…', audience: 'client' },
    { key: 'todo', templateId: 'T-TODO', title: '待办事项提醒', purpose: '…', audience: 'client' },
    { key: 'message', templateId: 'T-MESSAGE', title: '客户留言提醒', purpose: '…', audience: 'lawyer' },
  ],
  credits: { progress: 0, todo: 0, message: 0, ...credits },
  quietHours: { start: '22:00', end: '08:00' },
  unseen: 0,
});

function setUp(
  consent: (ids: string[]) => Promise<ConsentResults>,
  handlers: Parameters<typeof fakeApi>[0] = {},
  initial = settings(),
) {
  const credits = { ...initial.credits };
  const fake = fakeApi({
    'notification.settings': () => ({ ...initial, credits }),
    'notification.subscribe': ({ results }) => {
      for (const [id, choice] of Object.entries(results as ConsentResults)) {
        const template = initial.templates.find((t) => t.templateId === id);
        if (template && choice === 'accept') credits[template.key] = (credits[template.key] ?? 0) + 1;
      }
      return { ...initial, credits: { ...credits } };
    },
    ...handlers,
  });
  const requestConsent = jest.fn(consent);
  return { store: new NotifyStore(fake.api, requestConsent), calls: fake.calls, requestConsent };
}

const actions = (calls: { action: string }[]) => calls.map((c) => c.action);

describe('NotifyStore', () => {
  it('asks for the client templates only, and each accepted one becomes a credit', async () => {
    const { store, calls, requestConsent } = setUp(async (ids) => ({
      [ids[0]]: 'accept',
      [ids[1]]: 'accept',
    }));
    await store.load();
    expect(store.remaining('client')).toBe(0);

    const outcome = await store.askConsent('client');
    expect(requestConsent).toHaveBeenCalledWith(['T-PROGRESS', 'T-TODO']);
    expect(outcome).toMatchObject({ kind: 'accepted', accepted: 2 });
    expect(calls.at(-1)?.payload).toEqual({ results: { 'T-PROGRESS': 'accept', 'T-TODO': 'accept' } });
    expect(store.settings?.credits).toMatchObject({ progress: 1, todo: 1, message: 0 });
    expect(store.remaining('client')).toBe(2);
    expect(store.remaining('lawyer')).toBe(0);
  });

  it('opens the consent dialog before awaiting anything, as WeChat requires inside a tap', async () => {
    const { store, requestConsent } = setUp(async (ids) => ({ [ids[0]]: 'accept' }));
    await store.load();
    const pending = store.askConsent('lawyer');
    // Synchronously, in the same turn as the tap.
    expect(requestConsent).toHaveBeenCalledWith(['T-MESSAGE']);
    await expect(pending).resolves.toMatchObject({ kind: 'accepted', accepted: 1 });
    expect(store.remaining('lawyer')).toBe(1);
  });

  it('stores nothing when the person declines, and says so', async () => {
    const { store, calls } = setUp(async (ids) => ({ [ids[0]]: 'reject', [ids[1]]: 'ban' }));
    await store.load();
    const outcome = await store.askConsent('client');
    expect(outcome).toEqual({ kind: 'declined', accepted: 0, message: '您未允许，不会通过微信通知您' });
    expect(actions(calls)).not.toContain('notification.subscribe');
    expect(store.remaining('client')).toBe(0);
    expect(store.asking).toBe(false);
  });

  it('reports a consent dialog that failed to open, and asks the server nothing', async () => {
    const { store, calls } = setUp(() => Promise.reject(new Error('微信未能打开订阅窗口，请稍后再试')));
    await store.load();
    const outcome = await store.askConsent('client');
    expect(outcome).toMatchObject({ kind: 'failed', message: '微信未能打开订阅窗口，请稍后再试' });
    expect(actions(calls)).not.toContain('notification.subscribe');
    expect(store.asking).toBe(false);
  });

  it('says the consent was not saved when the server refuses it, and keeps the credits it had', async () => {
    const { store } = setUp(async (ids) => ({ [ids[0]]: 'accept' }), {
      'notification.subscribe': () => {
        throw fail('INTERNAL');
      },
    });
    await store.load();
    const outcome = await store.askConsent('client');
    expect(outcome.kind).toBe('failed');
    expect(outcome.message).toMatch(/^未能保存：/);
    expect(store.remaining('client')).toBe(0);
    expect(store.asking).toBe(false);
  });

  it('asks nothing when the deployment sends no WeChat messages, or before the templates are loaded', async () => {
    const off = setUp(async () => ({}), {}, settings({}, 'off'));
    expect((await off.store.askConsent('client')).kind).toBe('unavailable');
    await off.store.load();
    expect(off.store.enabled).toBe(false);
    expect((await off.store.askConsent('client')).kind).toBe('unavailable');
    expect(off.requestConsent).not.toHaveBeenCalled();
  });

  it('keeps the error of a failed load and tries again on the next ensureLoaded', async () => {
    let failing = true;
    const { store } = setUp(async () => ({}), {
      'notification.settings': () => {
        if (failing) throw fail('INTERNAL');
        return settings({ todo: 3 });
      },
    });
    await store.ensureLoaded();
    expect(store.status).toBe('error');
    failing = false;
    await store.ensureLoaded();
    expect(store.status).toBe('ready');
    expect(store.remaining('client')).toBe(3);
  });
});
