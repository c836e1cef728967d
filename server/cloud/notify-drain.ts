/**
 * The `notify` timer trigger's work, loaded on first use (scripts/build-cloud.ts LAZY): due-soon notices, then
 * one drain of the outbox through `cloud.openapi.subscribeMessage.send` (or the demo's recorder). WeChat runs one
 * timer invocation at a time per trigger; a message an invocation left `sending` when it was cut off is sent
 * again by a later one once its lease has passed (see sender.ts: at least once).
 */
import type { NotifyConfig } from '../notifications/notify-config';
import type { DrainOutcome } from '../notifications/sender';
import { recordingTransport } from '../notifications/transports/recording';
import { wechatCloudTransport, type SubscribeMessageApi } from '../notifications/transports/wechat-cloud';
import { notifyTick } from '../notifications/worker';
import type { Db } from '../platform/migrate';

export async function drainFromCloud(
  db: Db,
  notify: NotifyConfig,
  subscribeMessage: SubscribeMessageApi,
  clock: () => Date,
): Promise<DrainOutcome> {
  const transport = notify.mode === 'demo' ? recordingTransport() : wechatCloudTransport(subscribeMessage);
  return notifyTick(db, { clock, config: notify, transport });
}
