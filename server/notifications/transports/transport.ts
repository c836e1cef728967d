import type { SendFailure } from '../send-errors';

/** One subscribe message as WeChat's `subscribeMessage.send` takes it. */
export interface OutgoingMessage {
  /** The recipient's openid. */
  touser: string;
  templateId: string;
  /** The page it opens, no leading slash, with its query. */
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

export type SendResult =
  { ok: true } | { ok: false; failure: SendFailure; detail: string; retryable: boolean };

/**
 * How a message leaves: WeChat's HTTP API (self-hosted), the cloud function's openapi, or the demo's recorder.
 * `send` never throws for WeChat's answers: every outcome is a SendResult.
 */
export interface MessageTransport {
  /** `wechat` or `demo`: what notification_messages.transport records. */
  readonly name: 'wechat' | 'demo';
  send(msg: OutgoingMessage): Promise<SendResult>;
}
