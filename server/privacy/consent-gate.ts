import { actions, ACTION_NAMES, type ActionName } from '../../contract/index';
import { PRIVACY_NOTICE_VERSION } from '../../contract/privacy-version';
import type { ActionHandler, Handlers } from '../core/action';
import { fail } from '../core/result';
import { readLatest } from './consent.store';
import { mayWrite } from './privacy.rules';

/** Writes a person may make whatever their standing: agreeing, withdrawing again, and deleting the account. */
const ALWAYS_ALLOWED: readonly ActionName[] = ['privacy.consent', 'privacy.withdraw', 'account.delete'];

/**
 * Wraps every writing action so that a person who withdrew consent, or agreed only to an older notice, gets
 * PRIVACY.CONSENT_REQUIRED instead of having more personal data stored (个人信息保护法 §15). One indexed read
 * per write; reads are not gated (they show the person what is already held).
 */
export function requireConsentOnWrites(handlers: Handlers): Handlers {
  const gated = { ...handlers } as Record<ActionName, ActionHandler<ActionName>>;
  for (const name of ACTION_NAMES) {
    if (!actions[name].mutates || ALWAYS_ALLOWED.includes(name)) continue;
    const handler = gated[name];
    gated[name] = {
      ...handler,
      async run(ctx, input) {
        const user = ctx.caller.user;
        if (user && !mayWrite(await readLatest(ctx.db, user.id), PRIVACY_NOTICE_VERSION)) {
          return fail('PRIVACY.CONSENT_REQUIRED');
        }
        return handler.run(ctx, input);
      },
    };
  }
  return gated as Handlers;
}
