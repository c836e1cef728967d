/**
 * Mainland China public holidays (放假) and adjusted working days (调休上班), one entry per year, as the State
 * Council's General Office announces them each year (usually in November or December for the next year).
 *
 * A `provisional` year holds only the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) and no
 * adjusted working days, because the year's notice is not out yet. Replace it with the official notice as soon
 * as it is published: the real arrangement adds bridge days and 调休 Saturdays/Sundays that change deadlines.
 * `office-hours.test.ts` fails once the current year is provisional or the table has no year after it.
 */

export interface HolidayPeriod {
  /** The festival, as the notice names it. */
  name: string;
  /** First and last day off, 'YYYY-MM-DD', inclusive. */
  from: string;
  to: string;
}

export interface AdjustedWorkday {
  /** A Saturday or Sunday that is a working day (调休上班). */
  date: string;
  /** The festival it makes up for. */
  for: string;
}

export interface WorkdayYear {
  year: number;
  status: 'official' | 'provisional';
  source: string;
  holidays: HolidayPeriod[];
  adjustedWorkdays: AdjustedWorkday[];
}

export const CN_WORKDAY_YEARS: readonly WorkdayYear[] = [
  {
    year: 2026,
    status: 'official',
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    adjustedWorkdays: [
      { date: '2026-01-04', for: '元旦' },
      { date: '2026-02-14', for: '春节' },
      { date: '2026-02-28', for: '春节' },
      { date: '2026-05-09', for: '劳动节' },
      { date: '2026-09-20', for: '国庆节' },
      { date: '2026-10-10', for: '国庆节' },
    ],
  },
  {
    // PROVISIONAL: replace with the State Council's notice for 2027 when it is published.
    year: 2027,
    status: 'provisional',
    source:
      '《全国年节及纪念日放假办法》（2024年修订）法定假日；国务院办公厅2027年节假日安排通知尚未发布，发布后须替换',
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    adjustedWorkdays: [],
  },
];
