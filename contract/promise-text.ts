/**
 * The text the promise guard matches: one form for every way a lawyer may type the same words. Full-width
 * characters become half-width (１００％ → 100%), NFKC folds compatibility forms, traditional characters become
 * simplified through a small table (保證勝訴 → 保证胜诉), spaces and quotes go, and clause punctuation becomes a
 * line break so a match never runs from one clause into the next. Each character remembers where it came from,
 * so a hit can be shown as the lawyer wrote it.
 */

export interface MatchingText {
  /** The normalized text; `\n` separates clauses. */
  text: string;
  /** For each character of `text`: where its source starts and ends in the original. */
  from: number[];
  to: number[];
}

export interface MatchingTable {
  /** Traditional → simplified, for the characters the rules need and common ones. */
  simplified: Map<string, string>;
  clauseBreaks: string;
  dropped: string;
}

/** Builds the table from its data form: pairs such as `證证 勝胜`, several per line. */
export function matchingTable(data: {
  traditional: string[];
  clauseBreaks: string;
  dropped: string;
}): MatchingTable {
  const simplified = new Map<string, string>();
  for (const pair of data.traditional.join(' ').split(/\s+/)) {
    if (pair.length === 2) simplified.set(pair[0], pair[1]);
  }
  return { simplified, clauseBreaks: data.clauseBreaks, dropped: data.dropped };
}

const DIGIT = /[0-9０-９]/;

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space, as their half-width forms. */
function halfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return code === 0x3000 ? ' ' : ch;
}

/** NFKC where the engine has it (a mini-program's JavaScript engine may not); the character itself otherwise. */
function compatible(ch: string): string {
  try {
    return ch.normalize('NFKC');
  } catch {
    return ch;
  }
}

export function matchingText(original: string, table: MatchingTable): MatchingText {
  const out: MatchingText = { text: '', from: [], to: [] };
  let at = 0;
  for (const codePoint of original) {
    const start = at;
    at += codePoint.length;
    for (const folded of compatible(halfWidth(codePoint))) {
      const ch = table.simplified.get(folded) ?? folded.toLowerCase();
      let kept: string | null = ch;
      // A decimal point (99.5%) stays; any other full stop ends a clause.
      if (ch === '.')
        kept = DIGIT.test(original[start - 1] ?? '') && DIGIT.test(original[at] ?? '') ? '.' : '\n';
      else if (table.clauseBreaks.includes(ch)) kept = '\n';
      else if (/\s/.test(ch) || table.dropped.includes(ch)) kept = null;
      if (kept === null) continue;
      out.text += kept;
      out.from.push(start);
      out.to.push(at);
    }
  }
  return out;
}
