/**
 * The bench databases, one store each: the firm, case, members and a few records made through the API, the
 * volume loaded with direct SQL (bulk.ts). Each checks that the bulk rows agree with the API's read model.
 */
import {
  CLIENT,
  LAWYER,
  acknowledgeAsClient,
  openFirm,
  publishStatement,
  publishUpdates,
  type Firm,
  type PublishedStatement,
} from './api';
import { loadCases, loadClients, loadUpdates } from './bulk';
import type { Engine, Store } from './engines';

export interface Fixture {
  store: Store;
  firm: Firm;
}

const TEMPLATES = ['private-lending', 'sales-contract', 'labour-dispute', 'divorce', 'traffic-injury'];

/** Unread updates as the API defines them, recounted from the records: the bulk rows must agree with the model. */
async function expectedUnread(store: Store, caseId: string, userId: string): Promise<number> {
  const [row] = await store.raw.rows<{ n: number }>(
    `select count(*) as n from records r where r.case_id = ? and r.kind = 'update' and r.created_by <> ?
       and not exists (select 1 from record_views w where w.version_id = r.current_version_id and w.user_id = ?)`,
    [caseId, userId, userId],
  );
  return Number(row.n);
}

/**
 * A case with `count` updates: `count - 3` bulk-loaded (10 of them read by the client), then 3 published through
 * the API, the first of which the client reads through the API.
 */
export async function updatesCase(engine: Engine, count: number): Promise<Fixture> {
  const store = await engine.openStore(`updates_${count}`);
  const firm = await openFirm(store);
  const viaApi = 3;
  await loadUpdates(store, {
    caseId: firm.caseId,
    authorId: firm.lawyerId,
    authorName: firm.lawyerName,
    clientId: firm.clientId,
    count: count - viaApi,
    readByClient: 10,
  });
  await publishUpdates(firm, firm.caseId, viaApi);
  const { cases } = await firm.call(CLIENT, 'case.list', {});
  const expected = await expectedUnread(store, firm.caseId, firm.clientId);
  if (cases[0]?.unread !== expected || expected !== count - 11)
    throw new Error(
      `bulk load out of step: unread ${cases[0]?.unread}, recount ${expected}, meant ${count - 11}`,
    );
  return { store, firm };
}

/** A published statement (acknowledged by the API client) and `clients` clients in all on its case. */
export async function statementCase(
  engine: Engine,
  clients: number,
): Promise<Fixture & { statement: PublishedStatement }> {
  const store = await engine.openStore(`statement_${clients}_clients`);
  const firm = await openFirm(store);
  const statement = await publishStatement(firm, firm.caseId, TEMPLATES[0]);
  await acknowledgeAsClient(firm, statement);
  if (clients > 1)
    await loadClients(store, { caseId: firm.caseId, count: clients - 1, statements: [statement] });
  const detail = await firm.call(LAWYER, 'statement.get', { statementId: statement.recordId });
  if (detail.clients?.length !== clients)
    throw new Error(`statement case: ${detail.clients?.length} clients`);
  return { store, firm, statement };
}

/** `statements` published statements and `clients` clients, each having viewed half and acknowledged a quarter. */
export async function statementsCase(engine: Engine, statements: number, clients: number): Promise<Fixture> {
  const store = await engine.openStore(`statements_${statements}x${clients}`);
  const firm = await openFirm(store);
  const published: PublishedStatement[] = [];
  for (let i = 0; i < statements; i++) {
    published.push(await publishStatement(firm, firm.caseId, TEMPLATES[i % TEMPLATES.length]));
  }
  await acknowledgeAsClient(firm, published[0]);
  await loadClients(store, { caseId: firm.caseId, count: clients - 1, statements: published });
  const list = await firm.call(LAWYER, 'statement.list', { caseId: firm.caseId });
  if (list.statements.length !== statements || list.statements[0].clientCount !== clients)
    throw new Error(
      `statements case: ${list.statements.length} statements, ${list.statements[0].clientCount} clients`,
    );
  return { store, firm };
}

/** The lawyer's `count` cases: one made through the API, the rest bulk-loaded (stages, one client each). */
export async function lawyerCases(engine: Engine, count: number): Promise<Fixture> {
  const store = await engine.openStore(`cases_${count}`);
  const firm = await openFirm(store);
  await loadCases(store, { lawyerId: firm.lawyerId, count: count - 1 });
  return { store, firm };
}
