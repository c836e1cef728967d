import { createCasetrail } from '../../server/casetrail';
import { verifyCaseEvents } from '../../server/events/event-log.store';
import { DEMO_NOTIFY } from '../../server/notifications/notify-config';
import { seedDemo } from '../../server/seed/demo-seed';
import { openHarness, type Harness } from '../fixtures/api-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('the demo seed', () => {
  it('seeds the demo firm once, through the real API, with a valid event chain', async () => {
    expect(await seedDemo(h.db)).toBe(true);
    expect(await seedDemo(h.db)).toBe(false);
    const app = await createCasetrail({ db: h.db, adminSubjects: ['dev:admin'] });
    const as = (subject: string, action: string, payload: object) =>
      app.handle(
        { action, payload, requestId: `req-${Math.random().toString(36).slice(2, 12)}` },
        { subject, sourceIp: null },
      );

    const list = await as('dev:client', 'case.list', {});
    if (!list.ok) throw new Error(list.error.code);
    const [demoCase] = (list.data as { cases: { id: string; unread: number; title: string }[] }).cases;
    expect(demoCase).toMatchObject({ title: '李女士诉某科技公司民间借贷纠纷', unread: 2 });
    expect((await verifyCaseEvents(h.db, demoCase.id)).valid).toBe(true);

    const mine = await as('dev:client', 'statement.mine', {});
    if (!mine.ok) throw new Error(mine.error.code);
    const { pending } = mine.data as { pending: { id: string; versionNo: number }[] };
    expect(pending).toHaveLength(1);
    expect(pending[0].versionNo).toBe(2);
    const statement = await as('dev:client', 'statement.get', { statementId: pending[0].id });
    if (!statement.ok) throw new Error(statement.error.code);
    const diff = (statement.data as { changesSinceMyAck: { items: { change: string }[] } }).changesSinceMyAck;
    expect(diff.items.map((i) => i.change)).toEqual(['changed']);
  });

  it('starts the demo client and lawyer with consents for their templates, so a message can be previewed', async () => {
    await seedDemo(h.db);
    const demo = await createCasetrail({ db: h.db, config: { notify: DEMO_NOTIFY } });
    const settings = async (subject: string) => {
      const res = await demo.handle(
        {
          action: 'notification.settings',
          payload: {},
          requestId: `req-${Math.random().toString(36).slice(2)}`,
        },
        { subject, sourceIp: null },
      );
      if (!res.ok) throw new Error(res.error.code);
      return res.data as { credits: Record<string, number> };
    };
    expect((await settings('dev:client')).credits).toEqual({ progress: 3, todo: 3, message: 0 });
    expect((await settings('dev:lawyer')).credits).toEqual({ progress: 0, todo: 0, message: 3 });
  });
});
