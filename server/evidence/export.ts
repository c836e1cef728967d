/**
 * Building a case's evidence bundle (`casetrail.evidence-bundle/2`, docs/evidence-bundle.md) from the database:
 * the case's chain, every evidence row of the case, and the firm-log segment and timestamps that hold it. A
 * lawyer's bundle is the whole case; a client's withholds other clients' personal data (redact.ts). The HTML
 * document (export-html.ts) is rendered from the bundle, so it shows exactly what a verifier checks.
 */
import type { MemberRole } from '../../contract/roles';
import type { Db } from '../platform/migrate';
import { viewIsEvidence } from '../records/records.rules';
import {
  BUNDLE_COLUMNS,
  BUNDLE_FORMAT,
  EVENT_COLUMNS,
  FIRM_LOG_COLUMNS,
  TIMESTAMP_COLUMNS,
  compareRowKeys,
  verifyBundle,
  type BundleRow,
  type EvidenceBundle,
} from './bundle.rules';
import { renderEvidenceHtml, shanghaiTime } from './export-html';
import { caseRows } from './evidence.store';
import { withholdOtherClients } from './redact';
import { EVIDENCE_TABLE_NAMES, normalizeValue, type EvidenceTable } from './evidence-tables';
import { EVIDENCE_CRYPTO } from './verify';

export interface Exporter {
  userId: string;
  name: string;
  role: MemberRole;
}

/**
 * The bundle of one case as it stands now (read in the caller's transaction, so one consistent moment), as the
 * exporter may have it: a client's copy without other clients' personal data.
 */
export async function buildEvidenceBundle(
  db: Db,
  caseId: string,
  exporter: Exporter,
  now: string,
): Promise<EvidenceBundle> {
  const tables = {} as Record<EvidenceTable, BundleRow[]>;
  for (const table of EVIDENCE_TABLE_NAMES) {
    const { rows } = await caseRows(db, table, caseId);
    tables[table] = rows
      .filter((r) => table !== 'record_views' || isEvidenceView(r))
      .map((r) => project(r, BUNDLE_COLUMNS[table]))
      .sort((a, b) => compareRowKeys(table, a, b));
  }
  const events = await db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const { firmLog, firmTimestamps } = await firmSegment(db, caseId);
  const bundle: EvidenceBundle = {
    format: BUNDLE_FORMAT,
    caseId,
    exportedAt: now,
    exportedBy: exporter,
    names: await namesOf(db, caseId),
    events: events.map((e) => project(e, EVENT_COLUMNS)),
    tables,
    firmLog,
    firmTimestamps,
  };
  if (exporter.role === 'client') {
    const others = await db
      .selectFrom('case_members')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('role', '=', 'client')
      .where('user_id', '!=', exporter.userId)
      .execute();
    withholdOtherClients(bundle, new Set(others.map((m) => m.user_id)));
  }
  return bundle;
}

/** The bundle as the file a reader saves: JSON, one row per line, so a diff or a reader can follow it. */
export function bundleText(bundle: EvidenceBundle): string {
  const rows = (list: BundleRow[]) =>
    list.length ? `[\n${list.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]` : '[]';
  const tables = EVIDENCE_TABLE_NAMES.map(
    (t) => `    "${t}": ${rows(bundle.tables[t]).replace(/\n/g, '\n  ')}`,
  );
  return [
    '{',
    `  "format": ${JSON.stringify(bundle.format)},`,
    `  "caseId": ${JSON.stringify(bundle.caseId)},`,
    `  "exportedAt": ${JSON.stringify(bundle.exportedAt)},`,
    `  "exportedBy": ${JSON.stringify(bundle.exportedBy)},`,
    `  "names": ${JSON.stringify(bundle.names)},`,
    `  "events": ${rows(bundle.events)},`,
    `  "tables": {\n${tables.join(',\n')}\n  },`,
    `  "firmLog": ${rows(bundle.firmLog)},`,
    `  "firmTimestamps": ${rows(bundle.firmTimestamps)}`,
    '}',
    '',
  ].join('\n');
}

