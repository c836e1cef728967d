import type { DeliveryMode, NoticeTemplate } from '../../contract/notifications';

/**
 * Which keyword of a WeChat template carries each part of our message. Templates picked from WeChat's library
 * name their keywords differently (`thing1`, `time3`…), so the firm maps them in configuration.
 */
export interface TemplateFields {
  /** 案件名称 (a `thing`, ≤ 20 characters). */
  case: string;
  /** What happened (a `thing`, ≤ 20 characters): 「新进展：一审开庭时间确定」, or 「3 条新消息：…」. */
  summary: string;
  /** When (a `time` or `date` keyword). */
  time: string;
  /** A short note (a `thing`); optional. */
  note?: string;
}

export interface TemplateConfig {
  /** The template id from the mini-program's 订阅消息 console. */
  id: string;
  fields: TemplateFields;
}

export interface NotifyConfig {
  mode: DeliveryMode;
  templates: Partial<Record<NoticeTemplate, TemplateConfig>>;
  /** Which version of the mini-program a message opens: `formal` (released), `trial`, `developer`. */
  miniprogramState: 'formal' | 'trial' | 'developer';
}

const DEMO_FIELDS: TemplateFields = { case: 'thing1', summary: 'thing2', time: 'time3', note: 'thing4' };

/** No WeChat messages: notices are kept in the app only (and say so). */
export const NOTIFY_OFF: NotifyConfig = { mode: 'off', templates: {}, miniprogramState: 'formal' };

/** The demo: every template "configured", messages recorded for the 消息预览 page and never sent anywhere. */
export const DEMO_NOTIFY: NotifyConfig = {
  mode: 'demo',
  templates: {
    progress: { id: 'demo-progress', fields: DEMO_FIELDS },
    todo: { id: 'demo-todo', fields: DEMO_FIELDS },
    message: { id: 'demo-message', fields: DEMO_FIELDS },
  },
  miniprogramState: 'developer',
};
