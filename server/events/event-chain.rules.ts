/**
 * The case event chain (DESIGN §4): each event's hash covers its content and the previous event's hash,
 * so a later edit, insertion or deletion breaks every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEvent {
  caseId: string;
  seq: number;
  at: string;
  actorId: string;
  type: string;
  /** The payload as stored: canonical JSON text. */
  payload: string;
  prevHash: string;
  hash: string;
}

export type Hasher = (text: string) => string;

/** The exact text hashed for an event; fields in a fixed order, payload already canonical. */
export function eventHashInput(e: Omit<ChainEvent, 'hash'>): string {
  return [e.caseId, e.seq, e.at, e.actorId, e.type, e.payload, e.prevHash].join('\n');
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  headHash: string | null;
  /** Sequence number of the first event that does not link or hash correctly. */
  brokenAt: number | null;
}

/** Recomputes the chain in order and names the first broken link (a gap in `seq` counts as broken). */
export function verifyChain(events: ChainEvent[], hash: Hasher): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq || e.prevHash !== prevHash || hash(eventHashInput(e)) !== e.hash) {
      return { valid: false, events: events.length, headHash: null, brokenAt: Math.min(e.seq, expectedSeq) };
    }
    prevHash = e.hash;
  }
  return {
    valid: true,
    events: events.length,
    headHash: events.length ? prevHash : null,
    brokenAt: null,
  };
}
