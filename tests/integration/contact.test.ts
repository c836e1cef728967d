import type { ActionInput } from '../../contract/index';
import { DEFAULT_QUIET_HOURS } from '../../contract/limits';
import { DEFAULT_OFFICE_HOURS } from '../../contract/office-hours';
import { DEFAULT_CONTACT } from '../../contract/session';
import { addMember } from '../../server/cases/cases.store';
import { ADMIN, openHarness, setUpFirm, type Firm, type Harness } from '../fixtures/api-harness';

let h: Harness;
let firm: Firm;
beforeEach(async () => {
  h = await openHarness();
  firm = await setUpFirm(h);
});
afterEach(() => h.close());

const practice = { name: '张律师', firm: '示例律师事务所', licenseNo: '13101201810000001' };

const fullProfile = {
  ...practice,
  phone: '138 0013 8000',
  quietHours: { start: '21:30', end: '07:30' },
  officeHours: { days: [6, 1, 3], start: '08:30', end: '17:30' },
  replyPromiseDays: 2,
  contact: {
    showPhone: true,
    wechatId: 'zhang_lawyer',
    showWechat: true,
    officeAddress: '上海市浦东新区世纪大道 100 号 20 楼',
    showAddress: true,
  },
} satisfies ActionInput<'profile.update'>;

const profileOf = async (subject: string) => (await h.ok(subject, 'session.me', {})).profile;

async function expectRejected(subject: string, payload: unknown, code: string) {
  const before = await h.counts();
  const profile = await profileOf(subject);
  const error = await h.err(subject, 'profile.update', payload);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await h.counts()).toEqual(before);
  expect(await profileOf(subject)).toEqual(profile);
  return error;
}

describe('profile.update: office hours, reply promise and contact card', () => {
  it('stores the defaults when they are omitted', async () => {
    // setUpFirm's profile names only the practice details and no phone.
    expect(await profileOf(firm.lawyer)).toEqual({
      ...practice,
      phone: null,
      quietHours: DEFAULT_QUIET_HOURS,
      officeHours: DEFAULT_OFFICE_HOURS,
      replyPromiseDays: 1,
      contact: DEFAULT_CONTACT,
    });
  });

  it('round-trips every field through session.me (days in week order), and null for no promise', async () => {
    const me = await h.ok(firm.lawyer, 'profile.update', fullProfile);
    const expected = { ...fullProfile, officeHours: { days: [1, 3, 6], start: '08:30', end: '17:30' } };
    expect(me.profile).toEqual(expected);
    expect(await profileOf(firm.lawyer)).toEqual(expected);
    await h.ok(firm.lawyer, 'profile.update', { ...fullProfile, replyPromiseDays: null, quietHours: null });
    expect(await profileOf(firm.lawyer)).toMatchObject({ replyPromiseDays: null, quietHours: null });
  });

  it('refuses to show a contact detail that is not filled in', async () => {
    const error = await expectRejected(
      firm.lawyer,
      {
        ...practice,
        phone: null,
        contact: {
          showPhone: true,
          wechatId: null,
          showWechat: true,
          officeAddress: '  ',
          showAddress: true,
        },
      },
      'PROFILE.CONTACT_MISSING',
    );
    expect(error.issues?.map((i) => i.path)).toEqual(['phone', 'contact.wechatId', 'contact.officeAddress']);
    const phoneOnly = await expectRejected(
      firm.lawyer,
      { ...fullProfile, phone: null, contact: { ...fullProfile.contact, showPhone: true } },
      'PROFILE.CONTACT_MISSING',
    );
    expect(phoneOnly.issues).toEqual([{ path: 'phone', message: '请填写要向客户展示的电话' }]);
  });

  it('refuses office hours that end before they start, name no day, or name a day twice', async () => {
    for (const officeHours of [
      { days: [1, 2, 3], start: '18:00', end: '09:00' },
      { days: [1, 2, 3], start: '09:00', end: '09:00' },
      { days: [], start: '09:00', end: '18:00' },
      { days: [1, 1], start: '09:00', end: '18:00' },
      { days: [0, 1], start: '09:00', end: '18:00' },
      { days: [8], start: '09:00', end: '18:00' },
      { days: [1], start: '9:00', end: '18:00' },
      { days: [1], start: '09:00', end: '24:00' },
    ]) {
      const error = await expectRejected(firm.lawyer, { ...fullProfile, officeHours }, 'INVALID_ARGUMENT');
      expect(error.issues?.[0].path).toMatch(/^officeHours/);
    }
  });

  it('refuses a reply promise outside 1–5 working days and a malformed WeChat id', async () => {
    for (const replyPromiseDays of [0, 6, 1.5]) {
      await expectRejected(firm.lawyer, { ...fullProfile, replyPromiseDays }, 'INVALID_ARGUMENT');
    }
    await expectRejected(
      firm.lawyer,
      { ...fullProfile, contact: { ...fullProfile.contact, wechatId: '微信号' } },
      'INVALID_ARGUMENT',
    );
  });
});

