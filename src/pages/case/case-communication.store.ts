import { makeAutoObservable, runInAction } from 'mobx';
import type { ClientRequest, ClientTask, MemoSummary } from '@contract/index';
import type { Api } from '@/api';

/**
 * The case page's view of the written conversation: memos, tasks and requests of one case (clients: their
 * own). Page-local, read-only. A list that fails to load stays as it was and its section is left out: the
 * rest of the case page must not depend on it.
 */
export class CaseCommunicationStore {
  memos: MemoSummary[] | null = null;
  tasks: ClientTask[] | null = null;
  requests: ClientRequest[] | null = null;
  /** Whether a first load has finished (each list read or failed), so the page can lay out its sections once. */
  settled = false;

  constructor(private readonly api: Api) {
    makeAutoObservable<CaseCommunicationStore, 'api'>(this, { api: false });
  }

  async load(caseId: string): Promise<void> {
    const keep = <T>(read: Promise<T>, set: (value: T) => void) =>
      read.then(
        (value) => runInAction(() => set(value)),
        () => undefined,
      );
    await Promise.all([
      keep(this.api.call('memo.list', { caseId }), ({ memos }) => (this.memos = memos)),
      keep(this.api.call('task.list', { caseId }), ({ tasks }) => (this.tasks = tasks)),
      keep(this.api.call('request.list', { caseId }), ({ requests }) => (this.requests = requests)),
    ]);
    runInAction(() => (this.settled = true));
  }
}
