import { openHarness, sampleUpdate, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const publish = (extra: Record<string, unknown>) =>
  h.ok(firm.lawyer, 'update.publish', { caseId: firm.caseId, ...sampleUpdate, ...extra });

describe('moving a case back to an earlier stage', () => {
  beforeEach(async () => {
    await publish({ stageIndex: 2 });
  });

  it('is refused without a reason, and nothing is written', async () => {
    const before = await h.counts();
    for (const stageReason of [undefined, null, '   ']) {
      const error = await h.err(firm.lawyer, 'update.publish', {
        caseId: firm.caseId,
        ...sampleUpdate,
        stageIndex: 1,
        stageReason,
      });
      expect(error.code).toBe('CASE.STAGE_REASON_REQUIRED');
      expect(error.message).toMatch(/原因/);
      expect(error.issues).toEqual([{ path: 'stageReason', message: error.message }]);
    }
    expect(await h.counts()).toEqual(before);
    expect((await h.ok(firm.client, 'case.get', { caseId: firm.caseId })).currentStage.index).toBe(2);
  });

  it('moves back with a reason that the client reads on the update and in the case timeline', async () => {
    const reason = '法院要求补充证据，案件退回立案阶段';
    const update = await publish({ stageIndex: 1, stageReason: reason });
    expect(update.versions[0].stageChange).toMatchObject({ index: 1, reason });

    const asClient = await h.ok(firm.client, 'update.get', { updateId: update.id });
    expect(asClient.versions[0].stageChange).toMatchObject({ index: 1, reason });
    const timeline = await h.ok(firm.client, 'case.timeline', { caseId: firm.caseId });
    expect(timeline.entries.find((e) => e.updateId === update.id)?.stageChange).toMatchObject({
      index: 1,
      reason,
    });
    expect((await h.ok(firm.client, 'case.get', { caseId: firm.caseId })).currentStage.index).toBe(1);
  });

  it('needs no reason to move forward, and keeps none', async () => {
    const update = await publish({ stageIndex: 3, stageReason: '无关的话' });
    expect(update.versions[0].stageChange).toEqual({ index: 3, name: expect.any(String) });
  });
});
