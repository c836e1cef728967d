import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, ClientTask } from '@contract/index';
import type { Api, CallOptions } from '@/api';
import { idleState, type LoadState } from '@/stores/load-state';
import { trackLoad } from '@/stores/load-state';

/**
 * Client tasks (需要您配合) for one page: a case's list, one task in depth, and the steps of its life (assign,
 * 我已完成, 验收 / 退回). Page-local, like MemoStore.
 */
export class TaskStore {
  tasks: ClientTask[] | null = null;
  task: ClientTask | null = null;
  state: LoadState = idleState();
  /** The list's next page (null: all of it is here). */
  nextCursor: string | null = null;
  loadingMore = false;

  constructor(private readonly api: Api) {
    makeAutoObservable<TaskStore, 'api'>(this, { api: false });
  }

  /** The case's tasks (clients: their own), unfinished first by due date, as the server orders them. */
  async loadList(caseId: string): Promise<void> {
    await trackLoad(this.state, async () => {
      const { tasks, nextCursor } = await this.api.call('task.list', { caseId });
      runInAction(() => {
        this.tasks = tasks;
        this.nextCursor = nextCursor ?? null;
      });
    });
  }

  /** Appends the next page of the case's list; nothing when all of it is here or a page is on its way. */
  async loadMore(caseId: string): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await this.api.call('task.list', { caseId, cursor });
      runInAction(() => {
        this.tasks = [...(this.tasks ?? []), ...page.tasks];
        this.nextCursor = page.nextCursor;
      });
    } catch {
      // The list stays as it was; 加载更多 can be tapped again.
    } finally {
      runInAction(() => (this.loadingMore = false));
    }
  }

  async load(taskId: string): Promise<void> {
    await trackLoad(this.state, async () => {
      const task = await this.api.call('task.get', { taskId });
      this.keep(task);
    });
  }

  async assign(input: ActionInput<'task.assign'>, options?: CallOptions): Promise<ClientTask> {
    const task = await this.api.call('task.assign', input, options);
    this.keep(task);
    return task;
  }

  /** The assignee's 我已完成, with an optional note. */
  async complete(taskId: string, note: string, options?: CallOptions): Promise<ClientTask> {
    const task = await this.api.call('task.complete', { taskId, note: note.trim() ? note : null }, options);
    this.keep(task);
    return task;
  }

  /** The lawyer's 验收通过, or 退回 with the reason the client will read. */
  async review(
    taskId: string,
    decision: 'accept' | 'return',
    reason: string,
    options?: CallOptions,
  ): Promise<ClientTask> {
    const input = { taskId, decision, reason: reason.trim() ? reason : null };
    const task = await this.api.call('task.review', input, options);
    this.keep(task);
    return task;
  }

  private keep(task: ClientTask): void {
    runInAction(() => {
      this.task = task;
      if (this.tasks) this.tasks = this.tasks.map((t) => (t.id === task.id ? task : t));
    });
  }
}
