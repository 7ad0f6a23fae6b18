/**
 * Chinese working days: Monday–Friday, minus the State Council's public holidays, plus its
 * make-up working days (调休), then the office's own 节假日 ledger on top.
 */
import type { IsoDate } from '../model/dates.ts';

export interface CalendarOverride {
  date: IsoDate;
  /** true = day off (休), false = working day (班). */
  off: boolean;
}

export interface WorkdayCalendar {
  isWorkday(date: IsoDate): boolean;
  /** The n-th working day after `date` (n ≥ 1); n = 0 returns `date`. */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /** Working days in the half-open interval (from, to]; 0 when to ≤ from. */
  workdaysBetween(from: IsoDate, to: IsoDate): number;
  /** Whether the built-in data or the overrides know this year's official schedule. */
  covers(year: number): boolean;
  /** Name of the holiday on that date, when known (春节, 国庆节 …). */
  holidayName(date: IsoDate): string | null;
}

export function createCalendar(_overrides: CalendarOverride[] = []): WorkdayCalendar {
  throw new Error('not implemented yet');
}
