import type { MessageTransport } from './transport';

/**
 * The demo's transport: accepts every message and sends nothing. The message's row in notification_messages
 * (template, page, data, status `sent`) is the record the 消息预览 page reads.
 */
export function recordingTransport(): MessageTransport {
  return { name: 'demo', send: async () => ({ ok: true }) };
}
