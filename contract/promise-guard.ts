import phrases from './data/promise-phrases.json';

/**
 * The "no outcome promise" guard. Practice rules (律师执业管理办法, 律师执业行为规范) forbid lawyers to promise
 * results; when a lawyer's text contains promise language the editor names the phrase and asks for a revision.
 * A warning, not an error: the lawyer may still publish, and the warning is kept with the version.
 */
export const PROMISE_PHRASES: readonly string[] = phrases.phrases;

export interface PromiseWarning {
  /** Where the phrase was found, e.g. `sections.weWill.2` or `body`. */
  path: string;
  phrase: string;
}

/** Every promise phrase in `text`, in the order they first appear, without repeats. */
export function findPromisePhrases(text: string): string[] {
  const compact = text.replace(/\s+/g, '');
  return PROMISE_PHRASES.map((phrase) => ({ phrase, at: compact.indexOf(phrase) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((hit) => hit.phrase);
}

/** Checks several named texts at once. */
export function promiseWarnings(
  texts: { path: string; text: string | null | undefined }[],
): PromiseWarning[] {
  return texts.flatMap(({ path, text }) =>
    text ? findPromisePhrases(text).map((phrase) => ({ path, phrase })) : [],
  );
}
