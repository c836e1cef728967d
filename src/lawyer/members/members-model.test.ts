import type { CaseInvite, CaseMember } from '@contract/invites';
import { inviteStatusView, joinedByOther, orderMembers } from './members-model';

const invite = (over: Partial<CaseInvite>): CaseInvite => ({
  inviteId: 'inv-1',
  intendedName: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  createdByName: '张律师',
  expiresAt: '2026-03-04T00:00:00.000Z',
  status: 'open',
  usedAt: null,
  usedBy: null,
  revokedAt: null,
  ...over,
});

const member = (over: Partial<CaseMember>): CaseMember => ({
  userId: 'u',
  displayName: '某人',
  role: 'client',
  joinedAt: '2026-03-01T00:00:00.000Z',
  removedAt: null,
  removedByName: null,
  ...over,
});

describe('the invite list', () => {
  it('labels each status', () => {
    expect(inviteStatusView(invite({ status: 'open' })).label).toBe('未使用');
    expect(inviteStatusView(invite({ status: 'used' })).label).toBe('已使用');
    expect(inviteStatusView(invite({ status: 'expired' })).label).toBe('已过期');
    expect(inviteStatusView(invite({ status: 'revoked' })).label).toBe('已撤回');
  });

  it('flags a joiner whose name is not the one the invite named', () => {
    const usedBy = (displayName: string) => ({ userId: 'u2', displayName });
    expect(joinedByOther(invite({ intendedName: '李女士', usedBy: usedBy('王先生') }))).toBe(true);
    expect(joinedByOther(invite({ intendedName: '李女士', usedBy: usedBy('李女士') }))).toBe(false);
    expect(joinedByOther(invite({ intendedName: null, usedBy: usedBy('王先生') }))).toBe(false);
    expect(joinedByOther(invite({ intendedName: '李女士' }))).toBe(false);
  });
});

describe('the member list', () => {
  it('puts lawyers first, then clients by joining, then removed members', () => {
    const ordered = orderMembers([
      member({ userId: 'gone', removedAt: '2026-03-02T00:00:00.000Z', joinedAt: '2026-02-01T00:00:00.000Z' }),
      member({ userId: 'late', joinedAt: '2026-03-03T00:00:00.000Z' }),
      member({ userId: 'lawyer', role: 'lawyer', joinedAt: '2026-03-05T00:00:00.000Z' }),
      member({ userId: 'early', joinedAt: '2026-03-02T00:00:00.000Z' }),
    ]);
    expect(ordered.map((m) => m.userId)).toEqual(['lawyer', 'early', 'late', 'gone']);
  });
});
