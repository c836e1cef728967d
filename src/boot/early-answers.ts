/**
 * The answers the H5 boot script fetched before the app loaded, kept on `window` for the app to take once.
 * Shared by the boot script (which fills it) and the app's transports (which take from it).
 */

/** What came back for one early request: its HTTP status and JSON body, or null when it did not get through. */
export type EarlyAnswer = { status: number; body: unknown } | null;

export interface EarlyAnswers {
  /** The session token the requests carried (null: sent signed out). */
  token: string | null;
  /** When the boot script sent them (ms since the epoch). */
  sentAt: number;
  /** By request key (readKey for API reads, DEV_PERSONAS_URL for the dev sign-in list). */
  answers: Record<string, Promise<EarlyAnswer>>;
}

export const EARLY_ANSWERS_GLOBAL = '__casetrailEarlyAnswers';

/** An early answer is used only by a page that opens within this time of the boot; later ones read afresh. */
export const EARLY_ANSWER_FRESH_MS = 30_000;

/**
 * Takes the early answer to a request, once: later asks for the same key (a pull-down refresh, coming back to the
 * page) go to the server. Nothing is taken when it was sent with another session token or is no longer fresh.
 */
export function takeEarlyAnswer(
  key: string,
  token: string | null,
  now: number = Date.now(),
): Promise<EarlyAnswer> | undefined {
  const early = (globalThis as Record<string, unknown>)[EARLY_ANSWERS_GLOBAL] as EarlyAnswers | undefined;
  if (!early || early.token !== token || now - early.sentAt > EARLY_ANSWER_FRESH_MS) return undefined;
  const answer = early.answers[key];
  delete early.answers[key];
  return answer;
}
