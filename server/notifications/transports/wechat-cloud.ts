import { classifyOutcome } from '../sender.rules';
import type { MessageTransport, OutgoingMessage } from './transport';

/** What `cloud.openapi.subscribeMessage.send` takes and answers (wx-server-sdk, inside the cloud function). */
export interface SubscribeMessageApi {
  send(request: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogramState: string;
    lang?: string;
  }): Promise<{ errCode?: number; errMsg?: string }>;
}

/**
 * The cloud function's transport: `cloud.openapi.subscribeMessage.send` (declared in config.json's
 * `permissions.openapi`). WeChat authenticates the call itself; there is no access token to keep. The SDK
 * rejects on a WeChat error with `errCode` on the error; both shapes are classified like the HTTP API's answers.
 */
export function wechatCloudTransport(api: SubscribeMessageApi): MessageTransport {
  return {
    name: 'wechat',
    async send(msg: OutgoingMessage) {
      try {
        const answer = await api.send({ ...msg, lang: 'zh_CN' });
        return classifyOutcome({ kind: 'answer', httpStatus: 200, errcode: Number(answer?.errCode ?? 0) });
      } catch (error) {
        const errCode = (error as { errCode?: unknown } | null)?.errCode;
        if (typeof errCode === 'number')
          return classifyOutcome({ kind: 'answer', httpStatus: 200, errcode: errCode });
        return classifyOutcome({
          kind: 'network',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
