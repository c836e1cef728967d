/**
 * notification.*: consent credits, the in-app notices of a case, and the demo's message preview.
 * (Placeholders: filled in by the notifications feature work.)
 */
import type { ActionHandler } from '../core/action';
import { fail } from '../core/result';

export const notificationSettings: ActionHandler<'notification.settings'> = {
  access: { kind: 'user' },
  async run() {
    return fail('INTERNAL');
  },
};

export const notificationSubscribe: ActionHandler<'notification.subscribe'> = {
  access: { kind: 'user' },
  async run() {
    return fail('INTERNAL');
  },
};

export const notificationList: ActionHandler<'notification.list'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run() {
    return fail('INTERNAL');
  },
};

export const notificationMarkSeen: ActionHandler<'notification.markSeen'> = {
  access: { kind: 'case', roles: ['lawyer', 'client'], caseOf: async (_db, input) => input.caseId },
  async run() {
    return fail('INTERNAL');
  },
};

export const notificationPreview: ActionHandler<'notification.preview'> = {
  access: { kind: 'user' },
  async run() {
    return fail('INTERNAL');
  },
};
