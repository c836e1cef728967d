// The weapp build resolves `@/api/dev-login` here (Taro platform files): in WeChat identity comes from the
// platform, so dev sign-in and H5 sign-out do not exist and their fetch code stays out of the main package.
import type { PersonaList } from './dev-login';

export type { DevPersona, PersonaList } from './dev-login';

export async function fetchDevPersonas(): Promise<PersonaList> {
  return { available: false };
}

export async function devLogin(_persona: string, _name?: string): Promise<string> {
  throw new Error('No dev sign-in in WeChat');
}

export async function logoutSession(_token: string): Promise<void> {}