describe('case.contact', () => {
  it('shows name and firm, and a detail only once the lawyer chose to show it', async () => {
    await h.ok(firm.lawyer, 'profile.update', {
      ...fullProfile,
      contact: { ...fullProfile.contact, showPhone: false, showWechat: false, showAddress: false },
    });
    const lawyerId = (await h.ok(firm.lawyer, 'session.me', {})).userId;
    const hidden = await h.ok(firm.client, 'case.contact', { caseId: firm.caseId });
    expect(hidden.lawyers).toEqual([
      {
        userId: lawyerId,
        name: '张律师',
        firm: '示例律师事务所',
        phone: null,
        wechatId: null,
        officeAddress: null,
        officeHours: { days: [1, 3, 6], start: '08:30', end: '17:30' },
        replyPromiseDays: 2,
        quietHours: { start: '21:30', end: '07:30' },
      },
    ]);

    await h.ok(firm.lawyer, 'profile.update', {
      ...fullProfile,
      contact: { ...fullProfile.contact, showAddress: false },
    });
    const shown = await h.ok(firm.client, 'case.contact', { caseId: firm.caseId });
    expect(shown.lawyers[0]).toMatchObject({
      phone: '138 0013 8000',
      wechatId: 'zhang_lawyer',
      officeAddress: null,
    });
    // The lawyer sees their card as the clients do.
    expect(await h.ok(firm.lawyer, 'case.contact', { caseId: firm.caseId })).toEqual(shown);
  });

  it('shows the defaults of a lawyer who filled in nothing beyond the practice details', async () => {
    const [card] = (await h.ok(firm.client, 'case.contact', { caseId: firm.caseId })).lawyers;
    expect(card).toMatchObject({
      name: '张律师',
      phone: null,
      wechatId: null,
      officeAddress: null,
      officeHours: DEFAULT_OFFICE_HOURS,
      replyPromiseDays: 1,
      quietHours: DEFAULT_QUIET_HOURS,
    });
  });

  it('lists the lawyer who opened the case first; a lawyer without a profile by name, with the defaults', async () => {
    const invite = await h.ok(ADMIN, 'admin.inviteLawyer', { name: '赵律师' });
    const second = 'wx:o-lawyer-zhao';
    await h.ok(second, 'invite.redeem', { code: invite.code });
    await h.ok(ADMIN, 'admin.confirmLawyer', { inviteId: invite.inviteId });
    const secondId = (await h.ok(second, 'session.me', {})).userId;
    // No action adds a second lawyer to a case yet: the membership is written as the kernel would.
    h.advance(60_000);
    await h.db.transaction().execute((trx) =>
      addMember(
        trx,
        {
          caseId: firm.caseId,
          userId: secondId,
          role: 'lawyer',
          now: h.now().toISOString(),
          inviteId: null,
        },
        { type: 'member.joined', actorId: secondId, payload: { userId: secondId, role: 'lawyer' } },
      ),
    );
    const { lawyers } = await h.ok(firm.client, 'case.contact', { caseId: firm.caseId });
    expect(lawyers.map((l) => l.name)).toEqual(['张律师', '赵律师']);
    expect(lawyers[1]).toEqual({
      userId: secondId,
      name: '赵律师',
      firm: '',
      phone: null,
      wechatId: null,
      officeAddress: null,
      officeHours: DEFAULT_OFFICE_HOURS,
      replyPromiseDays: 1,
      quietHours: DEFAULT_QUIET_HOURS,
    });
  });

  it('hides the case from people who are not its members', async () => {
    const other = await setUpFirm(h, '-other');
    for (const subject of [other.client, other.lawyer]) {
      expect((await h.err(subject, 'case.contact', { caseId: firm.caseId })).code).toBe('NOT_FOUND');
    }
  });
});
