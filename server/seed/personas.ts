/** The demo firm's people. Dev-mode only: the HTTP entry refuses dev login in production. */
export const PERSONAS = [
  { key: 'admin', subject: 'dev:admin', displayName: '王主任', role: '律所管理员' },
  { key: 'lawyer', subject: 'dev:lawyer', displayName: '张律师', role: '律师' },
  { key: 'client', subject: 'dev:client', displayName: '李女士', role: '客户' },
] as const;

export type PersonaKey = (typeof PERSONAS)[number]['key'];
export const ADMIN_PERSONA_SUBJECT = 'dev:admin';
