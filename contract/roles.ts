/**
 * The roles a person can hold on a case: a closed set. Every decision over roles is a table or switch keyed by
 * this union (see `server/records/records.rules.ts`, `server/authorization-matrix.ts`), so adding a role (family
 * members come later) does not compile until each decision names it — closed by default, never open by omission.
 */
export const MEMBER_ROLES = ['lawyer', 'client'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
