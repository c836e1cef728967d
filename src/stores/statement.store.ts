import { makeAutoObservable, runInAction } from 'mobx';
import type {
  ActionOutput,
  DraftContentInput,
  Question,
  Receipt,
  StatementDetail,
  StatementSummary,
  StatementTemplate,
} from '@contract/index';
import { toApiFailure, type Api, type CallOptions } from '@/api';
import { idleState, type LoadState } from './load-state';

type Mine = ActionOutput<'statement.mine'>;

/**
 * Expectation statements (预期与风险告知): per-case lists, single statements in depth, the lawyer's drafts and
 * publishing, and the client's acknowledgments and questions.
 */
export class StatementStore {
  lists = new Map<string, StatementSummary[]>();
  listStates = new Map<string, LoadState>();
  details = new Map<string, StatementDetail>();
  states = new Map<string, LoadState>();
  templates: StatementTemplate[] | null = null;
  mine: Mine | null = null;
  mineState: LoadState = idleState();
  /** Each case's next page of statements (null or absent: all of it is here). */
  listNext = new Map<string, string | null>();
  /** A next page on its way: a case id, 'mine' for 我的确认, or null. */
  loadingMore: string | null = null;
  /** Acknowledgments in flight by statement and version: a second tap joins the first request. */
  private acknowledging = new Map<string, Promise<Receipt>>();

  constructor(private readonly api: Api) {
    makeAutoObservable<StatementStore, 'api' | 'acknowledging'>(this, { api: false, acknowledging: false });
  }

  list(caseId: string): StatementSummary[] | undefined {
    return this.lists.get(caseId);
  }

  listState(caseId: string): LoadState {
    return this.listStates.get(caseId) ?? idleState();
  }

  detail(statementId: string): StatementDetail | undefined {
    return this.details.get(statementId);
  }

  state(statementId: string): LoadState {
    return this.states.get(statementId) ?? idleState();
  }

  /** Statements the client still has to acknowledge, across all cases (the home page's count). */
  get pendingCount(): number {
    return this.mine?.pending.length ?? 0;
  }

  async loadList(caseId: string): Promise<void> {
    this.listStates.set(caseId, { status: 'loading', error: null });
    try {
      const { statements, nextCursor } = await this.api.call('statement.list', { caseId });
      runInAction(() => {
        this.lists.set(caseId, statements);
        this.listNext.set(caseId, nextCursor ?? null);
        this.listStates.set(caseId, { status: 'ready', error: null });
      });
    } catch (e) {
      runInAction(() => this.listStates.set(caseId, { status: 'error', error: toApiFailure(e) }));
    }
  }

  /** Appends the case's next page of statements; nothing when all are here or a page is on its way. */
  async loadListMore(caseId: string): Promise<void> {
    const cursor = this.listNext.get(caseId);
    if (!cursor || this.loadingMore) return;
    this.loadingMore = caseId;
    try {
      const page = await this.api.call('statement.list', { caseId, cursor });
      runInAction(() => {
        this.lists.set(caseId, [...(this.lists.get(caseId) ?? []), ...page.statements]);
        this.listNext.set(caseId, page.nextCursor);
      });
    } catch {
      // The list stays as it was; 加载更多 can be tapped again.
    } finally {
      runInAction(() => (this.loadingMore = null));
    }
  }

  async load(statementId: string): Promise<StatementDetail | undefined> {
    this.states.set(statementId, { status: 'loading', error: null });
    try {
      const detail = await this.api.call('statement.get', { statementId });
      runInAction(() => {
        this.details.set(statementId, detail);
        this.states.set(statementId, { status: 'ready', error: null });
      });
      return detail;
    } catch (e) {
      runInAction(() => this.states.set(statementId, { status: 'error', error: toApiFailure(e) }));
      return undefined;
    }
  }

  async loadTemplates(): Promise<StatementTemplate[]> {
    if (this.templates) return this.templates;
    const { templates } = await this.api.call('statement.templates', {});
    runInAction(() => {
      this.templates = templates;
    });
    return templates;
  }

  async loadMine(): Promise<void> {
    this.mineState = { status: 'loading', error: null };
    try {
      const mine = await this.api.call('statement.mine', {});
      runInAction(() => {
        this.mine = mine;
        this.mineState = { status: 'ready', error: null };
      });
    } catch (e) {
      runInAction(() => {
        this.mineState = { status: 'error', error: toApiFailure(e) };
      });
    }
  }

  async createDraft(caseId: string, templateKey: string | null, options?: CallOptions) {
    const detail = await this.api.call('statement.createDraft', { caseId, templateKey }, options);
    this.keep(detail);
    return detail;
  }

