/**
 * Dates are calendar dates in China Standard Time, carried as 'YYYY-MM-DD' strings.
 * Arithmetic goes through day numbers (days since 1970-01-01) so no time zone can shift them.
 */
export type IsoDate = string;

/*
 * Day numbers by arithmetic (H. Hinnant's days_from_civil / civil_from_days), not through Date:
 * analysis converts dates some million times at 100,000 items. Anything out of the plain range
 * (a year before 100, which Date reads as 19xx; a month that is not 1–12; a fractional day) takes
 * the Date path, so every value is what Date gives.
 */

export function toDayNumber(date: IsoDate): number {
  if (date.length === 10) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 100 && m >= 1 && m <= 12 && d >= 0 && d <= 99) return daysFromCivil(y, m, d);
  }
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): IsoDate {
  // 0001-01-01 … 9999-12-31, where toISOString writes four-digit years too.
  if (Number.isInteger(day) && day >= -719_162 && day <= 2_932_896) {
    const { y, m, d } = civilFromDays(day);
    return ymd(y, m, d);
  }
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The number written at [from, to) of `s`, NaN unless all are ASCII digits. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (year ≥ 0); a day past the month's end runs on, as Date.UTC does. */
function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (Number.isInteger(y) && y >= 100 && Number.isInteger(m) && m >= 1 && m <= 12) {
    return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
  }
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function lastDayOfMonth(y: number, m: number): IsoDate {
  return ymd(y, m, daysInMonth(y, m));
}

/** Add calendar months, clamping the day to the target month's end (1月31日 + 1个月 → 2月28/29日). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 2026年11月24日 — Arabic numerals, as GB/T 9704-2012 wants for 成文日期. */
export function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Today in Asia/Shanghai (UTC+8 all year: China has no daylight saving time). */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  const t = now.getTime();
  // What dayjs wrote, without loading it at every start: an invalid date reads "Invalid Date".
  if (Number.isNaN(t)) return 'Invalid Date';
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}
