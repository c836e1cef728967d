/**
 * Drain rate: N messages (one notice each for N clients in N cases, every client with a consent) through the
 * sender and the real WeChat HTTP transport to the stand-in for WeChat on loopback, answering at once — what the
 * sender and the database sustain, not WeChat. The drain's clock is a weekday morning in Shanghai (no quiet hours).
 */
import { performance } from 'node:perf_hooks';
import { queueNotices } from '../../server/notifications/notices.store';
import { drainOutbox } from '../../server/notifications/sender';
import { wechatHttpTransport } from '../../server/notifications/transports/wechat-http';
import { startWeChatStandIn } from '../../tests/fixtures/wechat-stand-in';
import { WECHAT_NOTIFY } from '../../tests/fixtures/notify-sender';
import { openFirm } from './api';
import { loadCases } from './bulk';
import type { Engine } from './engines';
import { perSecond, type Row } from './report';

const MESSAGES = 1000;
const NOW = '2026-03-02T02:00:00.000Z'; // 10:00 in Shanghai

export async function notifyDrainFigures(engine: Engine): Promise<Row[]> {
  const rows: Row[] = [];
  for (const concurrency of [1, 4]) {
    const store = await engine.openStore(`notify_drain_${concurrency}`);
    const wx = await startWeChatStandIn();
    try {
      const firm = await openFirm(store);
      await loadCases(store, { lawyerId: firm.lawyerId, count: MESSAGES });
      const pairs = await store.db
        .selectFrom('case_members as m')
        .innerJoin('cases as c', 'c.id', 'm.case_id')
        .select(['m.user_id', 'm.case_id', 'c.title'])
        .where('m.role', '=', 'client')
        .where('c.id', '!=', firm.caseId)
        .execute();
      await store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('notify_credits')
          .values(
            pairs.map((p) => ({
              user_id: p.user_id,
              template_id: 'tpl-progress',
              credits: 1,
              updated_at: NOW,
            })),
          )
          .execute();
        for (const p of pairs)
          await queueNotices(trx, {
            kind: 'update.published',
            caseId: p.case_id,
            recipients: [p.user_id],
            recordId: `u-${p.case_id}`,
            title: '已向法院提交起诉材料',
            createdBy: firm.lawyerId,
            now: NOW,
            mode: 'wechat',
          });
      });
      const transport = wechatHttpTransport({
        appid: 'wx-bench',
        secret: 'bench',
        apiBase: wx.url,
        timeoutMs: 5_000,
        now: () => Date.parse(NOW),
      });
      const started = performance.now();
      const outcome = await drainOutbox(store.db, {
        clock: () => new Date(NOW),
        config: WECHAT_NOTIFY,
        transport,
        concurrency,
        batchSize: 100,
      });
      const seconds = (performance.now() - started) / 1000;
      if (outcome.sent !== pairs.length || wx.sends.length !== pairs.length)
        throw new Error(`drain sent ${outcome.sent} of ${pairs.length} (stand-in got ${wx.sends.length})`);
      rows.push({
        what: `notification drain, ${concurrency} in flight`,
        value: perSecond(outcome.sent / seconds),
        detail: `${outcome.sent} messages through the WeChat HTTP transport to a loopback stand-in in ${seconds.toFixed(2)} s`,
      });
    } finally {
      await wx.close();
      await store.close();
    }
  }
  return rows;
}
