import { z } from 'zod';
import { clockTime, id } from './fields';
import { DELIVERY_STATES, NOTICE_KIND_NAMES, NOTICE_TEMPLATES, type NoticeTemplate } from './notice-kinds';

export * from './notice-kinds';

export const NOTIFY_LIMITS = {
  /** WeChat asks for at most three templates in one `requestSubscribeMessage`. */
  templatesPerRequest: 3,
  /** Unused one-time consents kept per template; more taps than this add nothing. */
  maxCredits: 20,
  pageSize: 30,
} as const;

export const noticeTemplate = z.enum(NOTICE_TEMPLATES);
export const deliveryState = z.enum(DELIVERY_STATES);

/** Where one notice stands (see DELIVERY_STATES). `at`: when it was sent, or when it will be tried next. */
export const delivery = z.object({
  state: deliveryState,
  at: z.string().nullable(),
  /** Why it is deferred, retrying or failed, in plain Chinese; null otherwise. */
  reason: z.string().nullable(),
});
export type Delivery = z.infer<typeof delivery>;

/** One thing a person should learn about a case, as the in-app list shows it. */
export const notice = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KIND_NAMES),
  caseId: z.string(),
  /** The record it is about: the page it opens is chosen by the kind's target. */
  recordId: z.string(),
  title: z.string(),
  fromName: z.string(),
  toName: z.string(),
  createdAt: z.string(),
  /** Whether the recipient has opened the case's notices since it arrived. */
  seen: z.boolean(),
  delivery,
});
export type Notice = z.infer<typeof notice>;

/**
 * How this deployment reaches people: `wechat` (subscribe messages), `demo` (recorded for the 消息预览 page, never
 * sent), `off` (in-app only: no templates configured).
 */
export const deliveryMode = z.enum(['wechat', 'demo', 'off']);
export type DeliveryMode = z.infer<typeof deliveryMode>;

export const notifySettings = z.object({
  mode: deliveryMode,
  /** The configured templates; the app asks consent for those whose audience matches the person's roles. */
  templates: z.array(
    z.object({
      key: noticeTemplate,
      templateId: z.string(),
      title: z.string(),
      purpose: z.string(),
      audience: z.enum(['client', 'lawyer']),
    }),
  ),
  /** Unused one-time consents per template key (0 for every configured template without one). */
  credits: z.record(noticeTemplate, z.number().int()),
  /** The person's quiet hours (Asia/Shanghai): messages inside them wait until they end. */
  quietHours: z.object({ start: clockTime, end: clockTime }).nullable(),
  /** Notices across all the person's cases not yet seen in the app. */
  unseen: z.number().int(),
});
export type NotifySettings = z.infer<typeof notifySettings>;

/** One message as the demo's recording transport kept it (what the recipient's WeChat would show). */
export const previewMessage = z.object({
  id: z.string(),
  caseTitle: z.string(),
  templateTitle: z.string(),
  /** The template's fields in order, as WeChat would show them. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The page the message opens, with its ids. */
  page: z.string(),
  status: z.enum(['sending', 'retry', 'sent', 'dead']),
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The notices it carries (several coalesce into one message). */
  kinds: z.array(z.enum(NOTICE_KIND_NAMES)),
  createdAt: z.string(),
});
export type PreviewMessage = z.infer<typeof previewMessage>;

export const previewPersona = z.object({
  userId: z.string(),
  displayName: z.string(),
  credits: z.record(noticeTemplate, z.number().int()),
  messages: z.array(previewMessage),
  /** Notices not (yet) in a message: deferred, waiting, or kept in-app only, each with why. */
  waiting: z.array(notice),
});

const inboxInput = z
  .object({
    caseId: id,
    box: z.enum(['received', 'sent']).default('received'),
    /** The `next` of the previous page. */
    before: z.string().max(128).nullable().default(null),
  })
  .strict();

export const notificationActions = {
  'notification.settings': { input: z.object({}).strict(), output: notifySettings, mutates: false },
  /**
   * What `requestSubscribeMessage` answered, by template id: each `accept` stores one credit (one message may be
   * sent with that template). Unknown template ids are refused.
   */
  'notification.subscribe': {
    input: z
      .object({
        results: z
          .record(z.string().min(1).max(64), z.enum(['accept', 'reject', 'ban', 'filter']))
          .refine(
            (r) => Object.keys(r).length >= 1 && Object.keys(r).length <= NOTIFY_LIMITS.templatesPerRequest,
            {
              message: '一次最多订阅 3 个消息模板',
            },
          ),
      })
      .strict(),
    output: notifySettings,
    mutates: true,
  },
  /** A case's notices: what the caller received (`received`), or what their acts sent others (`sent`). */
  'notification.list': {
    input: inboxInput,
    output: z.object({ notices: z.array(notice), next: z.string().nullable() }),
    mutates: false,
  },
  /** The caller has looked at the case's notices: its unseen count drops to zero. */
  'notification.markSeen': {
    input: z.object({ caseId: id }).strict(),
    output: z.object({ caseId: z.string(), unseen: z.number().int() }),
    mutates: true,
  },
  /** The demo's 消息预览: what each persona would have received, and why anything waits. NOT_FOUND unless demo. */
  'notification.preview': {
    input: z.object({}).strict(),
    output: z.object({ personas: z.array(previewPersona), generatedAt: z.string() }),
    mutates: false,
  },
} as const;

export type TemplateCredits = Partial<Record<NoticeTemplate, number>>;
