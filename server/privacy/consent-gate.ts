import { actions, ACTION_NAMES, type ActionName } from '../../contract/index';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { ActionHandler, Handlers } from '../core/action';
import { fail } from '../core/result';
import { readLatest } from './consent.store';
import { mayWrite } from './privacy.rules';

/**
 * Writes a person may make whatever their standing: agreeing, withdrawing again, deleting the account, and
 * signing out everywhere (each only ends or records the person's own choice; none stores more about them).
 */
export const ALWAYS_ALLOWED: readonly ActionName[] = [
  'privacy.consent',
  'privacy.withdraw',
  'account.delete',
  'session.signOutEverywhere',
];

/**
 * Reads that would create the person's account on first contact (their WeChat identity stored): refused to
 * someone the server has not seen, who can only have agreed to nothing yet.
 */
const CREATES_ACCOUNT: readonly ActionName[] = ['session.me'];

/** Whether the consent gate stands in front of this action. */
export function isConsentGated(name: ActionName): boolean {
  return (actions[name].mutates && !ALWAYS_ALLOWED.includes(name)) || CREATES_ACCOUNT.includes(name);
}

/**
 * Wraps every action that stores personal data so that a person without a current consent — none ever given,
 * withdrawn, or given only to an older notice — gets PRIVACY.CONSENT_REQUIRED and nothing is stored
 * (个人信息保护法 §13–15). One indexed read per write. Reads of what is already held stay open: they store
 * nothing new, and a person who withdrew must still be able to see and download their data (§45). The apps
 * send nothing but privacy.status and privacy.consent before the person agrees (src/api/privacy-gate.ts).
 */
export function requireConsentOnWrites(handlers: Handlers): Handlers {
  const gated = { ...handlers } as Record<ActionName, ActionHandler<ActionName>>;
  for (const name of ACTION_NAMES) {
    if (!isConsentGated(name)) continue;
    const handler = gated[name];
    const writes = actions[name].mutates;
    gated[name] = {
      ...handler,
      async run(ctx, input) {
        const user = ctx.caller.user;
        // An account-creating read only reads for a known person; a person not yet seen has agreed to nothing.
        const stores = writes || !user;
        if (stores && !mayWrite(user ? await readLatest(ctx.db, user.id) : null, PRIVACY_NOTICE_VERSION)) {
          return fail('PRIVACY.CONSENT_REQUIRED');
        }
        return handler.run(ctx, input);
      },
    };
  }
  return gated as Handlers;
}
