/** Day numbers by arithmetic (model/dates.ts) against what Date gives, which they replace. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, fromDayNumber, toDayNumber } from '../../pipeline/model/dates.ts';

const dateToDay = (date: string) => Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
const dateFromDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('day numbers', () => {
  it('agree with Date on every day from 1600 to 2400, both ways', () => {
    for (let day = dateToDay('1600-01-01'); day <= dateToDay('2400-12-31'); day++) {
      const iso = dateFromDay(day);
      if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day) expect([day, fromDayNumber(day), toDayNumber(iso)]).toEqual([day, iso, day]);
    }
  });

  it('agree with Date at the ends of the four-digit years and on odd texts', () => {
    for (const day of [-719_163, -719_162, -719_161, 2_932_896, 2_932_897, 0, -1, 0.5, -0.5]) expect(fromDayNumber(day)).toBe(dateFromDay(day));
    for (const text of ['0026-01-01', '0099-12-31', '0100-03-01', '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-00', '2026-1-5', ' 2026-11-25', '2026/11/25', '20261125', 'abcd-ef-gh', '']) {
      expect(Object.is(toDayNumber(text), dateToDay(text))).toBe(true);
    }
    fc.assert(fc.property(fc.string({ minLength: 8, maxLength: 12 }), (text) => Object.is(toDayNumber(text), dateToDay(text))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        return toDayNumber(text) === dateToDay(text);
      }),
    );
  });

  it('month lengths agree with Date', () => {
    for (let y = 0; y <= 2500; y++) for (let m = -1; m <= 14; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    for (const [y, m] of [
      [2026.5, 2],
      [2026, 2.5],
      [NaN, 1],
    ] as const)
      expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
  });
});
