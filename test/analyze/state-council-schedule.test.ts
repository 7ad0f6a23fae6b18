/**
 * The calendar against the State Council's notices (国务院办公厅关于2025年/2026年部分节假日安排的通知),
 * written out here by hand, not taken from the package: every holiday and every make-up working day.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import { addDays } from '../../pipeline/model/dates.ts';

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

const SCHEDULES: Record<number, { off: string[]; work: string[] }> = {
  2025: {
    off: [
      '2025-01-01', // 元旦
      ...range('2025-01-28', '2025-02-04'), // 春节
      ...range('2025-04-04', '2025-04-06'), // 清明节
      ...range('2025-05-01', '2025-05-05'), // 劳动节
      ...range('2025-05-31', '2025-06-02'), // 端午节
      ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明节
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午节
      ...range('2026-09-25', '2026-09-27'), // 中秋节
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe.each(Object.entries(SCHEDULES))('%s', (year, s) => {
  const cal = createCalendar();
  const off = new Set(s.off);
  const work = new Set(s.work);
  it('knows the year', () => expect(cal.covers(Number(year))).toBe(true));
  it.each(s.off)('%s is a holiday', (d) => expect(cal.isWorkday(d)).toBe(false));
  it.each(s.work)('%s is a make-up working day', (d) => expect(cal.isWorkday(d)).toBe(true));
  it('every other day follows Monday–Friday', () => {
    for (const d of range(`${year}-01-01`, `${year}-12-31`)) {
      if (off.has(d) || work.has(d)) continue;
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect(cal.isWorkday(d), d).toBe(dow !== 0 && dow !== 6);
    }
  });
  it('counts the working days of the year', () => {
    const expected = range(`${year}-01-01`, `${year}-12-31`).filter((d) => {
      if (off.has(d)) return false;
      if (work.has(d)) return true;
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      return dow !== 0 && dow !== 6;
    }).length;
    expect(cal.workdaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`)).toBe(expected);
  });
});

describe('counting across the long holidays', () => {
  const cal = createCalendar();
  it.each([
    // 10 working days after a meeting before Spring Festival 2026: 2/10–2/13, 2/14 补班, 2/24–2/27, 2/28 补班.
    ['2026-02-09', 10, '2026-02-28'],
    // Before 中秋 and 国庆 2026: 9/28–9/30, 10/8, 10/9, 10/10 补班, 10/12–10/15.
    ['2026-09-24', 10, '2026-10-15'],
    // 9/28 (Sunday) 补班, 9/29, 9/30, 10/1–10/8 off, 10/9, 10/10, 10/11 (Saturday) 补班, 10/13–10/16.
    ['2025-09-26', 10, '2025-10-16'],
    ['2026-12-31', 1, '2027-01-01'], // 2027 unknown: weekdays only
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i working days → %s', (from, n, to) => {
    expect(cal.addWorkdays(from, n)).toBe(to);
    if (n > 0) expect(cal.workdaysBetween(from, to)).toBe(n);
  });
  it('does not know 2027 until the office adds it', () => {
    expect(cal.covers(2027)).toBe(false);
    const withOverrides = createCalendar([
      { date: '2027-01-01', off: true },
      { date: '2027-02-06', off: false },
    ]);
    expect(withOverrides.covers(2027)).toBe(true);
    expect(withOverrides.isWorkday('2027-01-01')).toBe(false);
    expect(withOverrides.isWorkday('2027-02-06')).toBe(true); // a Saturday made a working day
  });
  it('lets overrides turn a weekday off and a Sunday into a working day', () => {
    const cal2 = createCalendar([
      { date: '2026-12-18', off: true, name: '校庆日' },
      { date: '2026-12-20', off: false },
    ]);
    expect(cal2.isWorkday('2026-12-18')).toBe(false);
    expect(cal2.holidayName('2026-12-18')).toBe('校庆日');
    expect(cal2.isWorkday('2026-12-20')).toBe(true);
    expect(cal2.workdaysBetween('2026-12-17', '2026-12-21')).toBe(2); // 12/20 (补班), 12/21
  });
});