  async saveDraft(statementId: string, content: DraftContentInput, options?: CallOptions) {
    const detail = await this.api.call('statement.saveDraft', { statementId, content }, options);
    this.keep(detail);
    return detail;
  }

  /** Publishes the draft as the next version (a change note is required from version 2 on). */
  async publish(statementId: string, changeNote: string | null, options?: CallOptions) {
    const detail = await this.api.call('statement.publish', { statementId, changeNote }, options);
    this.keep(detail);
    return detail;
  }

  /** Records that the client opened the current version (the lawyer sees 已读未确认). */
  async markViewed(statementId: string, versionNo: number): Promise<void> {
    await this.api.call('statement.markViewed', { statementId, versionNo });
    runInAction(() => {
      for (const summaries of [...this.lists.values(), this.mine?.pending ?? []]) {
        const summary = summaries.find((s) => s.id === statementId);
        if (summary && summary.myState === 'unread') summary.myState = 'viewed';
      }
    });
  }

  /**
   * Acknowledges every item of one version. While a request is in flight, a second call (a double tap)
   * returns the same promise instead of sending again; `options.requestId` makes a retry idempotent.
   */
  acknowledge(
    statementId: string,
    versionNo: number,
    itemIds: string[],
    options?: CallOptions,
  ): Promise<Receipt> {
    const key = `${statementId}#${versionNo}`;
    const pending = this.acknowledging.get(key);
    if (pending) return pending;
    const request = this.api
      .call('statement.acknowledge', { statementId, versionNo, itemIds }, options)
      .then((receipt) => {
        runInAction(() => this.noteAcknowledged(receipt));
        return receipt;
      })
      .finally(() => this.acknowledging.delete(key));
    this.acknowledging.set(key, request);
    return request;
  }

  async ask(statementId: string, versionNo: number, itemId: string, question: string, options?: CallOptions) {
    const asked = await this.api.call('statement.ask', { statementId, versionNo, itemId, question }, options);
    runInAction(() => this.details.get(statementId)?.questions.push(asked));
    return asked;
  }

  async answer(questionId: string, answer: string, options?: CallOptions): Promise<Question> {
    const answered = await this.api.call('statement.answer', { questionId, answer }, options);
    runInAction(() => {
      for (const detail of this.details.values()) {
        const index = detail.questions.findIndex((q) => q.id === questionId);
        if (index < 0) continue;
        const wasOpen = detail.questions[index].answer == null;
        detail.questions[index] = answered;
        const summary = this.lists.get(detail.caseId)?.find((s) => s.id === detail.id);
        if (wasOpen && summary && summary.openQuestions > 0) summary.openQuestions -= 1;
      }
    });
    return answered;
  }

  /** Queues a reminder to one client; the answer's `delivery` says what really happened to its WeChat message. */
  async remind(statementId: string, clientUserId: string, options?: CallOptions) {
    const queued = await this.api.call('statement.remind', { statementId, clientUserId }, options);
    runInAction(() => {
      const client = this.details.get(statementId)?.clients?.find((c) => c.userId === clientUserId);
      if (client) {
        client.lastRemindedAt = queued.queuedAt;
        client.lastReminderDelivery = queued.delivery;
      }
    });
    return queued;
  }

  reset(): void {
    this.lists.clear();
    this.listNext.clear();
    this.listStates.clear();
    this.details.clear();
    this.states.clear();
    this.templates = null;
    this.mine = null;
    this.mineState = idleState();
  }

  private keep(detail: StatementDetail): void {
    runInAction(() => {
      this.details.set(detail.id, detail);
      this.states.set(detail.id, { status: 'ready', error: null });
    });
  }

  private noteAcknowledged(receipt: Receipt): void {
    const detail = this.details.get(receipt.statementId);
    if (detail && detail.current?.versionNo === receipt.versionNo) {
      detail.myReceipt = receipt;
      detail.changesSinceMyAck = null;
    }
    for (const summaries of this.lists.values()) {
      const summary = summaries.find((s) => s.id === receipt.statementId);
      if (summary && summary.versionNo === receipt.versionNo) {
        summary.myState = 'acknowledged';
        summary.myReceipt = receipt;
      }
    }
    if (this.mine) {
      const index = this.mine.pending.findIndex((s) => s.id === receipt.statementId);
      if (index >= 0 && this.mine.pending[index].versionNo === receipt.versionNo) {
        const [summary] = this.mine.pending.splice(index, 1);
        this.mine.acknowledged.unshift({ ...summary, myState: 'acknowledged', myReceipt: receipt });
      }
    }
  }
}
