import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, ClientRequest } from '@contract/index';
import type { Api, CallOptions } from '@/api';
import { idleState, type LoadState } from '@/stores/load-state';
import { trackLoad } from '@/stores/load-state';

/**
 * Client requests (客户请求) for one page: a case's list, one request in depth, the client's writing and read
 * receipt, the lawyer's written answer. Page-local (made by the page around the app's api), so its code stays
 * in the subpackage.
 */
export class RequestStore {
  requests: ClientRequest[] | null = null;
  request: ClientRequest | null = null;
  state: LoadState = idleState();
  /** The list's next page (null: all of it is here). */
  nextCursor: string | null = null;
  loadingMore = false;

  constructor(private readonly api: Api) {
    makeAutoObservable<RequestStore, 'api'>(this, { api: false });
  }

  /** The case's requests (clients: their own), open ones first and oldest first, as the server orders them. */
  async loadList(caseId: string): Promise<void> {
    await trackLoad(this.state, async () => {
      const { requests, nextCursor } = await this.api.call('request.list', { caseId });
      runInAction(() => {
        this.requests = requests;
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
      const page = await this.api.call('request.list', { caseId, cursor });
      runInAction(() => {
        this.requests = [...(this.requests ?? []), ...page.requests];
        this.nextCursor = page.nextCursor;
      });
    } catch {
      // The list stays as it was; 加载更多 can be tapped again.
    } finally {
      runInAction(() => (this.loadingMore = false));
    }
  }

  async load(requestId: string): Promise<ClientRequest | null> {
    await trackLoad(this.state, async () => {
      this.keep(await this.api.call('request.get', { requestId }));
    });
    return this.request;
  }

  /** The client writes a request; the server keeps the reply time their lawyer's promise gives. */
  async create(input: ActionInput<'request.create'>, options?: CallOptions): Promise<ClientRequest> {
    const request = await this.api.call('request.create', input, options);
    this.keep(request);
    return request;
  }

  /** The lawyer's one written answer: 答复, 接受 (with a date) or 拒绝 (with the reason). */
  async answer(input: ActionInput<'request.answer'>, options?: CallOptions): Promise<ClientRequest> {
    const request = await this.api.call('request.answer', input, options);
    this.keep(request);
    return request;
  }

  /** The client who wrote the request opened its answer (their read receipt; the server keeps the first). */
  async markRead(requestId: string): Promise<void> {
    const { readAt } = await this.api.call('request.markRead', { requestId });
    runInAction(() => {
      const answer = this.request?.id === requestId ? this.request.answer : null;
      if (answer && !answer.readAt) answer.readAt = readAt;
    });
  }

  private keep(request: ClientRequest): void {
    runInAction(() => {
      this.request = request;
      if (this.requests) this.requests = this.requests.map((r) => (r.id === request.id ? request : r));
    });
  }
}
