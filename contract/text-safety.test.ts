import { optionalText, requiredText } from './fields';
import {
  codePointLabel,
  toNfc,
  unsafeCharacter,
  unsafeCharacterMessage,
  type UnsafeKind,
} from './text-safety';

describe('unsafeCharacter', () => {
  const accepted: Array<[string, string]> = [
    ['plain Chinese', '已向法院提交起诉材料'],
    ['line feed and tab', '第一行\n\t第二行'],
    ['carriage return (the field normalizer turns it into a line feed)', 'a\r\nb\rc'],
    ['emoji (a surrogate pair)', '收到 😀'],
    ['CJK Extension B (a surrogate pair)', '𠀀姓'],
    ['a pair at the very end', 'x\ud83d\ude00'],
    ['ZWJ emoji sequence', '👨\u200d👩\u200d👧'],
    ['zero width space, BOM and U+FFFD', 'a\u200bb\ufeffc\ufffd'],
    ['ideographic space', '甲\u3000乙'],
    ['Arabic and Hebrew letters without marks', 'شركة עברית'],
    ['the empty string', ''],
  ];
  it.each(accepted)('accepts %s', (_name, text) => {
    expect(unsafeCharacter(text)).toBeNull();
  });

  const refused: Array<[string, string, UnsafeKind, number]> = [
    ['NUL', 'abc\u0000def', 'nul', 0x0000],
    ['BEL', 'a\u0007', 'control', 0x0007],
    ['vertical tab', 'a\u000bb', 'control', 0x000b],
    ['form feed', 'a\u000cb', 'control', 0x000c],
    ['ESC', '\u001b[31m', 'control', 0x001b],
    ['DEL', 'a\u007f', 'control', 0x007f],
    ['C1 NEL', 'a\u0085b', 'control', 0x0085],
    ['line separator', 'a\u2028b', 'control', 0x2028],
    ['paragraph separator', 'a\u2029b', 'control', 0x2029],
    ['right-to-left override', '「abc\u202eexe.」', 'bidi', 0x202e],
    ['left-to-right embedding', '\u202aabc', 'bidi', 0x202a],
    ['pop directional formatting', 'abc\u202c', 'bidi', 0x202c],
    ['left-to-right override', '\u202dabc', 'bidi', 0x202d],
    ['right-to-left isolate', '\u2067abc\u2069', 'bidi', 0x2067],
    ['first strong isolate', '\u2068abc', 'bidi', 0x2068],
    ['pop directional isolate', 'abc\u2069', 'bidi', 0x2069],
    ['left-to-right mark', '1\u200e-2', 'bidi', 0x200e],
    ['right-to-left mark', '1\u200f-2', 'bidi', 0x200f],
    ['Arabic letter mark', 'a\u061cb', 'bidi', 0x061c],
    ['lone high surrogate', 'ab\ud83d', 'surrogate', 0xd83d],
    ['lone high surrogate followed by a letter', '\ud800x', 'surrogate', 0xd800],
    ['lone low surrogate', '\ude00ab', 'surrogate', 0xde00],
    ['reversed pair (low then high)', 'a\ude00\ud83db', 'surrogate', 0xde00],
    ['two highs in a row', '\ud83d\ud83d\ude00', 'surrogate', 0xd83d],
  ];
  it.each(refused)('refuses %s', (_name, text, kind, codePoint) => {
    expect(unsafeCharacter(text)).toEqual({ kind, codePoint });
  });

  it('reports the first offending character', () => {
    expect(unsafeCharacter('a\u202eb\u0000')).toEqual({ kind: 'bidi', codePoint: 0x202e });
  });
});

describe('messages', () => {
  it.each([
    [0x202e, 'bidi', '含有不可见的文字方向控制符（U+202E），会让显示内容与存档内容不一致，请删除后重试'],
    [0x0000, 'nul', 'U+0000'],
    [0x0007, 'control', 'U+0007'],
    [0xd800, 'surrogate', 'U+D800'],
  ] as Array<[number, UnsafeKind, string]>)(
    'names the code point %s in Chinese',
    (codePoint, kind, expected) => {
      const message = unsafeCharacterMessage({ codePoint, kind });
      expect(message).toContain(expected);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    },
  );

  it('labels code points with at least four upper-case hex digits', () => {
    expect(codePointLabel(0)).toBe('U+0000');
    expect(codePointLabel(0x202e)).toBe('U+202E');
    expect(codePointLabel(0x1f600)).toBe('U+1F600');
  });
});

describe('NFC', () => {
  it.each([
    ['e + combining acute', 'e\u0301', 'é'],
    ['decomposed Café', 'Cafe\u0301', 'Café'],
    ['Hangul jamo', '\u1100\u1161', '가'],
    ['already composed', '借款纠纷', '借款纠纷'],
  ])('composes %s', (_name, input, expected) => {
    expect(toNfc(input)).toBe(expected);
  });
});

describe('text fields', () => {
  const required = requiredText(80);
  const optional = optionalText(80);

  it('stores the NFC form, so composed and decomposed input are the same value', () => {
    expect(required.parse('Cafe\u0301  账单')).toBe('Café 账单');
    expect(required.parse('Cafe\u0301')).toBe(required.parse('Café'));
    expect(optional.parse('e\u0301')).toBe('é');
  });

  it.each([
    ['bidi override', 'abc\u202eexe', 'U+202E'],
    ['NUL', 'abc\u0000', 'U+0000'],
    ['lone surrogate', 'abc\ud800', 'U+D800'],
    ['vertical tab', 'a\u000bb', 'U+000B'],
  ])('refuses %s with one custom issue naming the code point', (_name, input, label) => {
    for (const schema of [required, optional]) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues[0]).toMatchObject({ code: 'custom', path: [] });
      expect(result.error.issues[0].message).toContain(label);
    }
  });

  it('checks the raw input, so trimming cannot hide an unsafe character', () => {
    // A trailing NUL/control next to spaces is not "whitespace" to the normalizer, and a leading one must not
    // be masked by the empty-field check either.
    expect(required.safeParse('\u0000').success).toBe(false);
    expect(required.safeParse('  \u202e  ').error?.issues[0].message).toContain('U+202E');
  });

  it('still accepts tabs, CRLF and line feeds', () => {
    expect(required.parse('a\tb\r\nc')).toBe('a b\nc');
  });
});
