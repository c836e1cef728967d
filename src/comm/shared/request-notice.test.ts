import { DEFAULT_OFFICE_HOURS } from '@contract/office-hours';
import { describeQuietHours, inQuietHours, openNow } from './contact-terms';
import { waitingText } from './request-age';
import { describeReplyPromise, replyNotice, type ReplyTerms } from './request-notice';

// Instants are written with their +08:00 offset (Shanghai wall-clock time), so the expectations hold whatever
// time zone the machine runs in.
const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const oneDay: ReplyTerms = { officeHours: DEFAULT_OFFICE_HOURS, replyPromiseDays: 1 };
const HOURS = '周一至周五 09:00–18:00（法定节假日除外）';

describe('the notice a client reads before sending a request', () => {
  it('inside office hours, names the promise and the reply time', () => {
    const notice = replyNotice(oneDay, at('2026-11-25T10:00:00'));
    expect(notice.open).toBe(true);
    expect(notice.deadline).toBe('2026-11-26T02:00:00.000Z');
    expect(notice.text).toBe('律师承诺 1 个工作日内回复，预计明天 10:00 前回复。');
  });

  it('on a Friday night, says the office opens on Monday and the reply comes by Monday evening', () => {
    const notice = replyNotice(oneDay, at('2026-11-27T22:00:00'));
    expect(notice.open).toBe(false);
    expect(notice.deadline).toBe('2026-11-30T10:00:00.000Z');
    expect(notice.text).toBe(
      `现在是非工作时间，律师的工作时间为${HOURS}。律师将于周一（11月30日）09:00 起处理，` +
        '承诺 1 个工作日内回复，预计周一（11月30日）18:00 前回复。',
    );
  });

  it('skips the National Day holiday', () => {
    const notice = replyNotice(oneDay, at('2026-09-30T20:00:00'));
    expect(notice.deadline).toBe('2026-10-08T10:00:00.000Z');
    expect(notice.text).toContain('律师将于10月8日 09:00 起处理');
    expect(notice.text).toContain('预计10月8日 18:00 前回复');
  });

  it('counts an adjusted working Saturday (调休) as a working day', () => {
    const notice = replyNotice(oneDay, at('2026-10-09T20:00:00'));
    expect(notice.deadline).toBe('2026-10-10T10:00:00.000Z');
    expect(notice.text).toContain('律师将于明天 09:00 起处理');
  });

  it('decides "today" and "tomorrow" by the Shanghai date around midnight', () => {
    expect(replyNotice(oneDay, at('2026-11-25T23:59:00')).text).toContain('律师将于明天 09:00 起处理');
    expect(replyNotice(oneDay, at('2026-11-26T00:00:00')).text).toContain('律师将于今天 09:00 起处理');
  });

  it('counts several working days', () => {
    const notice = replyNotice({ ...oneDay, replyPromiseDays: 3 }, at('2026-11-25T10:00:00'));
    expect(notice.deadline).toBe('2026-11-30T02:00:00.000Z');
    expect(notice.text).toBe('律师承诺 3 个工作日内回复，预计周一（11月30日）10:00 前回复。');
  });

  it('without a promise, says only the office hours', () => {
    const none = { ...oneDay, replyPromiseDays: null };
    expect(replyNotice(none, at('2026-11-25T10:00:00'))).toEqual({
      open: true,
      deadline: null,
      text: `律师的工作时间为${HOURS}。`,
    });
    expect(replyNotice(none, at('2026-11-28T10:00:00')).text).toBe(
      `现在是非工作时间，律师的工作时间为${HOURS}。`,
    );
  });

  it('guesses nothing once the holiday table runs out', () => {
    expect(replyNotice(oneDay, at('2031-03-03T10:00:00'))).toEqual({
      open: null,
      deadline: null,
      text: `律师的工作时间为${HOURS}。`,
    });
  });

  it('gives the same answers in another time zone', () => {
    const saved = process.env.TZ;
    const before = replyNotice(oneDay, at('2026-11-27T22:00:00'));
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(0).getTimezoneOffset()).not.toBe(-480);
      expect(replyNotice(oneDay, at('2026-11-27T22:00:00'))).toEqual(before);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('words the promise', () => {
    expect(describeReplyPromise(2)).toBe('2 个工作日内回复');
    expect(describeReplyPromise(null)).toBe('未承诺回复时限');
  });
});

describe('the contact card', () => {
  it('names the next day for quiet hours across midnight', () => {
    expect(describeQuietHours({ start: '22:00', end: '08:00' })).toBe('22:00–次日08:00 为免打扰时段');
    expect(describeQuietHours({ start: '12:00', end: '14:00' })).toBe('12:00–14:00 为免打扰时段');
  });

  it('tells whether now is inside quiet hours, by the Shanghai clock', () => {
    const quiet = { start: '22:00', end: '08:00' };
    expect(inQuietHours(quiet, at('2026-11-25T23:30:00'))).toBe(true);
    expect(inQuietHours(quiet, at('2026-11-26T07:59:00'))).toBe(true);
    expect(inQuietHours(quiet, at('2026-11-26T08:00:00'))).toBe(false);
    expect(inQuietHours({ start: '12:00', end: '14:00' }, at('2026-11-26T13:00:00'))).toBe(true);
    expect(inQuietHours(null, at('2026-11-25T23:30:00'))).toBe(false);
  });

  it('tells whether the office is open now, and says nothing past the table', () => {
    expect(openNow(DEFAULT_OFFICE_HOURS, at('2026-11-25T09:00:00'))).toBe(true);
    expect(openNow(DEFAULT_OFFICE_HOURS, at('2026-11-25T18:00:00'))).toBe(false);
    expect(openNow(DEFAULT_OFFICE_HOURS, at('2026-10-01T10:00:00'))).toBe(false);
    expect(openNow(DEFAULT_OFFICE_HOURS, at('2031-03-03T10:00:00'))).toBeNull();
  });
});

describe('how long a request has waited', () => {
  const asked = '2026-11-25T02:00:00.000Z';
  const after = (ms: number) => Date.parse(asked) + ms;
  it('counts whole minutes, hours and days', () => {
    expect(waitingText(asked, after(30_000))).toBe('刚刚提交');
    expect(waitingText(asked, after(5 * 60_000))).toBe('已等待 5 分钟');
    expect(waitingText(asked, after(3 * 3600_000 + 59 * 60_000))).toBe('已等待 3 小时');
    expect(waitingText(asked, after(2 * 86_400_000 + 3600_000))).toBe('已等待 2 天');
  });
  it('never says a request from the future has waited', () => {
    expect(waitingText(asked, after(-60_000))).toBe('刚刚提交');
  });
});
