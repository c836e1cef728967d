import { LIMITS } from '../../contract/limits';
import { openHarness, sampleUpdate, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

async function expectRejected(
  subject: string,
  action: Parameters<Harness['err']>[1],
  payload: unknown,
  code: string,
) {
  const before = await h.counts();
  const error = await h.err(subject, action, payload);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await h.counts()).toEqual(before);
  return error;
}

describe('text limits', () => {
  const caseInput = { caseType: '民事', caseNumber: null, court: null, opposingParty: null };

  it('refuses an empty or whitespace-only title', async () => {
    for (const title of ['', '   ', '\n\t']) {
      const error = await expectRejected(
        firm.lawyer,
        'case.create',
        { ...caseInput, title },
        'INVALID_ARGUMENT',
      );
      expect(error.issues).toEqual([{ path: 'title', message: '此项不能为空' }]);
    }
  });

  it('refuses a field one character over its limit and accepts it at the limit', async () => {
    const over = '案'.repeat(LIMITS.caseTitle + 1);
    const error = await expectRejected(
      firm.lawyer,
      'case.create',
      { ...caseInput, title: over },
      'INVALID_ARGUMENT',
    );
    expect(error.issues?.[0].message).toBe(`不能超过 ${LIMITS.caseTitle} 个字`);
    const atLimit = await h.ok(firm.lawyer, 'case.create', {
      ...caseInput,
      caseType: '民事',
      title: '案'.repeat(LIMITS.caseTitle),
    });
    expect(atLimit.title).toHaveLength(LIMITS.caseTitle);
  });

  it('refuses an oversized update body', async () => {
    await expectRejected(
      firm.lawyer,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate, body: '字'.repeat(LIMITS.updateBody + 1) },
      'INVALID_ARGUMENT',
    );
  });

  it('refuses an unknown case type', async () => {
    const error = await expectRejected(
      firm.lawyer,
      'case.create',
      { ...caseInput, title: '案件', caseType: '海事' },
      'INVALID_ARGUMENT',
    );
    expect(error.issues).toEqual([{ path: 'caseType', message: '请选择有效的案件类型' }]);
  });

  it('refuses a stage the case does not have', async () => {
    await expectRejected(
      firm.lawyer,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate, stageIndex: 99 },
      'CASE.STAGE_NOT_FOUND',
    );
  });

  it('refuses a malformed license number or phone', async () => {
    const profile = { name: '张律师', firm: '示例律师事务所', licenseNo: '1310 1201', phone: null };
    await expectRejected(firm.lawyer, 'profile.update', profile, 'INVALID_ARGUMENT');
    await expectRejected(
      firm.lawyer,
      'profile.update',
      { ...profile, licenseNo: '13101201810000001', phone: '电话' },
      'INVALID_ARGUMENT',
    );
  });
});

describe('callers out of place', () => {
  it('refuses a client calling a lawyer action on their own case', async () => {
    await expectRejected(
      firm.client,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate },
      'FORBIDDEN',
    );
    await expectRejected(
      firm.client,
      'invite.createClient',
      { caseId: firm.caseId, clientName: null },
      'FORBIDDEN',
    );
    await expectRejected(firm.client, 'case.create', { title: '我的案件', caseType: '民事' }, 'FORBIDDEN');
  });

  it('tells a stranger reading a case by id only that it was not found', async () => {
    const stranger = 'wx:o-stranger';
    const real = await expectRejected(stranger, 'case.get', { caseId: firm.caseId }, 'NOT_FOUND');
    const made_up = await h.err(stranger, 'case.get', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(real).toEqual(made_up);
    const timeline = await h.err(stranger, 'case.timeline', { caseId: firm.caseId });
    expect(timeline.code).toBe('NOT_FOUND');
  });

  it('keeps a lawyer of another case out', async () => {
    const other = await setUpFirm(h, '-other');
    await expectRejected(other.lawyer, 'case.get', { caseId: firm.caseId }, 'NOT_FOUND');
    await expectRejected(
      other.lawyer,
      'update.publish',
      { caseId: firm.caseId, ...sampleUpdate },
      'NOT_FOUND',
    );
  });
});
