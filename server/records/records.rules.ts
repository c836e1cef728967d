/**
 * Pure decisions of the record kernel, shared by every record type: may a version be published, may this
 * person respond to this version, what they last acknowledged, what each role may see.
 */
import { unreachableRole, type MemberRole } from '../../contract/roles';

export type ResponseKind = 'acknowledged' | 'disputed';

export type PublishDecision =
  { ok: true; versionNo: number } | { ok: false; reason: 'NOTHING_CHANGED' | 'NOTE_REQUIRED' };

/**
 * A new version needs new content, and from the second version on a note saying why (a correction reason,
 * a change note). `contentKey` is the canonical text of the content alone, without ids or version numbers.
 */
export function decidePublish(args: {
  latest: { versionNo: number; contentKey: string } | null;
  next: { contentKey: string; note: string | null };
}): PublishDecision {
  if (!args.latest) return { ok: true, versionNo: 1 };
  if (!args.next.note) return { ok: false, reason: 'NOTE_REQUIRED' };
  if (args.latest.contentKey === args.next.contentKey) return { ok: false, reason: 'NOTHING_CHANGED' };
  return { ok: true, versionNo: args.latest.versionNo + 1 };
}

export type ResponseDecision =
  | { ok: true }
  | { ok: false; reason: 'ROLE' | 'NOT_PUBLISHED' | 'REASON_REQUIRED' }
  | { ok: false; reason: 'SUPERSEDED'; currentVersionNo: number }
  /** Already responded to this version: the first response stands and is returned as it was. */
  | { ok: false; reason: 'ALREADY'; existing: ResponseKind };

/** Whether someone in this role answers for a record's content by acknowledging or disputing it. */
export function respondsToRecords(role: MemberRole): boolean {
  switch (role) {
    case 'client':
      return true;
    case 'lawyer':
      return false;
    default:
      return unreachableRole(role);
  }
}

/** One response per person per version, only to the current version, a dispute always with its reason. */
export function decideResponse(args: {
  role: MemberRole;
  currentVersionNo: number;
  versionNo: number;
  existing: ResponseKind | null;
  kind: ResponseKind;
  reason: string | null;
}): ResponseDecision {
  if (!respondsToRecords(args.role)) return { ok: false, reason: 'ROLE' };
  if (args.currentVersionNo === 0 || args.versionNo > args.currentVersionNo) {
    return { ok: false, reason: 'NOT_PUBLISHED' };
  }
  if (args.versionNo < args.currentVersionNo) {
    return { ok: false, reason: 'SUPERSEDED', currentVersionNo: args.currentVersionNo };
  }
  if (args.existing) return { ok: false, reason: 'ALREADY', existing: args.existing };
  if (args.kind === 'disputed' && !args.reason) return { ok: false, reason: 'REASON_REQUIRED' };
  return { ok: true };
}

/** Whether someone's view of a record is evidence that they were informed (and goes on the chain). */
export function viewIsEvidence(role: MemberRole): boolean {
  switch (role) {
    case 'client':
      return true;
    case 'lawyer':
      return false;
    default:
      return unreachableRole(role);
  }
}

/** Drafts and unpublished records: lawyers work on them; to anyone else they do not exist yet. */
export function seesUnpublished(role: MemberRole): boolean {
  switch (role) {
    case 'lawyer':
      return true;
    case 'client':
      return false;
    default:
      return unreachableRole(role);
  }
}

/** Whether this role sees everyone's receipts and standing on a record, or only their own. */
export function seesOthersEvidence(role: MemberRole): boolean {
  switch (role) {
    case 'lawyer':
      return true;
    case 'client':
      return false;
    default:
      return unreachableRole(role);
  }
}

export type Standing = 'acknowledged' | 'viewed' | 'unread';

export function standing(args: { acknowledged: boolean; viewed: boolean }): Standing {
  if (args.acknowledged) return 'acknowledged';
  return args.viewed ? 'viewed' : 'unread';
}

/**
 * The version a person's "what changed" is measured from: the newest version they acknowledged, when it is
 * older than the current one. Null when they acknowledged the current version or never acknowledged any.
 */
export function changesMeasuredFrom(args: {
  currentVersionNo: number;
  responses: { versionNo: number; kind: ResponseKind }[];
}): number | null {
  let newest: number | null = null;
  for (const r of args.responses) {
    if (r.kind !== 'acknowledged') continue;
    if (r.versionNo === args.currentVersionNo) return null;
    if (newest === null || r.versionNo > newest) newest = r.versionNo;
  }
  return newest !== null && newest < args.currentVersionNo ? newest : null;
}
