import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CN_WORKDAY_YEARS } from './data/cn-workdays';
import {
  CALENDAR_COVERAGE,
  DEFAULT_OFFICE_HOURS,
  dayKind,
  describeDeadline,
  describeOfficeHours,
  isOpen,
  nextOpening,
  replyDeadline,
  shanghaiDate,
  shanghaiParts,
} from './office-hours';
import type { OfficeHours } from './office-hours';

// Inputs are written in Shanghai time (+08:00); expected instants are spelled out in UTC so that no expectation
// is computed by the code under test or by the machine's time zone.
const hours = DEFAULT_OFFICE_HOURS;
const oneDay = (at: string) => replyDeadline(at, hours, 1);

describe('the holiday table', () => {
  const dates = (from: string, to: string) => {
    const out: string[] = [];
    for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
      out.push(new Date(at).toISOString().slice(0, 10));
    }
    return out;
  };
  const isRealDate = (date: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

  it('covers consecutive years, each once, each with a source', () => {
    const years = CN_WORKDAY_YEARS.map((year) => year.year);
    expect(years).toEqual(years.map((_, i) => years[0] + i));
    expect(CALENDAR_COVERAGE.firstYear).toBe(years[0]);
    expect(CALENDAR_COVERAGE.lastYear).toBe(years[years.length - 1]);
    for (const year of CN_WORKDAY_YEARS) expect(year.source.length).toBeGreaterThan(10);
  });

  it.each(CN_WORKDAY_YEARS.map((year) => [year.year, year] as const))(
    '%s: every date is a real day of its year; days off and 调休 days never overlap; 调休 falls on a weekend',
    (_, year) => {
      const problems: string[] = [];
      const off = new Set<string>();
      for (const period of year.holidays) {
        for (const date of [period.from, period.to]) {
          if (!isRealDate(date) || !date.startsWith(`${year.year}-`)) problems.push(`${period.name} ${date}`);
        }
        if (period.from > period.to) problems.push(`${period.name} ends before it starts`);
        for (const date of dates(period.from, period.to)) {
          if (off.has(date)) problems.push(`${date} is listed twice`);
          off.add(date);
        }
      }
      for (const adjusted of year.adjustedWorkdays) {
        if (!isRealDate(adjusted.date) || !adjusted.date.startsWith(`${year.year}-`)) {
          problems.push(`调休 ${adjusted.date}`);
        }
        if (off.has(adjusted.date)) problems.push(`${adjusted.date} is both a day off and a working day`);
        if (weekday(adjusted.date) < 6)
          problems.push(`${adjusted.date} is a weekday, not a 调休 weekend day`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('holds the State Council notice for 2026 as published', () => {
    const year2026 = CN_WORKDAY_YEARS.find((year) => year.year === 2026);
    expect(year2026?.status).toBe('official');
    const daysOff = year2026?.holidays.flatMap((period) => dates(period.from, period.to)) ?? [];
    expect(daysOff).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(year2026?.adjustedWorkdays.map((adjusted) => adjusted.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('still covers this year officially and next year at least provisionally', () => {
    const thisYear = Number(shanghaiDate(Date.now()).slice(0, 4));
    const problems: string[] = [];
    if (CALENDAR_COVERAGE.lastYear < thisYear + 1) {
      problems.push(
        `contract/data/cn-workdays.ts ends in ${CALENDAR_COVERAGE.lastYear}: add ${thisYear + 1} from the State ` +
          `Council's notice (国务院办公厅关于${thisYear + 1}年部分节假日安排的通知), or its statutory holidays as a ` +
          `provisional year until the notice is out. Reply deadlines throw CALENDAR_EXHAUSTED past the table.`,
      );
    }
    if (CALENDAR_COVERAGE.provisionalYears.includes(thisYear)) {
      problems.push(
        `${thisYear} is still provisional in contract/data/cn-workdays.ts: replace it with the State Council's ` +
          `notice for ${thisYear} (its bridge days and 调休 working days are missing).`,
      );
    }
    expect(problems).toEqual([]);
  });
});

describe('dayKind', () => {
  it.each([
    ['2026-11-27', 'workday'], // Friday
    ['2026-11-28', 'weekend'],
    ['2026-11-29', 'weekend'],
    ['2026-10-01', 'holiday'],
    ['2026-10-07', 'holiday'], // a Wednesday, off for National Day
    ['2026-10-08', 'workday'],
    ['2026-10-10', 'adjustedWorkday'], // Saturday
    ['2026-09-20', 'adjustedWorkday'], // Sunday
    ['2026-02-14', 'adjustedWorkday'],
    ['2026-02-23', 'holiday'], // a Monday, last day of Spring Festival
    ['2027-02-05', 'holiday'], // 除夕, provisional year
    ['2027-02-09', 'workday'],
  ])('%s is a %s', (date, kind) => {
    expect(dayKind(date)).toBe(kind);
  });

  it('refuses dates the table does not cover, and dates that do not exist', () => {
    expect(() => dayKind('2028-01-03')).toThrow(new RangeError('CALENDAR_EXHAUSTED'));
    expect(() => dayKind('2025-12-31')).toThrow(new RangeError('CALENDAR_EXHAUSTED'));
    expect(() => dayKind('2026-02-30')).toThrow(RangeError);
    expect(() => dayKind('2026-2-3')).toThrow(RangeError);
  });
});

describe('isOpen', () => {
  it.each([
    ['2026-11-30T09:00:00+08:00', true], // Monday, opening minute
    ['2026-11-30T08:59:59.999+08:00', false],
    ['2026-11-30T17:59:59+08:00', true],
    ['2026-11-30T18:00:00+08:00', false], // closing time is closed
    ['2026-11-30T01:00:00Z', true], // 09:00 in Shanghai, 01:00 in UTC
    ['2026-11-29T20:00:00Z', false], // Monday 04:00 in Shanghai
    ['2026-11-27T10:00:00Z', false], // Friday 18:00 in Shanghai, 10:00 in UTC
    ['2026-11-28T10:00:00+08:00', false], // Saturday
    ['2026-10-10T10:00:00+08:00', true], // 调休 Saturday
    ['2026-10-08T10:00:00+08:00', true],
    ['2026-10-07T10:00:00+08:00', false], // National Day, a Wednesday
    ['2026-02-28T10:00:00+08:00', true], // 调休 Saturday after Spring Festival
  ])('at %s: %s', (at, open) => {
    expect(isOpen(at, hours)).toBe(open);
  });

  it('takes epoch milliseconds as well as ISO strings', () => {
    expect(isOpen(Date.UTC(2026, 10, 30, 1, 0), hours)).toBe(true);
    expect(isOpen(Date.UTC(2026, 10, 30, 10, 0), hours)).toBe(false);
  });

  it('opens on a 调休 day even when its weekday is not an office day, and never on a holiday', () => {
    const saturdays: OfficeHours = { days: [6], start: '10:00', end: '12:00' };
    expect(isOpen('2026-10-10T11:00:00+08:00', saturdays)).toBe(true);
    expect(isOpen('2026-10-03T11:00:00+08:00', saturdays)).toBe(false); // Saturday in the National Day break
    expect(isOpen('2026-10-09T11:00:00+08:00', saturdays)).toBe(false); // Friday
  });
});

describe('nextOpening', () => {
  it.each([
    ['2026-11-30T10:15:30.250+08:00', '2026-11-30T02:15:30.250Z'], // open now: the same instant
    ['2026-11-30T09:00:00+08:00', '2026-11-30T01:00:00.000Z'],
    ['2026-11-30T07:30:00+08:00', '2026-11-30T01:00:00.000Z'], // early: opens today
    ['2026-11-30T18:00:00+08:00', '2026-12-01T01:00:00.000Z'], // at closing: tomorrow
    ['2026-11-27T23:59:00+08:00', '2026-11-30T01:00:00.000Z'], // Friday night: Monday
    ['2026-09-30T19:00:00+08:00', '2026-10-08T01:00:00.000Z'], // before the National Day break
    ['2026-10-09T20:00:00+08:00', '2026-10-10T01:00:00.000Z'], // the 调休 Saturday
  ])('after %s: %s', (at, opening) => {
    expect(nextOpening(at, hours)).toBe(opening);
  });
});

describe('replyDeadline', () => {
  it.each([
    // [received (Shanghai), due (UTC), due in Shanghai]
    ['2026-11-27T22:00:00+08:00', '2026-11-30T10:00:00.000Z'], // Friday night → Monday 18:00
    ['2026-11-27T23:59:00+08:00', '2026-11-30T10:00:00.000Z'], // Friday 23:59 → Monday 18:00
    ['2026-11-30T00:00:00+08:00', '2026-11-30T10:00:00.000Z'], // Monday midnight → Monday 18:00
    ['2026-11-29T16:30:00Z', '2026-11-30T10:00:00.000Z'], // Monday 00:30, still Sunday in UTC
    ['2026-12-01T15:00:00+08:00', '2026-12-02T07:00:00.000Z'], // Tuesday 15:00 → Wednesday 15:00
    ['2026-12-01T09:00:00+08:00', '2026-12-01T10:00:00.000Z'], // Tuesday 09:00 → Tuesday 18:00
    ['2026-12-01T18:00:00+08:00', '2026-12-02T10:00:00.000Z'], // Tuesday at closing → Wednesday 18:00
    ['2026-12-01T17:59:00+08:00', '2026-12-02T09:59:00.000Z'], // Tuesday 17:59 → Wednesday 17:59
    ['2026-09-30T17:00:00+08:00', '2026-10-08T09:00:00.000Z'], // National Day: Wednesday → Thursday 10-08 17:00
    ['2026-10-09T20:00:00+08:00', '2026-10-10T10:00:00.000Z'], // Friday night → 调休 Saturday 18:00
    ['2026-10-09T15:00:00+08:00', '2026-10-10T07:00:00.000Z'], // Friday 15:00 → 调休 Saturday 15:00
    ['2026-02-13T17:00:00+08:00', '2026-02-14T09:00:00.000Z'], // before Spring Festival → 调休 Saturday 17:00
    ['2026-02-14T20:00:00+08:00', '2026-02-24T10:00:00.000Z'], // Spring Festival 02-15..23 → Tuesday 18:00
    ['2026-02-27T16:00:00+08:00', '2026-02-28T08:00:00.000Z'], // Friday → 调休 Saturday 16:00
    ['2026-09-19T10:00:00+08:00', '2026-09-20T10:00:00.000Z'], // Saturday → 调休 Sunday 18:00
  ])('a message at %s is due by %s (1 working day)', (at, due) => {
    expect(oneDay(at)).toBe(due);
  });

  it('counts several working days, skipping weekends, holidays and crossing into 调休 days', () => {
    // Tuesday 15:00 + 3 days: Tue 3h, Wed 9h, Thu 9h, Fri–Sun Mid-Autumn, Monday 6h → Monday 15:00.
    expect(replyDeadline('2026-09-22T15:00:00+08:00', hours, 3)).toBe('2026-09-28T07:00:00.000Z');
    // Thursday 10:00 + 5 days: Labour Day 05-01..05 off, 调休 Saturday 05-09 counts → Monday 05-11 10:00.
    expect(replyDeadline('2026-04-30T10:00:00+08:00', hours, 5)).toBe('2026-05-11T02:00:00.000Z');
    // Friday night + 2 days → Tuesday 18:00.
    expect(replyDeadline('2026-11-27T22:00:00+08:00', hours, 2)).toBe('2026-12-01T10:00:00.000Z');
  });

  it('uses the length of the firm’s own office day', () => {
    const mornings: OfficeHours = { days: [1, 2, 3, 4, 5, 6], start: '08:30', end: '12:00' };
    // Saturday 11:00 (1h left) + 1 day of 3.5h: Sunday closed → Monday 11:00.
    expect(replyDeadline('2026-11-28T11:00:00+08:00', mornings, 1)).toBe('2026-11-30T03:00:00.000Z');
  });

  it('throws CALENDAR_EXHAUSTED instead of guessing past the table', () => {
    expect(replyDeadline('2027-12-30T10:00:00+08:00', hours, 1)).toBe('2027-12-31T02:00:00.000Z');
    expect(() => replyDeadline('2027-12-31T10:00:00+08:00', hours, 1)).toThrow(
      new RangeError('CALENDAR_EXHAUSTED'),
    );
    expect(() => replyDeadline('2027-12-31T19:00:00+08:00', hours, 1)).toThrow(
      new RangeError('CALENDAR_EXHAUSTED'),
    );
  });

  it('refuses impossible hours, promises and instants', () => {
    const at = '2026-12-01T10:00:00+08:00';
    expect(() => replyDeadline(at, { days: [], start: '09:00', end: '18:00' }, 1)).toThrow(RangeError);
    expect(() => replyDeadline(at, { days: [1], start: '18:00', end: '09:00' }, 1)).toThrow(RangeError);
    expect(() => replyDeadline(at, { days: [1], start: '09:00', end: '09:00' }, 1)).toThrow(RangeError);
    expect(() => replyDeadline(at, { days: [8], start: '09:00', end: '18:00' }, 1)).toThrow(RangeError);
    expect(() => replyDeadline(at, { days: [1], start: '9:00', end: '18:00' }, 1)).toThrow(RangeError);
    expect(() => replyDeadline(at, hours, 0)).toThrow(RangeError);
    expect(() => replyDeadline(at, hours, 1.5)).toThrow(RangeError);
    // Without an offset the instant would mean a different moment on every device.
    expect(() => replyDeadline('2026-12-01T10:00:00', hours, 1)).toThrow(new RangeError('INVALID_INSTANT'));
    expect(() => replyDeadline('2026-02-30T10:00:00Z', hours, 1)).toThrow(RangeError);
    expect(() => replyDeadline(Number.NaN, hours, 1)).toThrow(RangeError);
  });
});

describe('Shanghai wall-clock parts', () => {
  it('reads the Shanghai date, time and weekday, not the UTC ones', () => {
    expect(shanghaiParts('2026-11-29T16:30:00Z')).toEqual({ date: '2026-11-30', time: '00:30', weekday: 1 });
    expect(shanghaiParts('2026-11-29T15:59:59Z')).toEqual({ date: '2026-11-29', time: '23:59', weekday: 7 });
    expect(shanghaiParts(Date.UTC(2026, 11, 31, 16, 0))).toEqual({
      date: '2027-01-01',
      time: '00:00',
      weekday: 5,
    });
    expect(shanghaiDate('2026-12-31T23:30:00-05:00')).toBe('2027-01-01');
  });
});

describe('describeDeadline', () => {
  const now = '2026-11-28T12:00:00+08:00'; // Saturday
  it.each([
    ['2026-11-28T18:00:00+08:00', '今天 18:00 前'],
    ['2026-11-29T18:00:00+08:00', '明天 18:00 前'],
    ['2026-11-30T18:00:00+08:00', '周一（11月30日）18:00 前'],
    ['2026-12-03T18:00:00+08:00', '周四（12月3日）18:00 前'],
    ['2026-12-08T18:00:00+08:00', '12月8日 18:00 前'],
    ['2027-01-05T17:00:00+08:00', '2027年1月5日 17:00 前'],
    ['2026-11-27T18:00:00+08:00', '昨天 18:00 前'],
  ])('%s from Saturday noon: %s', (deadline, text) => {
    expect(describeDeadline(deadline, now)).toBe(text);
  });

  it('decides "today" by the Shanghai date', () => {
    // 00:30 Saturday in Shanghai is still Friday in UTC.
    expect(describeDeadline('2026-11-28T10:00:00Z', '2026-11-27T16:30:00Z')).toBe('今天 18:00 前');
    expect(describeDeadline('2026-11-28T10:00:00Z', '2026-11-27T15:30:00Z')).toBe('明天 18:00 前');
  });
});

describe('describeOfficeHours', () => {
  it.each([
    [[1, 2, 3, 4, 5], '周一至周五 09:00–18:00（法定节假日除外）'],
    [[5, 4, 3, 2, 1], '周一至周五 09:00–18:00（法定节假日除外）'],
    [[1, 2, 3, 4, 5, 6], '周一至周六 09:00–18:00（法定节假日除外）'],
    [[1, 3, 5], '周一、周三、周五 09:00–18:00（法定节假日除外）'],
    [[6, 7], '周六、周日 09:00–18:00（法定节假日除外）'],
    [[1, 2, 3, 4, 5, 6, 7], '每天 09:00–18:00（法定节假日除外）'],
  ])('%j', (days, text) => {
    expect(describeOfficeHours({ days, start: '09:00', end: '18:00' })).toBe(text);
  });
});

describe('independence from the machine’s time zone', () => {
  const answers = () => ({
    fridayNight: oneDay('2026-11-27T22:00:00+08:00'),
    nationalDay: oneDay('2026-09-30T17:00:00+08:00'),
    adjustedSaturday: oneDay('2026-10-09T20:00:00+08:00'),
    mondayMidnightUtcSunday: oneDay('2026-11-29T16:30:00Z'),
    openAtNineShanghai: isOpen('2026-11-30T01:00:00Z', hours),
    opening: nextOpening('2026-11-27T23:59:00+08:00', hours),
    parts: shanghaiParts('2026-11-29T16:30:00Z'),
    today: describeDeadline('2026-11-28T10:00:00Z', '2026-11-27T16:30:00Z'),
  });
  const expected = {
    fridayNight: '2026-11-30T10:00:00.000Z',
    nationalDay: '2026-10-08T09:00:00.000Z',
    adjustedSaturday: '2026-10-10T10:00:00.000Z',
    mondayMidnightUtcSunday: '2026-11-30T10:00:00.000Z',
    openAtNineShanghai: true,
    opening: '2026-11-30T01:00:00.000Z',
    parts: { date: '2026-11-30', time: '00:30', weekday: 1 },
    today: '今天 18:00 前',
  };

  it('gives the expected answers in this jest process', () => {
    expect(answers()).toEqual(expected);
  });

  // Jest sandboxes process.env, so TZ cannot be switched in this process: fresh node processes run instead.
  it.each([
    ['UTC', 0],
    ['Asia/Shanghai', 8],
    ['America/Los_Angeles', 16],
  ])('gives the same answers in a fresh node process with TZ=%s', (zone, localHour) => {
    const root = path.resolve(__dirname, '..');
    const script = [
      `import * as office from ${JSON.stringify(path.join(__dirname, 'office-hours.ts'))};`,
      `const hours = office.DEFAULT_OFFICE_HOURS;`,
      `console.log(JSON.stringify({`,
      `  fridayNight: office.replyDeadline('2026-11-27T22:00:00+08:00', hours, 1),`,
      `  nationalDay: office.replyDeadline('2026-09-30T17:00:00+08:00', hours, 1),`,
      `  adjustedSaturday: office.replyDeadline('2026-10-09T20:00:00+08:00', hours, 1),`,
      `  mondayMidnightUtcSunday: office.replyDeadline('2026-11-29T16:30:00Z', hours, 1),`,
      `  openAtNineShanghai: office.isOpen('2026-11-30T01:00:00Z', hours),`,
      `  opening: office.nextOpening('2026-11-27T23:59:00+08:00', hours),`,
      `  parts: office.shanghaiParts('2026-11-29T16:30:00Z'),`,
      `  today: office.describeDeadline('2026-11-28T10:00:00Z', '2026-11-27T16:30:00Z'),`,
      `  localHour: new Date(0).getHours(),`,
      `}));`,
    ].join('\n');
    const output = execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['-e', script], {
      cwd: root,
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    // localHour shows the zone really applied in the child, so equal answers mean zone-free code.
    expect(JSON.parse(output)).toEqual({ ...expected, localHour });
  });
});
