/**
 * Chinese working days: Monday–Friday, minus the State Council's public holidays, plus its
 * make-up working days (调休), then the office's own 节假日 ledger on top.
 * The official schedules come from the `chinese-days` package (2004 to the latest published year).
 * A window of years is precomputed as a prefix sum, so counting working days is O(1).
 */
import { createRequire } from 'node:module';
import { toDayNumber, fromDayNumber, type IsoDate } from '../model/dates.ts';

export interface CalendarOverride {
  date: IsoDate;
  /** true = day off (休), false = working day (班). */
  off: boolean;
  name?: string;
}

export interface WorkdayCalendar {
  isWorkday(date: IsoDate): boolean;
  /** The n-th working day after `date` (n ≥ 1); n = 0 returns `date`. */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /** Working days in the half-open interval (from, to]; 0 when to ≤ from. */
  workdaysBetween(from: IsoDate, to: IsoDate): number;
  /** Whether the built-in data or the overrides know this year's official schedule. */
  covers(year: number): boolean;
  /** Name of the holiday or make-up day on that date, when known (春节, 国庆节 …). */
  holidayName(date: IsoDate): string | null;
}

interface Official {
  /** day number → true (休) / false (班) */
  days: Map<number, boolean>;
  names: Map<number, string>;
  years: Set<number>;
}

let official: Official | null = null;

/** The package data, read once per process. */
function officialSchedule(): Official {
  if (official) return official;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as Record<'holidays' | 'workdays', Record<string, string>>;
  const days = new Map<number, boolean>();
  const names = new Map<number, string>();
  const years = new Set<number>();
  for (const [kind, off] of [
    ['holidays', true],
    ['workdays', false],
  ] as const) {
    for (const [date, label] of Object.entries(data[kind])) {
      const n = toDayNumber(date);
      days.set(n, off);
      names.set(n, label.split(',')[1] ?? label);
      years.add(Number(date.slice(0, 4)));
    }
  }
  return (official = { days, names, years });
}

const WINDOW_START = toDayNumber('2000-01-01');
const WINDOW_END = toDayNumber('2060-12-31');
const WINDOW = WINDOW_END - WINDOW_START + 1;

/** 1970-01-01 was a Thursday. */
function isWeekend(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow === 0 || dow === 6;
}

export function createCalendar(overrides: readonly CalendarOverride[] = []): WorkdayCalendar {
  const base = officialSchedule();
  const rule = new Map(base.days);
  const names = new Map(base.names);
  const years = new Set(base.years);
  for (const o of overrides) {
    const n = toDayNumber(o.date);
    rule.set(n, o.off);
    if (o.name) names.set(n, o.name);
    years.add(Number(o.date.slice(0, 4)));
  }
  const ruledWorkOn = (day: number): boolean => {
    const r = rule.get(day);
    return r === undefined ? !isWeekend(day) : !r;
  };

  // prefix[i] = working days among the first i days of the window.
  const prefix = new Int32Array(WINDOW + 1);
  for (let i = 0; i < WINDOW; i++) prefix[i + 1] = prefix[i]! + (ruledWorkOn(WINDOW_START + i) ? 1 : 0);
  const inWindow = (day: number) => day >= WINDOW_START && day <= WINDOW_END;
  // Inside the window a day is read off the prefix sums rather than looked up in the rules.
  const workOn = (day: number): boolean => (inWindow(day) ? prefix[day - WINDOW_START + 1]! > prefix[day - WINDOW_START]! : ruledWorkOn(day));

  const countBetween = (from: number, to: number): number => {
    if (to <= from) return 0;
    if (inWindow(from) && inWindow(to)) return prefix[to - WINDOW_START + 1]! - prefix[from - WINDOW_START + 1]!;
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (workOn(d)) n++;
    return n;
  };

  return {
    isWorkday: (date) => workOn(toDayNumber(date)),
    addWorkdays(date, n) {
      let day = toDayNumber(date);
      for (let left = Math.max(0, Math.floor(n)); left > 0; ) {
        day += 1;
        if (workOn(day)) left -= 1;
      }
      return fromDayNumber(day);
    },
    workdaysBetween: (from, to) => countBetween(toDayNumber(from), toDayNumber(to)),
    covers: (year) => years.has(year),
    holidayName: (date) => names.get(toDayNumber(date)) ?? null,
  };
}
