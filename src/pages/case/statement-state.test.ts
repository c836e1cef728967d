import type { StatementSummary } from '@contract/index';
import { clientStatementState } from './statement-section';
import { statementPendingLabel } from './statement-state';

const summary = (myReceipt: StatementSummary['myReceipt'], myState: StatementSummary['myState']) =>
  ({ myReceipt, myState }) as StatementSummary;

describe('one wording for a statement a client still owes (case page and 我的告知书)', () => {
  it('names a never-acknowledged statement 待知悉 and a revised one 已修订，待重新知悉', () => {
    expect(statementPendingLabel({ myReceipt: null })).toBe('待知悉');
    const receipt = { versionNo: 1, acknowledgedAt: '2026-03-01T00:00:00Z' } as StatementSummary['myReceipt'];
    expect(statementPendingLabel({ myReceipt: receipt })).toBe('已修订，待重新知悉');
  });

  it('is the case page’s tag text too', () => {
    const receipt = { versionNo: 1, acknowledgedAt: '2026-03-01T00:00:00Z' } as StatementSummary['myReceipt'];
    for (const s of [summary(null, 'unread'), summary(receipt, 'unread')]) {
      expect(clientStatementState(s)).toEqual({ text: statementPendingLabel(s), pending: true });
    }
  });
});
