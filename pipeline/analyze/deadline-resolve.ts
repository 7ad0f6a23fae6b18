/**
 * Time expressions → dates (spec §3). A date without a year is the first such date on or after
 * the base date; relative deadlines count from the base date; a deadline on a day off is not moved.
 */
import { addDays, addMonths, lastDayOfMonth, toDayNumber, ymd, yearOf, daysInMonth, type IsoDate } from '../model/dates.ts';
import type { DeadlineSpec, TimeExpr } from '../validate/deadline-grammar.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';

export interface Resolved {
  deadline: IsoDate | null;
  /** Start of a range (6月-9月 → the 6月 start), else null. */
  start: IsoDate | null;
}

export function resolveDeadline(spec: DeadlineSpec, base: IsoDate, cal: WorkdayCalendar): Resolved {
  return spec.time ? resolveTime(spec.time, base, cal) : { deadline: null, start: null };
}

export function resolveTime(t: TimeExpr, base: IsoDate, cal: WorkdayCalendar): Resolved {
  const by = yearOf(base);
  switch (t.kind) {
    case 'date': {
      if (t.year !== null) return only(ymd(t.year, t.month, t.day));
      // The first 2月29日 on or after the base date may be years away; look ahead to a leap year.
      for (let y = by; y < by + 8; y++) {
        if (t.day > daysInMonth(y, t.month)) continue;
        const d = ymd(y, t.month, t.day);
        if (d >= base) return only(d);
      }
      return only(null);
    }
    case 'monthPart': {
      const at = (y: number) => (t.part === 'end' ? lastDayOfMonth(y, t.month) : ymd(y, t.month, t.part === 'early' ? 10 : 20));
      if (t.year !== null) return only(at(t.year));
      return only(at(by) >= base ? at(by) : at(by + 1));
    }
    case 'monthRange': {
      // The first range whose end is on or after the base date: 11月-2月 written in January is the
      // range that began last November, not one that begins next November.
      const wraps = t.toMonth < t.fromMonth;
      const endIn = (y: number) => (t.toPart ? ymd(y, t.toMonth, t.toPart === 'early' ? 10 : 20) : lastDayOfMonth(y, t.toMonth));
      const toYear = t.toYear ?? (t.year !== null ? t.year + (wraps ? 1 : 0) : endIn(by) >= base ? by : by + 1);
      const fromYear = t.year ?? (wraps ? toYear - 1 : toYear);
      const end = endIn(toYear);
      return { deadline: end, start: ymd(fromYear, t.fromMonth, 1) };
    }
    case 'yearEnd':
      return only(ymd(t.year ?? by, 12, 31));
    case 'workdays':
      return only(cal.addWorkdays(base, t.n));
    case 'days':
      return only(addDays(base, t.n));
    case 'weeks':
      return only(addDays(base, t.n * 7));
    case 'months':
      return only(addMonths(base, t.n));
  }
}

/**
 * Seed 004 art. 22: a meeting decision without a stated deadline is due 10 working days after the
 * minutes are issued (立项日期); annual key work is due at the end of that year; others have none.
 */
export function defaultDeadline(source: string, base: IsoDate | null, cal: WorkdayCalendar): IsoDate | null {
  if (base === null) return null;
  if (source === '会议决策') return cal.addWorkdays(base, 10);
  if (source === '年度重点工作') return ymd(yearOf(base), 12, 31);
  return null;
}

/** Years in [from, to] whose official holiday schedule the calendar does not know. */
export function uncoveredYears(cal: WorkdayCalendar, from: IsoDate, to: IsoDate): number[] {
  const [a, b] = toDayNumber(from) <= toDayNumber(to) ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
  const out: number[] = [];
  for (let y = a; y <= b && out.length < 50; y++) if (!cal.covers(y)) out.push(y);
  return out;
}

/** The uncovered years of several spans, each once, in the order the spans name them. */
export function uncoveredYearsOf(cal: WorkdayCalendar, spans: readonly (readonly [IsoDate, IsoDate])[]): number[] {
  let out: number[] | null = null;
  for (const [from, to] of spans) {
    // Nearly every span lies in years the calendar knows: nothing to list.
    const a = yearOf(from);
    const b = yearOf(to);
    let known = true;
    for (let y = Math.min(a, b); known && y <= Math.max(a, b); y++) known = cal.covers(y);
    if (known) continue;
    for (const y of uncoveredYears(cal, from, to)) if (!(out ??= []).includes(y)) out.push(y);
  }
  return out ?? [];
}

function only(deadline: IsoDate | null): Resolved {
  return { deadline, start: null };
}
