import type { z } from 'zod';
import { ACTION_NAMES, actions, type ActionName } from '../../contract/index';
import { openHarness, type Harness } from '../fixtures/api-harness';
import { buildFirm, CO_CLIENT, OTHER_CASE, SUBJECTS, type FuzzFirm } from '../fuzz/firm';
import { LAWYER_ONLY, SHARED_AMONG_CLIENTS, under } from '../fuzz/property-policy';
import { defOf, outputPaths, pathAllowed, valuePaths } from '../fuzz/schema-walk';

/**
 * Property-level authorization: every read action, called by each client of the seeded firm (after a journey of
 * acknowledgments, questions, disputes, requests and tasks by two clients of one case, and a second case), with
 * every id of the firm. A client's answers carry only fields the contract names, never a lawyer-only field, and
 * nothing of another client's or another case's people.
 */
jest.setTimeout(120_000);

const READS = ACTION_NAMES.filter((name) => !actions[name].mutates && name !== 'evidence.seal');

let h: Harness;
let firm: FuzzFirm;
let userIds: Record<string, string>;

type Answer = { action: ActionName; payload: unknown; data: unknown };

async function idOf(subject: string) {
  return (
    await h.db.selectFrom('users').select('id').where('subject', '=', subject).executeTakeFirstOrThrow()
  ).id;
}

/** Every payload of the action built from the firm's ids (one per id of each id field; enums take each value). */
function payloads(action: ActionName): Record<string, unknown>[] {
  const shape = (actions[action].input as unknown as z.ZodObject<z.ZodRawShape>).shape ?? {};
  let out: Record<string, unknown>[] = [{}];
  for (const [key, schema] of Object.entries(shape)) {
    let inner: z.ZodTypeAny = schema;
    while (['ZodDefault', 'ZodOptional', 'ZodNullable'].includes(String(defOf(inner).typeName)))
      inner = defOf(inner).innerType as z.ZodTypeAny;
    const values = firm.pools.byField[key]
      ? firm.pools.byField[key]
      : defOf(inner).typeName === 'ZodEnum'
        ? (defOf(inner).values as string[])
        : null;
    if (values) out = out.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return out;
}

async function answersOf(subject: string): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const action of READS) {
    for (const payload of payloads(action)) {
      const res = await firm.send(subject, action, payload);
      if (res.ok) out.push({ action, payload, data: res.data });
    }
  }
  return out;
}

/** The answer with the fields every client shares removed (see SHARED_AMONG_CLIENTS). */
function withoutShared(answer: Answer): unknown {
  const shared = SHARED_AMONG_CLIENTS[answer.action] ?? [];
  if (!shared.length || typeof answer.data !== 'object' || answer.data === null) return answer.data;
  const copy: Record<string, unknown> = { ...(answer.data as Record<string, unknown>) };
  for (const key of shared) delete copy[key];
  return copy;
}

let lawyerAnswers: Answer[];
const clientAnswers: Record<string, Answer[]> = {};

beforeAll(async () => {
  h = await openHarness();
  firm = await buildFirm(h.db);
  userIds = {
    client: await idOf(SUBJECTS.client!),
    coClient: await idOf(CO_CLIENT.subject),
    otherClient: await idOf(SUBJECTS.otherClient!),
  };
  lawyerAnswers = await answersOf(SUBJECTS.lawyer!);
  for (const [name, subject] of [
    ['client', SUBJECTS.client!],
    ['coClient', CO_CLIENT.subject],
    ['otherClient', SUBJECTS.otherClient!],
  ] as const) {
    clientAnswers[name] = await answersOf(subject);
  }
});
afterAll(() => h.close());

