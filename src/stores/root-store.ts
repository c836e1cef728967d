import type { Api } from '@/api';
import { AdminStore } from './admin.store';
import { CaseDetailStore } from './case-detail.store';
import { CaseListStore } from './case-list.store';
import { EvidenceStore } from './evidence.store';
import { InviteStore } from './invite.store';
import { NotifyStore } from './notify.store';
import { SessionStore } from './session.store';
import { StatementStore } from './statement.store';
import { UpdateStore } from './update.store';
import { WorkbenchStore } from './workbench.store';

export interface RootStoreDeps {
  api: Api;
}

/** Creates every domain store around one injected api; the app makes one, tests make their own. */
export class RootStore {
  readonly session: SessionStore;
  readonly cases: CaseListStore;
  readonly caseDetails: CaseDetailStore;
  readonly updates: UpdateStore;
  readonly invites: InviteStore;
  readonly admin: AdminStore;
  readonly statements: StatementStore;
  readonly evidence: EvidenceStore;
  readonly workbench: WorkbenchStore;
  readonly notify: NotifyStore;
  /** For page-local stores in subpackages (memos, tasks), so their code stays out of the main package. */
  readonly api: Api;

  constructor({ api }: RootStoreDeps) {
    this.api = api;
    this.session = new SessionStore(api);
    this.cases = new CaseListStore(api);
    this.caseDetails = new CaseDetailStore(api);
    this.updates = new UpdateStore(api, this.caseDetails, this.cases);
    this.invites = new InviteStore(api);
    this.admin = new AdminStore(api);
    this.statements = new StatementStore(api);
    this.evidence = new EvidenceStore(api);
    this.workbench = new WorkbenchStore(api);
    this.notify = new NotifyStore(api);
  }

  /** Forgets everything about the previous user (sign-out, switching persona). */
  reset(): void {
    this.session.reset();
    this.cases.reset();
    this.caseDetails.reset();
    this.updates.reset();
    this.statements.reset();
    this.evidence.reset();
    this.workbench.reset();
    this.notify.reset();
  }
}
