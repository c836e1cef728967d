import { isApiFailure, toApiFailure } from '@/api';

export interface JoinFailureView {
  /** Shown under the code field. */
  message: string;
  /** Whether typing another code could help (otherwise the client must ask the lawyer). */
  retryable: boolean;
  /** Already a member: there is nothing to join, show the case list instead. */
  alreadyMember: boolean;
}

const HINTS: Record<string, string> = {
  'INVITE.NOT_FOUND': '邀请码不区分大小写，横线可省略。',
  'INVITE.USED': '每个邀请只能使用一次。',
  'INVITE.EXPIRED': '邀请有有效期，过期后需要律师重新发送。',
  'INVITE.REVOKED': '发送者已撤回这个邀请。',
};

/** What the join page tells the client when a code is refused. */
export function joinFailureView(error: unknown): JoinFailureView {
  const failure = toApiFailure(error);
  const code = isApiFailure(error) ? error.code : 'INTERNAL';
  const hint = HINTS[code];
  return {
    message: hint ? `${failure.message}。${hint}` : failure.message,
    retryable:
      code === 'INVITE.NOT_FOUND' ||
      code === 'INVALID_ARGUMENT' ||
      code === 'NETWORK' ||
      code === 'RATE_LIMITED',
    alreadyMember: code === 'INVITE.ALREADY_MEMBER',
  };
}

/** The page's title: a lawyer invite is an enrolment (律师入驻), a client invite joins a case. */
export function joinPageTitle(kind: 'client' | 'lawyer' | null): string {
  if (kind === 'lawyer') return '律师入驻';
  if (kind === 'client') return '加入案件';
  return '接受邀请';
}
