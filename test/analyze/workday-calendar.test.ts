/**
 * The calendar against the State Council notices, written out by hand from
 * 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号) and
 * 国务院办公厅关于2026年部分节假日安排的通知, not read from the package — so a wrong package fails here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../pipeline/model/dates.ts';

const days = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const weekend = (d: IsoDate) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

const OFFICIAL: Record<number, { holidays: [string, IsoDate, IsoDate][]; makeUp: IsoDate[] }> = {
  2025: {
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    // 1/26 (Sun) and 2/8 (Sat) for 春节; 4/27 (Sun) for 劳动节; 9/28 (Sun) and 10/11 (Sat) for 国庆.
    makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午', '2026-06-19', '2026-06-21'],
      ['中秋', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    // 1/4 (Sun) 元旦; 2/14 (Sat), 2/28 (Sat) 春节; 5/9 (Sat) 劳动节; 9/20 (Sun), 10/10 (Sat) 国庆.
    makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe.each(Object.entries(OFFICIAL))('the State Council schedule for %s', (yearText, { holidays, makeUp }) => {
  const year = Number(yearText);
  const cal = createCalendar();
  const off = new Set(holidays.flatMap(([, a, b]) => days(a, b)));
  const on = new Set(makeUp);

  it('is covered by the built-in data', () => expect(cal.covers(year)).toBe(true));
  it('has every make-up day on a weekend', () => expect(makeUp.every(weekend)).toBe(true));
  it('matches the notice on every day of the year', () => {
    const wrong = days(`${year}-01-01`, `${year}-12-31`).filter((d) => {
      const expected = on.has(d) || (!off.has(d) && !weekend(d));
      return cal.isWorkday(d) !== expected;
    });
    expect(wrong).toEqual([]);
  });
  it.each(holidays)('names %s', (name, from, to) => {
    for (const d of days(from, to)) expect(name).toContain(cal.holidayName(d)?.slice(0, 2));
  });
  it("counts the year's working days with workdaysBetween", () => {
    const expected = days(`${year}-01-01`, `${year}-12-31`).filter((d) => on.has(d) || (!off.has(d) && !weekend(d))).length;
    expect(cal.workdaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(expected);
  });
});

describe('counting across the long holidays', () => {
  const cal = createCalendar();
  it.each([
    // 2026 National Day: 9/29, 9/30, then 10/8, 10/9, 10/10 (Sat, 补班), 10/12–10/16.
    ['2026-09-28', 10, '2026-10-16'],
    // 2026 中秋 + 国庆: 9/24 → 9/28, 9/29, 9/30, 10/8, 10/9, 10/10, 10/12–10/15.
    ['2026-09-24', 10, '2026-10-15'],
    // 2026 Spring Festival: 2/10–2/13, 2/14 (Sat, 补班), then 2/24–2/27, 2/28 (Sat, 补班).
    ['2026-02-09', 10, '2026-02-28'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    // 2025 Spring Festival: 1/26 (Sun, 补班), 1/27, then 2/5–2/7, 2/8 (Sat, 补班), 2/10–2/13.
    ['2025-01-24', 10, '2025-02-13'],
    // 2025 National Day + 中秋 (spec §5's example): 9/28 补班 … 10/11 补班 … 10/16.
    ['2025-09-26', 10, '2025-10-16'],
    ['2025-12-31', 1, '2026-01-04'], // 1/4 (Sun) is 元旦's 补班,
    ['2025-11-25', 0, '2025-11-25'],
  ] as const)('%s + %i working days → %s', (from, n, to) => {
    expect(cal.addWorkdays(from, n)).toBe(to);
    expect(cal.workdaysBetween(from, to)).toBe(n);
  });

  it('counts the half-open interval (from, to]', () => {
    expect(cal.workdaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(cal.workdaysBetween('2026-10-08', '2026-09-30')).toBe(0);
    expect(cal.workdaysBetween('2026-10-08', '2026-10-08')).toBe(0);
    expect(cal.workdaysBetween('2025-12-31', '2026-12-31')).toBe(days('2026-01-01', '2026-12-31').filter((d) => cal.isWorkday(d)).length);
  });
});

describe('overrides', () => {
  it('make 2027 covered once the office adds its schedule', () => {
    expect(createCalendar().covers(2027)).toBe(false);
    const cal = createCalendar([
      { date: '2027-01-01', off: true, name: '元旦' },
      { date: '2027-02-06', off: false, name: '春节' },
    ]);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.covers(2028)).toBe(false);
    expect(cal.isWorkday('2027-01-01')).toBe(false); // a Friday off
    expect(cal.isWorkday('2027-02-06')).toBe(true); // a Saturday on
    expect(cal.holidayName('2027-01-01')).toBe('元旦');
  });

  it('turn a weekday into 休 and a Saturday into 班, and win over the built-in data', () => {
    const cal = createCalendar([
      { date: '2026-12-18', off: true, name: '校庆日' }, // Friday
      { date: '2026-12-19', off: false }, // Saturday
      { date: '2026-10-07', off: false }, // a built-in holiday made a working day
      { date: '2026-10-10', off: true }, // a built-in make-up day cancelled
    ]);
    expect(cal.isWorkday('2026-12-18')).toBe(false);
    expect(cal.holidayName('2026-12-18')).toBe('校庆日');
    expect(cal.isWorkday('2026-12-19')).toBe(true);
    expect(cal.isWorkday('2026-10-07')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.workdaysBetween('2026-12-17', '2026-12-21')).toBe(2); // 12/19, 12/21
    expect(cal.addWorkdays('2026-12-17', 1)).toBe('2026-12-19');
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-07');
    // The built-in calendar is unchanged by another calendar's overrides.
    expect(createCalendar().isWorkday('2026-12-18')).toBe(true);
  });
});

describe('without a known schedule', () => {
  const cal = createCalendar();
  it('counts weekends only, inside and outside the precomputed window', () => {
    expect(cal.covers(2003)).toBe(false);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.addWorkdays('2027-01-01', 1)).toBe('2027-01-04'); // Fri → Mon, no holiday known
    expect(cal.addWorkdays('2099-12-31', 1)).toBe('2100-01-01');
    expect(cal.workdaysBetween('1980-01-01', '1980-01-08')).toBe(5);
    expect(cal.workdaysBetween('2099-12-25', '2100-01-04')).toBe(6);
    expect(cal.holidayName('2027-10-01')).toBeNull();
    expect(cal.holidayName('2026-11-25')).toBeNull();
  });
});

describe('properties', () => {
  const cal = createCalendar([
    { date: '2027-10-01', off: true },
    { date: '2027-09-26', off: false },
  ]);
  const day = fc.integer({ min: toDayNumber('1985-01-01'), max: toDayNumber('2075-12-31') }).map(fromDayNumber);

  it('workdaysBetween(d, addWorkdays(d, n)) === n, and the result is a working day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (d, n) => {
        const end = cal.addWorkdays(d, n);
        expect(cal.workdaysBetween(d, end)).toBe(n);
        if (n > 0) {
          expect(cal.isWorkday(end)).toBe(true);
          expect(cal.workdaysBetween(d, addDays(end, -1))).toBe(n - 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('workdaysBetween agrees with counting isWorkday day by day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -20, max: 120 }), (from, span) => {
        const to = addDays(from, span);
        const naive = span <= 0 ? 0 : days(addDays(from, 1), to).filter((d) => cal.isWorkday(d)).length;
        expect(cal.workdaysBetween(from, to)).toBe(naive);
      }),
      { numRuns: 1000 },
    );
  });

  it('is additive over adjacent intervals', () => {
    fc.assert(
      fc.property(day, fc.nat(800), fc.nat(800), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        expect(cal.workdaysBetween(a, c)).toBe(cal.workdaysBetween(a, b) + cal.workdaysBetween(b, c));
      }),
    );
  });
});

describe('performance', () => {
  it('answers 300,000 questions quickly', () => {
    const cal = createCalendar();
    const t0 = performance.now();
    let sink = 0;
    for (let i = 0; i < 100_000; i++) {
      const d = fromDayNumber(toDayNumber('2020-01-01') + (i % 2500));
      sink += cal.workdaysBetween(d, '2026-06-30');
      sink += cal.addWorkdays(d, 10).length;
      sink += cal.isWorkday(d) ? 1 : 0;
    }
    expect(sink).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
