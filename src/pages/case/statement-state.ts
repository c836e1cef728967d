import type { StatementSummary } from '@contract/index';

/**
 * What a client still owes on a statement, in the one wording the case page and 我的告知书 both show:
 * a statement she never acknowledged is 待知悉; one revised after her receipt is 已修订，待重新知悉.
 */
export function statementPendingLabel(s: Pick<StatementSummary, 'myReceipt'>): string {
  return s.myReceipt ? '已修订，待重新知悉' : '待知悉';
}
