import { takeEarlyAnswer, type EarlyAnswer } from '@/boot/early-answers';
import { DEV_PERSONAS_URL } from './h5-endpoints';

/** H5 dev sign-in (server started with CASETRAIL_DEV_LOGIN=1). Absent in production, where it answers 404. */
export interface DevPersona {
  key: string;
  displayName: string;
  role: string;
}

export type PersonaList = { available: true; personas: DevPersona[] } | { available: false };

/** The list, from the boot script's early answer when it sent the request (signed out), else asked now. */
export async function fetchDevPersonas(): Promise<PersonaList> {
  let answer: EarlyAnswer = (await takeEarlyAnswer(DEV_PERSONAS_URL, null)) ?? null;
  if (!answer || answer.status >= 500) {
    const res = await fetch(DEV_PERSONAS_URL);
    answer = {
      status: res.status,
      body: res.status === 404 || !res.ok ? null : ((await res.json()) as unknown),
    };
  }
  if (answer.status === 404) return { available: false };
  if (answer.status < 200 || answer.status >= 300) throw new Error(`HTTP ${answer.status}`);
  const body = answer.body as { personas?: DevPersona[] } | null;
  return { available: true, personas: body?.personas ?? [] };
}

export async function devLogin(persona: string, name?: string): Promise<string> {
  const res = await fetch('/api/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(name ? { persona, name } : { persona }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error('No token');
  return body.token;
}

export async function logoutSession(token: string): Promise<void> {
  await fetch('/api/session/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(
    () => undefined,
  );
}
