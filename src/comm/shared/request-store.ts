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

  constructor(private readonly api: Api) {
    makeAutoObservable<RequestStore, 'api'>(this, { api: false });
  }

  /** The case's requests (clients: their own), open ones first and oldest first, as the server orders them. */
  async loadList(caseId: string): Promise<void> {
    await trackLoad(this.state, async () => {
      const { requests } = await this.api.call('request.list', { caseId });
      runInAction(() => {
        this.requests = requests;
      });
    });
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
