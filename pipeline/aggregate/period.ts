/**
 * Reporting periods (seed 003 art. 5: monthly, quarterly and half-yearly supervision, plus the
 * year for the annual assessment, seed 004 art. 25). A period is a closed range of calendar days;
 * its Chinese label goes into file names and titles, so it must be stable.
 */
import { addDays, lastDayOfMonth, ymd, type IsoDate } from '../model/dates.ts';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  /** Canonical id: '2026-11', '2026Q4', '2026H2', '2026'. Seeds the 回访复查 sample. */
  id: string;
  kind: PeriodKind;
  /** '2026年11月' · '2026年第四季度' · '2026年下半年' · '2026年'. */
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** The months covered, 'YYYY-MM', oldest first. */
  months: string[];
}

export interface PeriodError {
  error: string;
}

const QUARTER_WORDS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const HALF_WORDS = ['上半年', '下半年'] as const;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export function isPeriodError(p: Period | PeriodError): p is PeriodError {
  return 'error' in p;
}

/**
 * '2026-11' (also '2026-1', '2026/11', '202611'), '2026Q4', '2026H2', '2026'; case and surrounding
 * spaces do not matter. Anything else is an error value whose message lists the accepted forms.
 */
export function parsePeriod(text: string): Period | PeriodError {
  const s = foldWidth(text).trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s))) return monthPeriod(Number(m[1]), Number(m[2]), text);
  if ((m = /^(\d{4})\s*Q([1-4])$/.exec(s))) return checkYear(Number(m[1]), text) ?? quarterPeriod(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})\s*H([12])$/.exec(s))) return checkYear(Number(m[1]), text) ?? halfPeriod(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})$/.exec(s))) return checkYear(Number(m[1]), text) ?? yearPeriod(Number(m[1]));
  return { error: `无法识别的统计期间「${text}」。可用格式：2026-11（月）、2026Q4（季度）、2026H2（半年）、2026（全年）。` };
}

/** The month that contains the given date: the default period of `duban report`. */
export function periodOfMonth(asOf: IsoDate): Period {
  const p = monthPeriod(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), asOf);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

/** Days after a month's end that units have to send their 落实情况 when office.json gives none. */
export const DEFAULT_SUBMIT_DAYS = 5;

/**
 * The month a build reports on, and the latest 通报 of each edition. A month is reported once it
 * is over; until its report is due (reportSubmitDays calendar days after its last day), the build
 * keeps showing the month just finished, as of its last day, rather than a few days of the new
 * month ("按期办结率0%" on the 1st). From the day after, the month under way is the latest,
 * shown as such (截至 the as-of date).
 */
export function reportMonthOf(asOf: IsoDate, submitDays: number | null | undefined): Period {
  const days = submitDays ?? DEFAULT_SUBMIT_DAYS;
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const prev = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const due = addDays(lastDayOfMonth(prev.y, prev.m), days);
  return asOf <= due ? periodOfMonth(ymd(prev.y, prev.m, 1)) : periodOfMonth(asOf);
}

function monthPeriod(y: number, mo: number, text: string): Period | PeriodError {
  const bad = checkYear(y, text);
  if (bad) return bad;
  if (mo < 1 || mo > 12) return { error: `统计期间「${text}」的月份应在1至12之间。` };
  return span(`${y}-${pad(mo)}`, 'month', `${y}年${mo}月`, y, mo, mo);
}

function quarterPeriod(y: number, q: number): Period {
  return span(`${y}Q${q}`, 'quarter', `${y}年${QUARTER_WORDS[q - 1]}`, y, q * 3 - 2, q * 3);
}

function halfPeriod(y: number, h: number): Period {
  return span(`${y}H${h}`, 'half', `${y}年${HALF_WORDS[h - 1]}`, y, h * 6 - 5, h * 6);
}

function yearPeriod(y: number): Period {
  return span(`${y}`, 'year', `${y}年`, y, 1, 12);
}

function span(id: string, kind: PeriodKind, label: string, y: number, fromMonth: number, toMonth: number): Period {
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth; m++) months.push(`${y}-${pad(m)}`);
  return { id, kind, label, start: ymd(y, fromMonth, 1), end: lastDayOfMonth(y, toMonth), months };
}

function checkYear(y: number, text: string): PeriodError | null {
  return y >= MIN_YEAR && y <= MAX_YEAR ? null : { error: `统计期间「${text}」的年份超出范围（${MIN_YEAR}—${MAX_YEAR}）。` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Secretaries type periods with an IME on: ２０２６－１１, ２０２６Ｑ４. */
function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
