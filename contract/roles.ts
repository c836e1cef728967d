/**
 * The roles a person can hold on a case: a closed set. Every decision over them is an exhaustive switch
 * ending in `unreachableRole`, so adding a role (family members come later) fails to compile until each
 * decision names it — closed by default, never open by omission.
 */
export const MEMBER_ROLES = ['lawyer', 'client'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The `default` of an exhaustive switch over roles: a type error when a role is not handled. */
export function unreachableRole(role: never): never {
  throw new Error(`unhandled member role: ${String(role)}`);
}
