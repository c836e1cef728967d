import type { ActionName } from '../../contract/index';

/**
 * Fields of answers that only a case's lawyers (or the firm admin) may receive, by action, as output paths
 * (`a.b`, arrays `a[]`; a path covers everything under it). The contract marks them 「Lawyers only」: every
 * client's standing, receipts and reads, drafts, other clients' acknowledgments and disputes, delivery of
 * reminders. tests/integration/property-authz.test.ts checks each path exists in the action's output schema,
 * that lawyers do receive it, and that no client ever does.
 */
export const LAWYER_ONLY: Partial<Record<ActionName, readonly string[]>> = {
  'case.timeline': ['entries[].readBy'],
  'update.get': ['receipts'],
  'statement.get': ['draft', 'clients', 'acknowledgments'],
  'statement.list': ['statements[].acknowledgedCount', 'statements[].clientCount'],
  'statement.mine': [
    'pending[].acknowledgedCount',
    'pending[].clientCount',
    'acknowledged[].acknowledgedCount',
    'acknowledged[].clientCount',
  ],
  'memo.get': ['clients', 'openDisputes'],
  'memo.list': ['memos[].confirmedCount', 'memos[].clientCount', 'memos[].openDisputes'],
};

/**
 * What every client of a case shares by design, though another client wrote it: the questions on the case's
 * expectation statement and their answers (they clarify the statement every client acknowledges; the printed
 * record shows them the same way). Excluded from the "no other client's data" search, and only these.
 */
export const SHARED_AMONG_CLIENTS: Partial<Record<ActionName, readonly string[]>> = {
  'statement.get': ['questions'],
};

/** Whether `path` is `base` or lies under it. */
export const under = (path: string, base: string) =>
  path === base ||
  path.startsWith(`${base}.`) ||
  path.startsWith(`${base}[]`) ||
  path.startsWith(`${base}{}`);
