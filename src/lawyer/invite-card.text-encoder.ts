/**
 * lean-qr makes a `TextEncoder` when it loads; the mini-program's JS runtime (and jsdom) may have none. This module
 * is imported before lean-qr and, only where it is missing, installs a UTF-8 encoder — all lean-qr asks of it.
 */
class Utf8Encoder {
  readonly encoding = 'utf-8';

  encode(text = ''): Uint8Array {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0) as number;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
}

const scope = (typeof globalThis !== 'undefined' ? globalThis : {}) as { TextEncoder?: unknown };
if (typeof scope.TextEncoder === 'undefined') scope.TextEncoder = Utf8Encoder;

export { Utf8Encoder };
