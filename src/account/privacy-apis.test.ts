/**
 * Every WeChat privacy API the mini-program calls must be declared here, in the README (「个人信息与隐私」) and in
 * the notice (sharing section), and be answered by our privacy-authorization page. A new one slips in only by
 * failing this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVACY_NOTICE } from '@contract/privacy-notice';

const SRC = path.resolve(__dirname, '..');
const ROOT = path.resolve(SRC, '..');

/**
 * WeChat's privacy interfaces (小程序用户隐私保护指引 · 接口与组件列表), as functions on wx/Taro and as
 * button open-types / input types, grouped by the category the notice must name.
 */
const WECHAT_PRIVACY_APIS = [
  'getUserProfile',
  'getUserInfo',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'choosePoi',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'onLocationChange',
  'chooseAddress',
  'chooseInvoiceTitle',
  'chooseInvoice',
  'getWeRunData',
  'chooseLicensePlate',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'startRecord',
  'getRecorderManager',
  'createCameraContext',
  'createVKSession',
  'createLivePusherContext',
  'joinVoIPChat',
  'openBluetoothAdapter',
  'createBLEPeripheralServer',
  'addPhoneContact',
  'addPhoneRepeatCalendar',
  'addPhoneCalendar',
  'setClipboardData',
  'getClipboardData',
  'chooseMessageFile',
] as const;
const PRIVACY_OPEN_TYPES = ['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar', 'getUserInfo'];

/** What we call, and where the notice tells the person about it. */
const DECLARED: Record<string, string> = { setClipboardData: '剪贴板' };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = sourceFiles(SRC).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

describe('WeChat privacy APIs', () => {
  it('calls only the declared ones, and every declared one is really called', () => {
    const called = new Set<string>();
    for (const { text } of sources) {
      for (const api of WECHAT_PRIVACY_APIS)
        if (new RegExp(`\\b(?:Taro|wx)\\.${api}\\b`).test(text)) called.add(api);
      for (const openType of PRIVACY_OPEN_TYPES)
        if (new RegExp(`openType=["']${openType}["']`).test(text)) called.add(`open-type ${openType}`);
      if (/type=["']nickname["']/.test(text)) called.add('input type nickname');
    }
    expect([...called].sort()).toEqual(Object.keys(DECLARED).sort());
  });

  it('names each declared one in the privacy notice and the README', () => {
    const sharing = PRIVACY_NOTICE.sections.find((s) => s.key === 'sharing')!.paragraphs.join('');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## 个人信息与隐私'));
    for (const [api, category] of Object.entries(DECLARED)) {
      expect(sharing).toContain(category);
      expect(section).toContain(api);
    }
  });

  it('turns WeChat’s privacy check on and answers it in our own page', () => {
    const config = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8');
    expect(config).toMatch(/__usePrivacyCheck__:\s*true/);
    const listener = fs.readFileSync(path.join(SRC, 'api/privacy-authorization.weapp.ts'), 'utf8');
    expect(listener).toMatch(/Taro\.onNeedPrivacyAuthorization\(/);
    expect(listener).toMatch(/event: 'agree'/);
    const page = fs.readFileSync(path.join(SRC, 'account/privacy/index.tsx'), 'utf8');
    expect(page).toMatch(/openType="agreePrivacyAuthorization"/);
    expect(page).toMatch(/onAgreePrivacyAuthorization=/);
    expect(fs.readFileSync(path.join(SRC, 'app.tsx'), 'utf8')).toMatch(/listenForPrivacyAuthorization\(\)/);
  });
});
