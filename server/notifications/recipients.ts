/** Who learns of an act: the people the feature actions pass to `notify`, each read in one query. */
import { caseClients, caseLawyers } from '../cases/cases.store';
import type { Db } from '../platform/migrate';

/** The user ids of the case's clients. */
export async function clientIdsOf(db: Db, caseId: string): Promise<string[]> {
  return (await caseClients(db, caseId)).map((c) => c.user_id);
}

/** The user ids of the case's lawyers. */
export async function lawyerIdsOf(db: Db, caseId: string): Promise<string[]> {
  return (await caseLawyers(db, caseId)).map((l) => l.user_id);
}