describe('the lawyer-only policy is about fields that exist and lawyers receive', () => {
  test.each(Object.entries(LAWYER_ONLY))(
    '%s: every lawyer-only path is in the output schema',
    (action, paths) => {
      const known = outputPaths(actions[action as ActionName].output);
      for (const path of paths!) expect(known).toContain(path);
    },
  );

  test('the case lawyer receives every lawyer-only field of the reads they can make', () => {
    const received = new Map<string, Set<string>>();
    for (const a of lawyerAnswers) {
      const set = received.get(a.action) ?? new Set<string>();
      for (const p of valuePaths(a.data)) set.add(p);
      received.set(a.action, set);
    }
    const missing = Object.entries(LAWYER_ONLY).flatMap(([action, paths]) =>
      paths!
        .filter((p) => ![...(received.get(action) ?? [])].some((got) => under(got, p)))
        .map((p) => `${action} ${p}`),
    );
    // statement.mine lists what the caller must acknowledge: a lawyer has nothing there.
    expect(missing.filter((m) => !m.startsWith('statement.mine'))).toEqual([]);
  });

  test('what the lawyer sees names the second client (so its absence below means something)', () => {
    const text = JSON.stringify(lawyerAnswers.map((a) => a.data));
    expect(text).toContain(CO_CLIENT.name);
    expect(text).toContain(userIds.coClient);
  });
});

describe.each(['client', 'coClient', 'otherClient'])('as %s', (who) => {
  test('reads succeed (the client is not simply locked out)', () => {
    expect(clientAnswers[who].length).toBeGreaterThan(who === 'otherClient' ? 5 : 15);
  });

  test('every field received is one the contract names (the allow-list)', () => {
    const extra = clientAnswers[who].flatMap((a) => {
      const allowed = new Set(outputPaths(actions[a.action].output));
      return [...valuePaths(a.data)].filter((p) => !pathAllowed(p, allowed)).map((p) => `${a.action} ${p}`);
    });
    expect(extra).toEqual([]);
  });

  test('no lawyer-only field is ever received', () => {
    const leaks = clientAnswers[who].flatMap((a) => {
      const forbidden = LAWYER_ONLY[a.action] ?? [];
      return [...valuePaths(a.data)]
        .filter((p) => forbidden.some((f) => under(p, f)))
        .map((p) => `${a.action} ${JSON.stringify(a.payload)} ${p}`);
    });
    expect(leaks).toEqual([]);
  });

  test("nothing of another client or another case's people", () => {
    const others: Record<string, string[]> = {
      client: [
        userIds.coClient,
        CO_CLIENT.name,
        userIds.otherClient,
        OTHER_CASE.clientName,
        OTHER_CASE.title,
        OTHER_CASE.lawyerPhone,
      ],
      coClient: [
        userIds.client,
        '开庭时我需要到场吗',
        userIds.otherClient,
        OTHER_CASE.clientName,
        OTHER_CASE.title,
      ],
      otherClient: [userIds.client, userIds.coClient, '李女士', CO_CLIENT.name, '张律师', '021-5555 0100'],
    };
    // case.export included: a client's bundle and document withhold other clients' events (redact.ts).
    const leaks = clientAnswers[who].flatMap((a) => {
      const text = JSON.stringify(withoutShared(a));
      return others[who]
        .filter((marker) => text.includes(marker))
        .map((m) => `${a.action} ${JSON.stringify(a.payload)}: ${m}`);
    });
    expect(leaks).toEqual([]);
  });
});

describe('the evidence bundle', () => {
  // A client's bundle withholds the events that carry another client's data (server/evidence/redact.ts): they stand
  // in the chain by position and hash only, so the copy still verifies. tests/integration/export-redaction.test.ts
  // checks the rest (devices, addresses, verification, tampering).
  test('a client’s export carries no other client’s data', () => {
    const exports = clientAnswers.client.filter((a) => a.action === 'case.export');
    expect(exports.length).toBeGreaterThan(0);
    for (const a of exports) {
      const bundle = (a.data as { bundle: string }).bundle;
      expect(bundle).not.toContain(userIds.coClient);
      expect(bundle).not.toContain(CO_CLIENT.name);
    }
  });
});
