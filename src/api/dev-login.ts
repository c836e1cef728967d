/** H5 dev sign-in (server started with CASETRAIL_DEV_LOGIN=1). Absent in production, where it answers 404. */
export interface DevPersona {
  key: string;
  displayName: string;
  role: string;
}

export type PersonaList = { available: true; personas: DevPersona[] } | { available: false };

export async function fetchDevPersonas(): Promise<PersonaList> {
  const res = await fetch('/api/dev/personas');
  if (res.status === 404) return { available: false };
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { personas?: DevPersona[] };
  return { available: true, personas: body.personas ?? [] };
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
