/**
 * Positions a person holds outside the database, read from what they kept: a list of receipts
 * (`[{caseId, seq, head, ref?}]`, or receipts as the API answers them, with `chain: {seq, head}` and the case id
 * added), or an evidence bundle they exported earlier — whose last event commits to everything before it, so its
 * head is one position covering the whole history it holds.
 */
import type { HeldReceipt } from './verify';

export function heldReceiptsFrom(parsed: unknown): HeldReceipt[] {
  if (isBundle(parsed)) {
    const last = parsed.events[parsed.events.length - 1];
    if (!last) return [];
    return [
      {
        caseId: parsed.caseId,
        seq: Number(last.seq),
        head: String(last.hash),
        ref: `核验包 ${parsed.exportedAt ?? ''}`.trim(),
      },
    ];
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { receipts?: unknown } | null)?.receipts;
  if (!Array.isArray(list)) throw new Error('no list of receipts and no evidence bundle');
  return list.map((item: unknown, i) => {
    const r = (item ?? {}) as Record<string, unknown>;
    const chain = (r.chain ?? {}) as Record<string, unknown>;
    const seq = r.seq ?? chain.seq;
    const head = r.head ?? chain.head;
    if (typeof r.caseId !== 'string' || typeof seq !== 'number' || typeof head !== 'string')
      throw new Error(`receipt #${i + 1} needs caseId, seq and head`);
    const ref = typeof r.ref === 'string' ? r.ref : String(r.acknowledgmentId ?? `#${i + 1}`);
    return { caseId: r.caseId, seq, head, ref };
  });
}

interface BundleLike {
  format: string;
  caseId: string;
  exportedAt?: string;
  events: { seq: unknown; hash: unknown }[];
}

function isBundle(value: unknown): value is BundleLike {
  const v = value as Partial<BundleLike> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.format === 'string' &&
    v.format.startsWith('casetrail.evidence-bundle/') &&
    typeof v.caseId === 'string' &&
    Array.isArray(v.events)
  );
}
