import Taro from '@tarojs/taro';

/** One text file to hand to the person: `name` is the full file name, extension included. */
export interface TextFile {
  name: string;
  text: string;
  mime: string;
}

/**
 * What really happened to a file, so the page never claims more than that:
 * - `downloaded`: H5 gave the browser the file to save;
 * - `sent`: weapp forwarded it to a chat (WeChat's own share sheet said so);
 * - `cancelled`: the person closed the share sheet; nothing was sent;
 * - `copied`: the platform cannot send files, so the `fallback` text is on the clipboard instead;
 * - `failed`: none of the above worked.
 */
export type SaveOutcome =
  | { kind: 'downloaded'; name: string }
  | { kind: 'sent'; name: string }
  | { kind: 'cancelled' }
  | { kind: 'copied'; what: string }
  | { kind: 'failed' };

export interface SaveOptions {
  /** Text put on the clipboard when the platform cannot send files (e.g. the JSON bundle), and what it is. */
  fallback: { text: string; what: string };
}

/**
 * Saves `file` the way the platform can: H5 downloads it; weapp writes it under the user data path and opens
 * WeChat's 「发送给朋友」 sheet (`shareFileMessage`, weapp only), else copies the fallback text.
 * @example
 * const outcome = await saveTextFile({ name: 'a.html', text: html, mime: 'text/html' }, { fallback });
 */
export async function saveTextFile(file: TextFile, options: SaveOptions): Promise<SaveOutcome> {
  if (process.env.TARO_ENV === 'h5') return downloadInBrowser(file);
  if (process.env.TARO_ENV === 'weapp') return shareInWeChat(file, options);
  return copyFallback(options);
}

/** The toast that says what happened, in the words of the outcome (never 已保存 for a copy). */
export function describeOutcome(outcome: SaveOutcome): { title: string; icon: 'success' | 'none' } {
  switch (outcome.kind) {
    case 'downloaded':
      return { title: `已开始下载：${outcome.name}`, icon: 'none' };
    case 'sent':
      return { title: '已发送', icon: 'success' };
    case 'cancelled':
      return { title: '未发送文件', icon: 'none' };
    case 'copied':
      return { title: `本机无法发送文件，已将${outcome.what}复制到剪贴板`, icon: 'none' };
    case 'failed':
      return { title: '导出失败，请稍后重试', icon: 'none' };
  }
}

function downloadInBrowser(file: TextFile): SaveOutcome {
  try {
    const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers read the blob after click() returns; give them time before releasing it.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return { kind: 'downloaded', name: file.name };
  } catch {
    return { kind: 'failed' };
  }
}

const errMsgOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';

function writeUserFile(filePath: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: text,
      encoding: 'utf8',
      success: () => resolve(),
      fail: reject,
    });
  });
}

async function shareInWeChat(file: TextFile, options: SaveOptions): Promise<SaveOutcome> {
  const dir = Taro.env.USER_DATA_PATH;
  if (!dir || !Taro.canIUse('shareFileMessage')) return copyFallback(options);
  const filePath = `${dir}/${file.name}`;
  try {
    await writeUserFile(filePath, file.text);
  } catch {
    return copyFallback(options);
  }
  const share = () => Taro.shareFileMessage({ filePath, fileName: file.name });
  try {
    await share();
    return { kind: 'sent', name: file.name };
  } catch (error) {
    const message = errMsgOf(error);
    if (/cancel/i.test(message)) return { kind: 'cancelled' };
    // WeChat may insist that sharing follows a tap; the export call came in between, so ask for one.
    if (/gesture|tap/i.test(message)) return shareAfterTap(share, file, options);
    return copyFallback(options);
  }
}

async function shareAfterTap(
  share: () => Promise<unknown>,
  file: TextFile,
  options: SaveOptions,
): Promise<SaveOutcome> {
  const { confirm } = await Taro.showModal({
    title: '文件已生成',
    content: `发送「${file.name}」到聊天后，可在电脑上打开、打印或保存。`,
    confirmText: '发送',
  });
  if (!confirm) return { kind: 'cancelled' };
  try {
    await share();
    return { kind: 'sent', name: file.name };
  } catch (error) {
    return /cancel/i.test(errMsgOf(error)) ? { kind: 'cancelled' } : copyFallback(options);
  }
}

async function copyFallback({ fallback }: SaveOptions): Promise<SaveOutcome> {
  try {
    await Taro.setClipboardData({ data: fallback.text });
    return { kind: 'copied', what: fallback.what };
  } catch {
    return { kind: 'failed' };
  }
}
