import { makeAutoObservable, runInAction } from 'mobx';
import { toApiFailure, type Api } from '@/api';
import { idleState, type LoadState } from '@/stores/load-state';
import type { Notice, NoticeBox, PreviewPersona } from './notices-model';
import { trackLoad } from '@/stores/load-state';

interface Inbox {
  notices: Notice[] | null;
  next: string | null;
  loadingMore: boolean;
  state: LoadState;
}

const emptyBox = (): Inbox => ({ notices: null, next: null, loadingMore: false, state: idleState() });

/**
 * One case's notices for the 案件通知 page: what the reader received, and what their own acts sent others (with
 * whether each reached WeChat). Page-local, like the other comm stores.
 */
export class NoticesStore {
  boxes: Record<NoticeBox, Inbox> = { received: emptyBox(), sent: emptyBox() };

  constructor(private readonly api: Api) {
    makeAutoObservable<NoticesStore, 'api'>(this, { api: false });
  }

  /** Reads a box's first page afresh (the list on screen stays until the answer replaces it). */
  async load(caseId: string, box: NoticeBox): Promise<void> {
    const inbox = this.boxes[box];
    await trackLoad(inbox.state, async () => {
      const page = await this.api.call('notification.list', { caseId, box, before: null });
      runInAction(() => {
        inbox.notices = page.notices;
        inbox.next = page.next;
        inbox.loadingMore = false;
      });
    });
  }

  /** Appends the box's next page; does nothing while one is on its way or after the last. */
  async loadMore(caseId: string, box: NoticeBox): Promise<void> {
    const inbox = this.boxes[box];
    const before = inbox.next;
    if (!before || inbox.loadingMore || !inbox.notices) return;
    inbox.loadingMore = true;
    try {
      const page = await this.api.call('notification.list', { caseId, box, before });
      runInAction(() => {
        const shown = new Set(inbox.notices?.map((n) => n.id));
        inbox.notices = [...(inbox.notices ?? []), ...page.notices.filter((n) => !shown.has(n.id))];
        inbox.next = page.next;
        inbox.loadingMore = false;
      });
    } catch (e) {
      runInAction(() => {
        inbox.loadingMore = false;
      });
      throw toApiFailure(e);
    }
  }

  /** The reader has looked at the case's notices: the server's unseen count drops to zero. */
  async markSeen(caseId: string): Promise<number> {
    const { unseen } = await this.api.call('notification.markSeen', { caseId });
    return unseen;
  }
}

/** The demo's 消息预览: what each persona's WeChat would have shown, and what did not go out and why. */
export class MessagePreviewStore {
  personas: PreviewPersona[] | null = null;
  generatedAt: string | null = null;
  state: LoadState = idleState();

  constructor(private readonly api: Api) {
    makeAutoObservable<MessagePreviewStore, 'api'>(this, { api: false });
  }

  get demoOnly(): boolean {
    return this.state.error?.code === 'NOT_FOUND';
  }

  async load(): Promise<void> {
    await trackLoad(this.state, async () => {
      const { personas, generatedAt } = await this.api.call('notification.preview', {});
      runInAction(() => {
        this.personas = personas;
        this.generatedAt = generatedAt;
      });
    });
  }
}
