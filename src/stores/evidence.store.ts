import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, VerifyReport } from '@contract/index';
import { toApiFailure, type Api, type CallOptions } from '@/api';
import { idleState, type LoadState } from './load-state';

export type SealOutcome = ActionOutput<'evidence.seal'>;
export type CaseExport = ActionOutput<'case.export'>;

/** 存证与核验: checking a case's record, sealing case heads into the firm log, exporting the written record. */
export class EvidenceStore {
  reports = new Map<string, VerifyReport>();
  states = new Map<string, LoadState>();
  /** The answer to the last 「立即封存」 per case, kept so the page can say what happened (not only a toast). */
  seals = new Map<string, SealOutcome>();
  /** One export per case and visit, shared by the HTML and the JSON save (not observable: a promise). */
  private exports = new Map<string, Promise<CaseExport>>();

  constructor(private readonly api: Api) {
    makeAutoObservable<EvidenceStore, 'api' | 'exports'>(this, { api: false, exports: false });
  }

  report(caseId: string): VerifyReport | undefined {
    return this.reports.get(caseId);
  }

  state(caseId: string): LoadState {
    return this.states.get(caseId) ?? idleState();
  }

  lastSeal(caseId: string): SealOutcome | undefined {
    return this.seals.get(caseId);
  }

  /** Has the server recompute the case's record; an earlier report stays on screen meanwhile. */
  async verify(caseId: string): Promise<VerifyReport | undefined> {
    this.states.set(caseId, { status: 'loading', error: null });
    try {
      const report = await this.api.call('case.verifyLog', { caseId });
      runInAction(() => {
        this.reports.set(caseId, report);
        this.states.set(caseId, { status: 'ready', error: null });
      });
      return report;
    } catch (e) {
      runInAction(() => this.states.set(caseId, { status: 'error', error: toApiFailure(e) }));
      return undefined;
    }
  }

  /**
   * Seals every case head into the firm log and asks for a trusted timestamp (lawyers only), then checks the
   * case again so its seal state shows the new entry. A missing timestamp is in the answer, not a failure.
   */
  async seal(caseId: string, options?: CallOptions): Promise<SealOutcome> {
    const outcome = await this.api.call('evidence.seal', {}, options);
    // The export carries the seal state, so one taken before the seal is out of date.
    this.exports.delete(caseId);
    runInAction(() => this.seals.set(caseId, outcome));
    await this.verify(caseId);
    return outcome;
  }

  /** The case's written record, fetched once for both saves; a failed fetch is forgotten, so a retry asks. */
  exportCase(caseId: string): Promise<CaseExport> {
    const cached = this.exports.get(caseId);
    if (cached) return cached;
    const pending = this.api.call('case.export', { caseId });
    this.exports.set(caseId, pending);
    pending.catch(() => {
      if (this.exports.get(caseId) === pending) this.exports.delete(caseId);
    });
    return pending;
  }

  /** Drops the kept export (a new visit to the page exports the record as it is then). */
  forgetExport(caseId: string): void {
    this.exports.delete(caseId);
  }

  reset(): void {
    this.reports.clear();
    this.states.clear();
    this.seals.clear();
    this.exports.clear();
  }
}
