import data from './data/promise-rules.json';
import { matchingTable, matchingText, type MatchingText } from './promise-text';

/**
 * The promise guard. Practice rules forbid a lawyer to promise results, to claim special ties to the people
 * who decide a case, to advertise win rates, and to tie fees to the result where the law forbids it; when a
 * lawyer's text says one of these, the editor names the words, the rule and why it matters. A warning, not an
 * error: the lawyer may still send, and the warning is kept with what was sent.
 *
 * Rules are data (`data/promise-rules.json`); this file only runs them. It reads clauses, not substrings:
 * 「我们不能保证胜诉」 negates the promise it contains, 「必胜客」 and 「持股100%」 are ordinary words.
 */

export interface PromiseRule {
  /** Stable id, kept with stored warnings, e.g. `outcome-promise`. */
  id: string;
  /** What the lawyer did, in a few words: 「承诺案件结果」. */
  name: string;
  /** Why it matters, citing the norm. */
  message: string;
}

export interface PromiseHit {
  /** The words as the lawyer wrote them. */
  phrase: string;
  rule: string;
  message: string;
  /** Where `phrase` sits in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

export interface PromiseWarning {
  /** Where the words were found, e.g. `sections.weWill.2`, `body` or `answer`. */
  path: string;
  phrase: string;
  rule: string;
  message: string;
}

interface CompiledRule extends PromiseRule {
  patterns: RegExp[];
  hedges: RegExp | null;
  /** Patterns that apply only when the texts checked together say what kind of case this is. */
  context: RegExp | null;
  contextPatterns: RegExp[];
}

const table = matchingTable(data.normalize);
const vocabulary: Record<string, string> = {};
for (const [name, words] of Object.entries(data.vocabulary))
  vocabulary[name] = ([] as string[]).concat(words).join('|');

/** `{certain}` → `(?:一定|肯定|…)`: patterns name their vocabulary lists. */
function compile(source: string, flags = 'g'): RegExp {
  const expanded = source.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const words = vocabulary[name];
    if (words === undefined) throw new Error(`promise-rules.json: unknown vocabulary ${whole}`);
    return `(?:${words})`;
  });
  return new RegExp(expanded, flags);
}

const anyOf = (sources: string[]) => compile(sources.join('|'));

const ordinary = anyOf(data.ordinary);
const negatedBefore = anyOf(data.negation.before);
const negatedAdjacent = compile(data.negation.adjacent, '');
const negatedAfter = anyOf(data.negation.after);
const WINDOW = data.negation.window;

const rules: CompiledRule[] = data.rules.map((rule) => {
  const extra = rule as { hedges?: string; context?: string; contextPatterns?: string[] };
  return {
    id: rule.id,
    name: rule.name,
    message: rule.message,
    patterns: rule.patterns.map((p) => compile(p)),
    hedges: extra.hedges ? compile(extra.hedges, '') : null,
    context: extra.context ? compile(extra.context, '') : null,
    contextPatterns: (extra.contextPatterns ?? []).map((p) => compile(p)),
  };
});

export const PROMISE_RULES: readonly PromiseRule[] = rules.map(({ id, name, message }) => ({
  id,
  name,
  message,
}));

/** The rule a stored warning names; warnings stored before rules had ids read as a result promise. */
export function promiseRule(id: string | undefined): PromiseRule {
  return PROMISE_RULES.find((rule) => rule.id === id) ?? PROMISE_RULES[0];
}

/** True when the clause around text[start, end) takes the words back: 不能保证…, …的说法不可信, 没有十拿九稳…. */
function negated(text: string, start: number, end: number): boolean {
  const clauseStart = text.lastIndexOf('\n', start - 1) + 1;
  const windowStart = Math.max(clauseStart, start - WINDOW);
  // A negation may run into the match (不一定 before 一定能赢) but must begin before it.
  const around = text.slice(windowStart, start + 3);
  if (spans(negatedBefore, around).some(([at]) => windowStart + at < start)) return true;
  if (negatedAdjacent.test(text.slice(Math.max(clauseStart, start - 2), start))) return true;
  const clauseEnd = text.indexOf('\n', end);
  negatedAfter.lastIndex = 0;
  return negatedAfter.test(text.slice(end, clauseEnd < 0 ? text.length : clauseEnd));
}

/** Every match of a global pattern as [start, end). (A loop, not matchAll: older mini-program engines lack it.) */
function spans(pattern: RegExp, text: string): [number, number][] {
  const found: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === '') pattern.lastIndex++;
    else found.push([m.index, m.index + m[0].length]);
  }
  return found;
}

function hitsOf(
  rule: CompiledRule,
  normal: MatchingText,
  masked: string,
  context: string,
): [number, number][] {
  const patterns =
    rule.context && rule.context.test(context) ? [...rule.patterns, ...rule.contextPatterns] : rule.patterns;
  const found: [number, number][] = [];
  for (const pattern of patterns) {
    for (const [start, end] of spans(pattern, masked)) {
      if (rule.hedges?.test(normal.text.slice(start, end))) continue;
      if (negated(normal.text, start, end)) continue;
      found.push([start, end]);
    }
  }
  // Two patterns of one rule may find overlapping words: keep the first, longest.
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return found.filter(([start], i) => !found.slice(0, i).some(([s, e]) => start >= s && start < e));
}

/**
 * Every piece of promise language in `text`, in reading order. `context` is the other text written with it
 * (the whole update or statement): some fee wording is forbidden only in criminal, administrative or family
 * cases, and the case type shows in what the lawyer wrote.
 */
export function findPromises(text: string, context: string = text): PromiseHit[] {
  const normal = matchingText(text, table);
  const masked = normal.text.replace(ordinary, (words) => words.replace(/[^\n]/g, '_'));
  const contextText = context === text ? normal.text : matchingText(context, table).text;
  return rules
    .flatMap((rule) =>
      hitsOf(rule, normal, masked, contextText).map(([start, end]) => {
        const from = normal.from[start];
        const to = normal.to[end - 1];
        return {
          phrase: text.slice(from, to).trim(),
          rule: rule.id,
          message: rule.message,
          start: from,
          end: to,
        };
      }),
    )
    .sort((a, b) => a.start - b.start);
}

/** The promise words in `text`, in the order they first appear, without repeats. */
export function findPromisePhrases(text: string): string[] {
  return Array.from(new Set(findPromises(text).map((hit) => hit.phrase)));
}

/** Checks several named texts written together (one update, one statement, one answer). */
export function promiseWarnings(
  texts: { path: string; text: string | null | undefined }[],
): PromiseWarning[] {
  const context = texts.map(({ text }) => text ?? '').join('\n');
  return texts.flatMap(({ path, text }) => {
    if (!text) return [];
    const seen = new Set<string>();
    return findPromises(text, context)
      .filter((hit) => !seen.has(`${hit.rule}:${hit.phrase}`) && seen.add(`${hit.rule}:${hit.phrase}`))
      .map(({ phrase, rule, message }) => ({ path, phrase, rule, message }));
  });
}
