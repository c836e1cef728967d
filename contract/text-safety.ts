/**
 * "What is shown is what was hashed": characters that make stored text display differently from what it
 * is, or that do not survive a round trip through UTF-8, are refused before anything is stored or hashed.
 *
 * Pure and zod-free, so the mini-program may import it to check a field before sending.
 *
 * Refused:
 * - `nul`       U+0000. Truncates text in C APIs, logs and some renderers, so what is shown can be a prefix of
 *               what was hashed.
 * - `control`   Other C0 controls (U+0001–U+001F) except TAB, LF and CR, plus DEL (U+007F) and the C1 controls
 *               (U+0080–U+009F, including NEL U+0085), plus the LINE/PARAGRAPH SEPARATORS U+2028/U+2029. None
 *               has a visible form; some (VT, FF, NEL, U+2028/9) are line breaks in one renderer and nothing in
 *               another. CR is accepted because the field normalizer turns CRLF/CR into LF before storing.
 * - `bidi`      The explicit directional embeddings/overrides U+202A–U+202E (LRE RLE PDF LRO RLO) and isolates
 *               U+2066–U+2069 (LRI RLI FSI PDI): they reorder what follows, so 「abc.exe」 can show as
 *               「exe.cba」 while the hash covers the stored order ("Trojan Source").
 *               Also the implicit marks U+200E LRM, U+200F RLM and U+061C ALM — a decision, not a necessity:
 *               they are invisible, they do move neutral characters (digits' separators, brackets,
 *               punctuation) to the other side of a run, so "1-2" or a bracketed amount can display in a
 *               different order than stored, and Chinese legal text never needs them (Arabic or Hebrew names
 *               render correctly by the Unicode bidi algorithm without marks). Refusing them costs nothing
 *               real and keeps the rule simple: no invisible direction characters at all.
 * - `surrogate` An unpaired UTF-16 surrogate (U+D800–U+DFFF not forming a high+low pair). It has no UTF-8
 *               encoding: hashing encodes it as U+FFFD while the JS string (and what a client displays) keeps
 *               something else, so the hash would not describe the stored text.
 *
 * Deliberately accepted: ZERO WIDTH JOINER / NON-JOINER (U+200D/U+200C; emoji sequences and some scripts need
 * them), ZERO WIDTH SPACE and BOM/ZWNBSP (U+200B/U+FEFF; invisible but they move nothing), U+FFFD, and every
 * properly paired astral character (emoji, CJK Extension B and beyond).
 */

export type UnsafeKind = 'nul' | 'control' | 'bidi' | 'surrogate';

export interface UnsafeCharacter {
  /** The offending code point (for a lone surrogate, the surrogate code unit itself). */
  codePoint: number;
  kind: UnsafeKind;
}

function isBidiControl(c: number): boolean {
  return (
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c
  );
}

function isOtherControl(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  return (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
}

/** The first character of `text` that must not be stored, or null when there is none. Scans UTF-16 code units. */
export function unsafeCharacter(text: string): UnsafeCharacter | null {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1; // a proper pair: one astral code point, always allowed
        continue;
      }
      return { codePoint: c, kind: 'surrogate' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { codePoint: c, kind: 'surrogate' };
    if (c === 0) return { codePoint: 0, kind: 'nul' };
    if (isOtherControl(c)) return { codePoint: c, kind: 'control' };
    if (isBidiControl(c)) return { codePoint: c, kind: 'bidi' };
  }
  return null;
}

/** `U+202E`: at least four upper-case hex digits. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const MESSAGES: Record<UnsafeKind, (label: string) => string> = {
  nul: (label) => `含有不可见的空字符（${label}），会导致存档内容被截断，请删除后重试`,
  control: (label) => `含有不可见的控制字符（${label}），会让显示内容与存档内容不一致，请删除后重试`,
  bidi: (label) => `含有不可见的文字方向控制符（${label}），会让显示内容与存档内容不一致，请删除后重试`,
  surrogate: (label) =>
    `含有无法识别的残缺字符（${label}），可能是复制时损坏的表情或生僻字，请删除后重新输入`,
};

/** The Chinese message a field shows for an unsafe character; it names the code point. */
export function unsafeCharacterMessage(found: UnsafeCharacter): string {
  return MESSAGES[found.kind](codePointLabel(found.codePoint));
}

/** Canonical composition (NFC), so text that looks the same is stored and hashed the same. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}
