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

/**
 * The domain stores around one injected api; the app makes one, tests make their own. Each store is made when a
 * page first asks for it, so opening one screen does not set up the observable state of every other (on H5 that
 * set-up ran inside the first screen's task).
 */
export class RootStore {
  /** For page-local stores in subpackages (memos, tasks), so their code stays out of the main package. */
  readonly api: Api;
  private readonly made = new Map<string, { reset?: () => void }>();

  constructor({ api }: RootStoreDeps) {
    this.api = api;
  }

  private store<T extends object>(key: string, make: () => T): T {
    let store = this.made.get(key) as T | undefined;
    if (!store) {
      store = make();
      this.made.set(key, store);
    }
    return store;
  }

  get session(): SessionStore {
    return this.store('session', () => new SessionStore(this.api));
  }
  get cases(): CaseListStore {
    return this.store('cases', () => new CaseListStore(this.api));
  }
  get caseDetails(): CaseDetailStore {
    return this.store('caseDetails', () => new CaseDetailStore(this.api));
  }
  get updates(): UpdateStore {
    return this.store('updates', () => new UpdateStore(this.api, this.caseDetails, this.cases));
  }
  get invites(): InviteStore {
    return this.store('invites', () => new InviteStore(this.api));
  }
  get admin(): AdminStore {
    return this.store('admin', () => new AdminStore(this.api));
  }
  get statements(): StatementStore {
    return this.store('statements', () => new StatementStore(this.api));
  }
  get evidence(): EvidenceStore {
    return this.store('evidence', () => new EvidenceStore(this.api));
  }
  get workbench(): WorkbenchStore {
    return this.store('workbench', () => new WorkbenchStore(this.api));
  }
  get notify(): NotifyStore {
    return this.store('notify', () => new NotifyStore(this.api));
  }

  /** Forgets everything about the previous user (sign-out, switching persona): every store made so far. */
  reset(): void {
    for (const store of this.made.values()) store.reset?.();
  }
}
