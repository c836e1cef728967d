import { ConfigError, readEntryConfig } from '../../server/config';
import { selfHostedTransport } from '../../server/notifications/transports/self-hosted';

const TEMPLATES = JSON.stringify({
  progress: { id: 'tpl-p', fields: { case: 'thing1', summary: 'thing2', time: 'time3', note: 'thing4' } },
  message: { id: 'tpl-m', fields: { case: 'thing2', summary: 'thing1', time: 'time4' } },
});
const wechat = { CASETRAIL_NOTIFY: 'wechat', CASETRAIL_WX_TEMPLATES: TEMPLATES };

describe('the notify configuration', () => {
  it('is off by default, the demo with dev login, and wechat with its templates and keywords', () => {
    expect(readEntryConfig({}).notify.mode).toBe('off');
    expect(readEntryConfig({ CASETRAIL_DEV_LOGIN: '1' }).notify.mode).toBe('demo');
    expect(readEntryConfig({ CASETRAIL_DEV_LOGIN: '1', CASETRAIL_NOTIFY: 'off' }).notify.mode).toBe('off');
    const config = readEntryConfig({
      ...wechat,
      CASETRAIL_WX_APPID: 'wx123',
      CASETRAIL_WX_SECRET: 's',
      CASETRAIL_WX_MINIPROGRAM_STATE: 'trial',
    });
    expect(config.notify).toEqual({
      mode: 'wechat',
      miniprogramState: 'trial',
      templates: {
        progress: {
          id: 'tpl-p',
          fields: { case: 'thing1', summary: 'thing2', time: 'time3', note: 'thing4' },
        },
        message: { id: 'tpl-m', fields: { case: 'thing2', summary: 'thing1', time: 'time4' } },
      },
    });
    expect(config.notifySender).toEqual({
      intervalSeconds: 30,
      leaseSeconds: 60,
      wechat: { appid: 'wx123', secret: 's' },
      apiBase: 'https://api.weixin.qq.com',
      timeoutMs: 10_000,
    });
    expect(selfHostedTransport(config.notify, config.notifySender)?.name).toBe('wechat');
  });

  it.each([
    [{ CASETRAIL_NOTIFY: 'sms' }, /CASETRAIL_NOTIFY must be wechat or off/],
    [{ CASETRAIL_NOTIFY: 'demo' }, /demo only/],
    [{ ...wechat, CASETRAIL_DEV_LOGIN: '1' }, /dev personas have no WeChat openid/],
    [{ CASETRAIL_NOTIFY: 'wechat' }, /needs CASETRAIL_WX_TEMPLATES/],
    [{ ...wechat, CASETRAIL_WX_TEMPLATES: '{progress' }, /not JSON/],
    [{ ...wechat, CASETRAIL_WX_TEMPLATES: '{"news":{}}' }, /unknown template "news"/],
    [
      { ...wechat, CASETRAIL_WX_TEMPLATES: '{"todo":{"id":"t","fields":{"case":"thing1"}}}' },
      /todo\.fields\.summary/,
    ],
    [{ ...wechat, CASETRAIL_WX_MINIPROGRAM_STATE: 'beta' }, /formal, trial or developer/],
    [{ CASETRAIL_WX_APPID: 'wx123' }, /go together/],
    [{ CASETRAIL_WX_API_BASE: 'ftp://x' }, /http\(s\) URL/],
    [{ CASETRAIL_NOTIFY_INTERVAL_SECONDS: '0' }, /at least 1/],
    [{ CASETRAIL_NOTIFY_LEASE_SECONDS: '30', CASETRAIL_WX_TIMEOUT_MS: '10000' }, /four request timeouts/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => readEntryConfig(env)).toThrow(ConfigError);
    expect(() => readEntryConfig(env)).toThrow(message);
  });

  it('refuses wechat on a self-hosted server without the AppID and AppSecret (the cloud needs neither)', () => {
    const config = readEntryConfig(wechat);
    expect(() => selfHostedTransport(config.notify, config.notifySender)).toThrow(/CASETRAIL_WX_APPID/);
    expect(selfHostedTransport(readEntryConfig({}).notify, config.notifySender)).toBeNull();
  });
});
