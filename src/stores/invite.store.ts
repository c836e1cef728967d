import type { ActionOutput, Invite } from '@contract/index';
import type { Api, CallOptions } from '@/api';

/**
 * Invites: lawyers invite clients to a case (and see who joined through each, and remove members), the admin
 * invites lawyers, anyone previews and redeems a code.
 */
export class InviteStore {
  constructor(private readonly api: Api) {}

  createClientInvite(caseId: string, clientName?: string, options?: CallOptions): Promise<Invite> {
    return this.api.call('invite.createClient', { caseId, clientName: clientName || null }, options);
  }

  inviteLawyer(name: string, options?: CallOptions): Promise<Invite> {
    return this.api.call('admin.inviteLawyer', { name }, options);
  }

  preview(code: string): Promise<ActionOutput<'invite.preview'>> {
    return this.api.call('invite.preview', { code: normalizeInviteCode(code) });
  }

  redeem(code: string, options?: CallOptions): Promise<ActionOutput<'invite.redeem'>> {
    return this.api.call('invite.redeem', { code: normalizeInviteCode(code) }, options);
  }

  /** A page of the case's invites (the members come with the first page, when `cursor` is absent). */
  list(caseId: string, cursor?: string): Promise<ActionOutput<'invite.list'>> {
    return this.api.call('invite.list', { caseId, cursor });
  }

  revoke(inviteId: string, options?: CallOptions): Promise<ActionOutput<'invite.revoke'>> {
    return this.api.call('invite.revoke', { inviteId }, options);
  }

  removeMember(
    caseId: string,
    userId: string,
    options?: CallOptions,
  ): Promise<ActionOutput<'member.remove'>> {
    return this.api.call('member.remove', { caseId, userId }, options);
  }
}

/** Codes are shown grouped (ABCD-EFGH…) and may be typed with spaces or in lower case. */
export function normalizeInviteCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '-').replace(/-+/g, '-');
}
