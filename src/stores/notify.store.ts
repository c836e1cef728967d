import { makeAutoObservable, runInAction } from 'mobx';
import type { NotifySettings } from '@contract/notifications';
import { toApiFailure, type Api, type ApiFailure } from '@/api';
import { requestConsent as platformConsent, type ConsentResults } from '@/api/subscribe';
import { trackLoad, type LoadStatus } from './load-state';

export type Audience = 'client' | 'lawyer';
type Template = NotifySettings['templates'][number];

/** What one tap of 「开启微信通知」 came to, with a sentence that says so. */
export interface ConsentOutcome {
  kind: 'accepted' | 'declined' | 'failed' | 'unavailable';
  /** Templates that gained one message. */
  accepted: number;
  message: string;
}

/** WeChat asks for at most three templates at once (NOTIFY_LIMITS.templatesPerRequest). */
const PER_REQUEST = 3;

/**
 * WeChat subscribe-message consent: which templates this deployment has, how many messages each person may still
 * receive (one per accepted consent), and asking for more. The consent dialog comes from the injected
 * `requestConsent` (WeChat's on weapp, a plainly labelled stand-in on H5).
 */
export class NotifyStore {
  settings: NotifySettings | null = null;
  status: LoadStatus = 'idle';
  error: ApiFailure | null = null;
  asking = false;

  constructor(
    private readonly api: Api,
    private readonly requestConsent: (templateIds: string[]) => Promise<ConsentResults> = platformConsent,
  ) {
    makeAutoObservable<NotifyStore, 'api' | 'requestConsent'>(this, { api: false, requestConsent: false });
  }

  /** Whether the deployment sends anything outside the app (`off`: in-app only, nothing to ask for). */
  get enabled(): boolean {
    return !!this.settings && this.settings.mode !== 'off';
  }

  /** The templates a client or a lawyer is asked to allow (at most three). */
  templatesFor(audience: Audience): Template[] {
    const all = this.settings ? this.settings.templates : [];
    return all.filter((t) => t.audience === audience).slice(0, PER_REQUEST);
  }

  creditsOf(template: Template): number {
    return (this.settings && this.settings.credits[template.key]) || 0;
  }

  /** Messages the person may still receive with the audience's templates; 0 means notifications are off. */
  remaining(audience: Audience): number {
    return this.templatesFor(audience).reduce((sum, t) => sum + this.creditsOf(t), 0);
  }

  async load(): Promise<void> {
    await trackLoad(this, async () => {
      const settings = await this.api.call('notification.settings', {});
      runInAction(() => {
        this.settings = settings;
      });
    });
  }

  /** Loads once; a failed load is tried again. */
  async ensureLoaded(): Promise<void> {
    if (this.status === 'ready' || this.status === 'loading') return;
    await this.load();
  }

  /**
   * Asks WeChat for one more message per template of the audience, and stores each accepted one as a credit.
   * Call it straight from the tap handler: WeChat shows its dialog only while handling a tap, so nothing may be
   * awaited before the dialog opens (the templates must already be loaded). A decline stores nothing.
   */
  async askConsent(audience: Audience): Promise<ConsentOutcome> {
    const templates = this.templatesFor(audience);
    if (!this.enabled || templates.length === 0 || this.asking) {
      return { kind: 'unavailable', accepted: 0, message: '暂时无法开启通知' };
    }
    this.asking = true;
    try {
      let results: ConsentResults;
      try {
        results = await this.requestConsent(templates.map((t) => t.templateId));
      } catch (e) {
        return { kind: 'failed', accepted: 0, message: e instanceof Error ? e.message : '未能开启通知' };
      }
      const accepted = Object.values(results).filter((r) => r === 'accept').length;
      if (accepted === 0) {
        return { kind: 'declined', accepted: 0, message: '您未允许，不会通过微信通知您' };
      }
      try {
        const settings = await this.api.call('notification.subscribe', { results });
        runInAction(() => {
          this.settings = settings;
        });
      } catch (e) {
        return { kind: 'failed', accepted: 0, message: `未能保存：${toApiFailure(e).message}` };
      }
      return { kind: 'accepted', accepted, message: '已开启：可多接收一条通知' };
    } finally {
      runInAction(() => {
        this.asking = false;
      });
    }
  }

  reset(): void {
    this.settings = null;
    this.status = 'idle';
    this.error = null;
    this.asking = false;
  }
}
