/** A Monday–Friday calendar for unit tests, so they need not wait for the built-in holiday data. */
import type { WorkdayCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import { addDays, toDayNumber, type IsoDate } from '../../pipeline/model/dates.ts';

export function weekdayCalendar(): WorkdayCalendar {
  // 1970-01-01 was a Thursday: day numbers 2 and 3 (mod 7) are Saturday and Sunday.
  const isWorkday = (d: IsoDate) => ![2, 3].includes(((toDayNumber(d) % 7) + 7) % 7);
  return {
    isWorkday,
    addWorkdays(date, n) {
      let d = date;
      for (let k = 0; k < n; ) if (isWorkday((d = addDays(d, 1)))) k++;
      return d;
    },
    workdaysBetween(from, to) {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d)) n++;
      return n;
    },
    covers: () => false,
    holidayName: () => null,
  };
}
