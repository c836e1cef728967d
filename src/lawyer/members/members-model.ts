import type { CaseInvite, CaseMember } from '@contract/invites';
import type { TagTone } from '@/components/tag';

/** What an invite's row says: its state and, once used, who joined through it and when. */
export function inviteStatusView(invite: CaseInvite): { label: string; tone: TagTone } {
  switch (invite.status) {
    case 'open':
      return { label: '未使用', tone: 'brand' };
    case 'used':
      return { label: '已使用', tone: 'success' };
    case 'expired':
      return { label: '已过期', tone: 'neutral' };
    case 'revoked':
      return { label: '已撤回', tone: 'neutral' };
  }
}

/**
 * Whether the person who used an invite is not the one it named: the lawyer's cue that a forwarded invite reached
 * someone else. Only when the invite named someone and the joiner's name differs.
 */
export function joinedByOther(invite: CaseInvite): boolean {
  return !!(invite.intendedName && invite.usedBy && invite.usedBy.displayName !== invite.intendedName);
}

/** Members still in the case first (lawyers, then clients, by joining), then the removed ones. */
export function orderMembers(members: CaseMember[]): CaseMember[] {
  const rank = (m: CaseMember) => (m.removedAt ? 2 : m.role === 'lawyer' ? 0 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || a.joinedAt.localeCompare(b.joinedAt));
}
