/**
 * The firm log (DESIGN §4): one chain across all cases, each entry naming a case's head at the moment it was
 * sealed. A case that disappears, a chain cut back, or a chain rewritten and re-hashed no longer matches it; and
 * its own head is what trusted timestamps (RFC 3161) are taken over.
 */
import { GENESIS_HASH, type Hasher } from '../events/event-chain.rules';

export interface FirmEntry {
  seq: number;
  at: string;
  caseId: string;
  caseSeq: number;
  caseHead: string;
  prevHash: string;
  hash: string;
}

export const FIRM_GENESIS = GENESIS_HASH;

export function firmEntryHashInput(e: Omit<FirmEntry, 'hash'>): string {
  return ['casetrail.firm-log', e.seq, e.at, e.caseId, e.caseSeq, e.caseHead, e.prevHash].join('\n');
}

/** Follows the firm chain entry by entry; `broken` names the first entry that does not link or hash. */
export class FirmLogChecker {
  private prevHash: string;
  private readonly firstSeq: number;
  private count = 0;
  brokenAt: number | null = null;
  readonly heads = new Map<number, string>();

  constructor(
    private readonly hash: Hasher,
    /** Firm seqs whose hash must be remembered (the timestamped ones). */
    private readonly remember: ReadonlySet<number> = new Set(),
    /**
     * Where the entries fed begin: the whole log by default. A segment (an exported bundle's) begins at its first
     * entry, linked from that entry's `prevHash` as given — what anchors it is a timestamp over a later entry.
     */
    from: { seq: number; prevHash: string } = { seq: 1, prevHash: FIRM_GENESIS },
  ) {
    this.firstSeq = from.seq;
    this.prevHash = from.prevHash;
  }

  entry(e: FirmEntry): void {
    const expectedSeq = this.firstSeq + this.count;
    this.count++;
    if (
      this.brokenAt === null &&
      (e.seq !== expectedSeq || e.prevHash !== this.prevHash || this.hash(firmEntryHashInput(e)) !== e.hash)
    )
      this.brokenAt = Math.min(e.seq, expectedSeq);
    this.prevHash = e.hash;
    if (this.remember.has(e.seq)) this.heads.set(e.seq, e.hash);
  }

  get entries(): number {
    return this.count;
  }

  get head(): string | null {
    return this.count === 0 || this.brokenAt !== null ? null : this.prevHash;
  }
}
