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
  private prevHash = FIRM_GENESIS;
  private count = 0;
  brokenAt: number | null = null;
  readonly heads = new Map<number, string>();

  constructor(
    private readonly hash: Hasher,
    /** Firm seqs whose hash must be remembered (the timestamped ones). */
    private readonly remember: ReadonlySet<number> = new Set(),
  ) {}

  entry(e: FirmEntry): void {
    this.count++;
    if (
      this.brokenAt === null &&
      (e.seq !== this.count || e.prevHash !== this.prevHash || this.hash(firmEntryHashInput(e)) !== e.hash)
    )
      this.brokenAt = Math.min(e.seq, this.count);
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
