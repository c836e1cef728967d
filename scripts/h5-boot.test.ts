import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { webcrypto } from 'node:crypto';
import { PRIVACY_NOTICE_VERSION } from '../contract/privacy-version';
import { COMPILE_HINT, finishFirstLoad, compileBootScript, withBootScript } from './h5-boot';

/** Runs the compiled boot script as a page would, with this device's storage and address; returns what it sent. */
function runBoot(code: string, hash: string, storage: Record<string, unknown>, status = 200) {
  const sent: { url: string; init?: { method: string; headers: Record<string, string>; body: string } }[] =
    [];
  const page: Record<string, unknown> = {
    localStorage: {
      getItem: (key: string) => (key in storage ? JSON.stringify({ data: storage[key] }) : null),
    },
    location: { hash },
    fetch: (url: string, init?: { method: string; headers: Record<string, string>; body: string }) => {
      sent.push({ url, init });
      // The batch answers each read with its action's name; the dev sign-in list with its URL.
      const requests = init ? (JSON.parse(init.body) as { requests: { action: string }[] }).requests : [];
      const body = init
        ? { ok: true, data: { answers: requests.map((r) => ({ ok: true, data: r.action })) } }
        : { ok: true, data: url };
      return Promise.resolve({ status, json: async () => body });
    },
    crypto: webcrypto,
    URLSearchParams,
  };
  page.window = page;
  vm.runInNewContext(code, page);
  const early = page.__casetrailEarlyAnswers as {
    token: string | null;
    answers: Record<string, Promise<unknown>>;
  };
  return { sent, early };
}

describe('the H5 boot script', () => {
  let code: string;
  beforeAll(async () => {
    code = await compileBootScript();
  });

  const signedIn = { 'casetrail.token': 'tok-1', 'casetrail.privacy': PRIVACY_NOTICE_VERSION };

  it('sends the case page reads in one batch with the session token when this device agreed to the notice in force', async () => {
    const { sent, early } = runBoot(code, '#/pages/case/index?id=case-0001', signedIn);
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/batch');
    expect(sent[0].init!.headers.Authorization).toBe('Bearer tok-1');
    const { requests } = JSON.parse(sent[0].init!.body) as {
      requests: { action: string; requestId: string }[];
    };
    expect(requests.map((r) => r.action)).toEqual([
      'case.get',
      'case.timeline',
      'statement.list',
      'memo.list',
      'task.list',
      'request.list',
      'notification.settings',
    ]);
    for (const r of requests) expect(r.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(early.token).toBe('tok-1');
    // Each read's early answer is its own item of the batch's answer.
    const keys = Object.keys(early.answers);
    expect(keys).toHaveLength(7);
    const answers = await Promise.all(keys.map((key) => early.answers[key]));
    expect(answers.map((a) => (a as { body: { data: string } }).body.data)).toEqual(
      requests.map((r) => r.action),
    );
  });

  it('leaves every read to the app when the batch fails', async () => {
    const { early } = runBoot(code, '#/pages/case/index?id=case-0001', signedIn, 502);
    for (const answer of Object.values(early.answers)) await expect(answer).resolves.toBeNull();
  });

  it('sends nothing about a person who has not agreed, or agreed only to an older notice', () => {
    expect(runBoot(code, '#/pages/case/index?id=c', { 'casetrail.token': 'tok-1' }).sent).toEqual([]);
    const older = { 'casetrail.token': 'tok-1', 'casetrail.privacy': '2000-01-01' };
    expect(runBoot(code, '#/pages/case/index?id=c', older).sent).toEqual([]);
  });

  it('asks a signed-out visitor of the home or login page only for the dev sign-in list, and nothing elsewhere', () => {
    for (const hash of ['', '#/', '#/pages/login/index?redirect=%2Fpages%2Findex%2Findex']) {
      expect(runBoot(code, hash, {}).sent).toEqual([{ url: '/api/dev/personas', init: undefined }]);
    }
    expect(runBoot(code, '#/pages/case/index?id=c', {}).sent).toEqual([]);
    expect(runBoot(code, '#/pages/join/index?code=x', {}).sent).toEqual([]);
  });

  it('is written once into the head, after the title and before the stylesheet, however often the step runs', () => {
    const html =
      '<html><head><title>律程</title><link href="/css/app.css" rel="stylesheet"></head><body></body></html>';
    const once = withBootScript(html, 'void 0');
    expect(once).toBe(
      '<html><head><title>律程</title><script data-casetrail-boot>void 0</script><link href="/css/app.css" rel="stylesheet"></head><body></body></html>',
    );
    expect(withBootScript(once, 'void 1')).toBe(once.replace('void 0', 'void 1'));
    expect(code).not.toMatch(/<\/script/i);
  });

  it('marks exactly the scripts index.html loads with the compile hint, once, and writes the boot script in', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-h5-boot-'));
    try {
      fs.mkdirSync(path.join(dir, 'js'));
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        '<html><head><title>律程</title><script defer="defer" src="/js/586.ab12cd34.js"></script>' +
          '<script defer="defer" src="/js/app.ef56ab78.js"></script></head><body></body></html>',
      );
      for (const name of ['586.ab12cd34.js', 'app.ef56ab78.js', 'lazy.12345678.js'])
        fs.writeFileSync(path.join(dir, 'js', name), '(()=>{})();');
      await finishFirstLoad(dir);
      await finishFirstLoad(dir);
      const read = (name: string) => fs.readFileSync(path.join(dir, 'js', name), 'utf8');
      expect(read('586.ab12cd34.js')).toBe(`${COMPILE_HINT}(()=>{})();`);
      expect(read('app.ef56ab78.js')).toBe(`${COMPILE_HINT}(()=>{})();`);
      expect(read('lazy.12345678.js')).toBe('(()=>{})();');
      expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      expect(html.match(/<script data-casetrail-boot>/g)).toHaveLength(1);
      expect(html.indexOf('data-casetrail-boot')).toBeLessThan(html.indexOf('/js/586.ab12cd34.js'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
