/**
 * Pure decisions of the record kernel, shared by every record type: may a version be published, may this
 * person respond to this version, what they last acknowledged, what each role may see.
 */
import type { MemberRole } from '../../contract/roles';

export type ResponseKind = 'acknowledged' | 'disputed';

/** What a role may do with a case's records. */
interface RolePowers {
  /** Works on drafts and unpublished records; to anyone else they do not exist yet. */
  seesUnpublished: boolean;
  /** Sees everyone's receipts and standing on a record, not only their own. */
  seesOthersEvidence: boolean;
  /** Answers for a record's content by acknowledging or disputing it. */
  respondsToRecords: boolean;
  /** Their view of a record is evidence that they were informed (and goes on the chain). */
  viewIsEvidence: boolean;
}

/**
 * One row per role of the closed `MemberRole` union: a new role (family members come later) does not compile
 * until it has its row, and a role read from storage that is not in the table gets no power at all.
 */
const ROLE_POWERS: { readonly [R in MemberRole]: RolePowers } = {
  lawyer: {
    seesUnpublished: true,
    seesOthersEvidence: true,
    respondsToRecords: false,
    viewIsEvidence: false,
  },
  client: {
    seesUnpublished: false,
    seesOthersEvidence: false,
    respondsToRecords: true,
    viewIsEvidence: true,
  },
};
const NO_POWERS: RolePowers = {
  seesUnpublished: false,
  seesOthersEvidence: false,
  respondsToRecords: false,
  viewIsEvidence: false,
};
const powersOf = (role: MemberRole): RolePowers =>
  Object.prototype.hasOwnProperty.call(ROLE_POWERS, role) ? ROLE_POWERS[role] : NO_POWERS;

export const seesUnpublished = (role: MemberRole) => powersOf(role).seesUnpublished;
export const seesOthersEvidence = (role: MemberRole) => powersOf(role).seesOthersEvidence;
export const respondsToRecords = (role: MemberRole) => powersOf(role).respondsToRecords;
export const viewIsEvidence = (role: MemberRole) => powersOf(role).viewIsEvidence;

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
