import type { ActionOutput, Invite } from '@contract/index';
import type { Api, CallOptions } from '@/api';

/** Invites: lawyers invite clients to a case, the admin invites lawyers, anyone redeems a code. */
export class InviteStore {
  constructor(private readonly api: Api) {}

  createClientInvite(caseId: string, clientName?: string, options?: CallOptions): Promise<Invite> {
    return this.api.call('invite.createClient', { caseId, clientName: clientName || null }, options);
  }

  inviteLawyer(name: string, options?: CallOptions): Promise<Invite> {
    return this.api.call('admin.inviteLawyer', { name }, options);
  }

  redeem(code: string, options?: CallOptions): Promise<ActionOutput<'invite.redeem'>> {
    return this.api.call('invite.redeem', { code: normalizeInviteCode(code) }, options);
  }
}

/** Codes are shown grouped (ABCD-EFGH…) and may be typed with spaces or in lower case. */
export function normalizeInviteCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '-').replace(/-+/g, '-');
}