/**
 * From the first firm-log entry naming the case to the first timestamped entry at or after its last one — what a
 * verifier needs to link the case's sealed heads to a timestamp — or to the head when none covers it yet.
 */
async function firmSegment(db: Db, caseId: string) {
  const named = await db
    .selectFrom('firm_log')
    .select((e) => [e.fn.min('seq').as('first'), e.fn.max('seq').as('last')])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (named?.first === null || named?.first === undefined) return { firmLog: [], firmTimestamps: [] };
  const [first, last] = [Number(named.first), Number(named.last)];
  const cover = await db
    .selectFrom('firm_timestamps')
    .select('firm_seq')
    .where('firm_seq', '>=', last)
    .orderBy('firm_seq')
    .limit(1)
    .executeTakeFirst();
  let firmLogQuery = db.selectFrom('firm_log').selectAll().where('seq', '>=', first);
  if (cover) firmLogQuery = firmLogQuery.where('seq', '<=', Number(cover.firm_seq));
  const firmLog = await firmLogQuery.orderBy('seq').execute();
  const end = Number(firmLog[firmLog.length - 1]?.seq ?? last);
  const stamps = await db
    .selectFrom('firm_timestamps')
    .selectAll()
    .where('firm_seq', '>=', first)
    .where('firm_seq', '<=', end)
    .orderBy('firm_seq')
    .execute();
  return {
    firmLog: firmLog.map((r) => project(r, FIRM_LOG_COLUMNS)),
    firmTimestamps: stamps.map((r) => project(r, TIMESTAMP_COLUMNS)),
  };
}

/** Names for the case's people: lawyers by their profile name, everyone else by their display name. */
async function namesOf(db: Db, caseId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('lawyer_profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'p.name'])
    .where((e) =>
      e.or([
        e('u.id', 'in', e.selectFrom('case_members').select('user_id').where('case_id', '=', caseId)),
        e('u.id', 'in', e.selectFrom('cases').select('created_by').where('id', '=', caseId)),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name ?? r.display_name]));
}

const isEvidenceView = (r: Record<string, unknown>) =>
  r.event_seq !== null && r.event_seq !== undefined ? true : viewIsEvidence(r.role as MemberRole);

/** The named columns of a stored row, numbers as numbers (PostgreSQL may hand back bigint as text). */
function project(row: object, columns: readonly string[]): BundleRow {
  const out: BundleRow = {};
  for (const column of columns) out[column] = normalizeValue((row as Record<string, unknown>)[column]);
  return out;
}

export interface CaseExport {
  fileName: string;
  html: string;
  bundle: string;
}

/**
 * The bundle and the document of a case, the bundle verified as a third party would (tokens against `rootsPem`)
 * so the document states what that check found.
 */
export async function exportCase(
  db: Db,
  caseId: string,
  exporter: Exporter,
  now: string,
  rootsPem: string[],
): Promise<CaseExport> {
  const bundle = await buildEvidenceBundle(db, caseId, exporter, now);
  bundle.exportedBy = { ...exporter, name: bundle.names[exporter.userId] ?? exporter.name };
  const { verifyTimestampToken } = await import('./timestamp/rfc3161');
  const check = await verifyBundle(bundle, {
    crypto: EVIDENCE_CRYPTO,
    checkToken: (token, digest) => verifyTimestampToken(token, digest, rootsPem),
    rootsGiven: rootsPem.length > 0,
  });
  const title = String(bundle.tables.cases[0]?.title ?? caseId);
  return {
    fileName: `书面记录汇编-${fileSafe(title).slice(0, 40)}-${shanghaiTime(now).slice(0, 10).replace(/-/g, '')}`,
    html: renderEvidenceHtml(bundle, check),
    bundle: bundleText(bundle),
  };
}

/** Without the characters file systems refuse; line breaks and tabs as spaces (titles have no other controls). */
const fileSafe = (name: string) =>
  name
    .replace(/[\\/:*?"<>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim() || '案件';
