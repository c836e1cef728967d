/**
 * A client's copy of the evidence bundle (docs/evidence-bundle.md §1 「Whose data」): what carries another client's
 * personal data — their device, IP address, request ids, name, questions, requests and disputes, or a lawyer's
 * record about their own matter — is withheld. The chain's hashes cover each event's whole payload, so the unit
 * withheld is the event: it stays in the chain as a stand-in (position, link, hash, kind) and the rows it
 * committed are left out. Everything else, the client's own acts included, stays in full and verifies as before.
 */
import { type BundleRow, type EvidenceBundle, type WithheldKind } from './bundle.rules';
import { EVIDENCE_TABLES, rowKey, type EvidenceTable } from './evidence-tables';

/** Events that carry case-level state a verifier must replay (the stage); their payloads name no person. */
const NEVER_WITHHELD = new Set(['case.created', 'stage.changed']);

export interface Redaction {
  events: number;
  rows: number;
}

/**
 * Withholds, in place, every event that is another client's act or names (by id) another client or a record such
 * an event created, until no further event does; then the rows those events committed last, and other clients'
 * names. `otherClients`: user ids of the case's clients other than the exporter (removed ones included).
 */
export function withholdOtherClients(bundle: EvidenceBundle, otherClients: ReadonlySet<string>): Redaction {
  const named = new Set(otherClients);
  const withheld = new Map<number, WithheldKind>();
  const parsed = new Map<number, { strings: Set<string>; commits: Commit[] }>();
  const lastCommit = new Map<string, number>();
  for (const e of bundle.events) {
    const facts = payloadFacts(String(e.payload));
    parsed.set(Number(e.seq), facts);
    for (const c of facts.commits) lastCommit.set(c.id, Number(e.seq));
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const e of bundle.events) {
      const seq = Number(e.seq);
      if (withheld.has(seq) || NEVER_WITHHELD.has(String(e.type))) continue;
      const facts = parsed.get(seq)!;
      const act = otherClients.has(String(e.actor_id));
      if (!act && ![...facts.strings].some((s) => named.has(s))) continue;
      withheld.set(seq, act ? 'other-client-act' : 'other-client-matter');
      for (const c of facts.commits) if (c.rowId) named.add(c.rowId);
      changed = true;
    }
  }
  bundle.events = bundle.events.map((e) => {
    const kind = withheld.get(Number(e.seq));
    return kind
      ? { case_id: e.case_id, seq: e.seq, prev_hash: e.prev_hash, hash: e.hash, withheld: kind }
      : e;
  });
  let rows = 0;
  for (const table of Object.keys(bundle.tables) as EvidenceTable[]) {
    const before = bundle.tables[table].length;
    bundle.tables[table] = bundle.tables[table].filter(
      (r: BundleRow) => !withheld.has(lastCommit.get(`${table}:${rowKey(table, r)}`) ?? -1),
    );
    rows += before - bundle.tables[table].length;
  }
  bundle.names = Object.fromEntries(Object.entries(bundle.names).filter(([id]) => !otherClients.has(id)));
  return { events: withheld.size, rows };
}

interface Commit {
  /** `table:key`, as the verifier names a committed row. */
  id: string;
  /** The row's own `id` column, when it has one: what later events name it by. */
  rowId: string | null;
}

/** Every string value anywhere in the payload (ids are whole values), and the rows it commits. */
function payloadFacts(payload: string): { strings: Set<string>; commits: Commit[] } {
  const strings = new Set<string>();
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { strings, commits: [] };
  }
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  const commits: Commit[] = [];
  const list = (value as { commits?: unknown } | null)?.commits;
  if (Array.isArray(list))
    for (const c of list as { table?: unknown; row?: Record<string, unknown> }[]) {
      if (!c?.row || typeof c.table !== 'string' || !(c.table in EVIDENCE_TABLES)) continue;
      const table = c.table as EvidenceTable;
      commits.push({
        id: `${table}:${rowKey(table, c.row)}`,
        rowId: typeof c.row.id === 'string' ? c.row.id : null,
      });
    }
  return { strings, commits };
}
