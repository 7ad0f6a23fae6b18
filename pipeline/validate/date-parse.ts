/**
 * Calendar dates as offices write them (spec §3): 2025-11-03, 2025/11/3, 2025.11.3, 2025年11月3日,
 * 20251103, each optionally followed by a time. Never throws; an impossible date is null, and
 * dateProblem says what is impossible about it (the month or the day does not exist).
 */
import { daysInMonth, isValidYmd, ymd, type IsoDate } from '../model/dates.ts';
import { arabicNumerals } from './chinese-numerals.ts';
import { memoByText } from './text-memo.ts';

/** Every character foldDateText replaces. */
const FOLDED = /[\uFF10-\uFF19／－‐‑‒–—―﹣−．。：\u3000\u00a0\u200b\ufeff]/;

/** Full-width digits and punctuation, odd spaces and dashes → their plain forms. */
export function foldDateText(text: string): string {
  // Most texts hold none of these: one scan instead of six replacements.
  if (!FOLDED.test(text)) return text.trim();
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[－‐‑‒–—―﹣−]/g, '-')
    .replace(/[．。]/g, '.')
    .replace(/[：]/g, ':')
    .replace(/[\u3000\u00a0\u200b\ufeff]/g, ' ')
    .trim();
}

const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`);

export const parseDate: (text: string) => IsoDate | null = memoByText((text) => {
  const p = dateParts(text);
  return p && isValidYmd(p.y, p.m, p.d) ? ymd(p.y, p.m, p.d) : null;
});

/** Why a text written as a date is no date, for the message. */
export interface DateProblem {
  /** 「没有13月」「2026年11月没有31日」「2026年2月没有29日（2026年不是闰年）」 */
  message: string;
  /** How to put it right. */
  hint: string;
}

/**
 * The text is in one of the date forms but names a day that does not exist (2026-13-01,
 * 2026-11-31, 2026年2月30日): what is wrong with it. null for a valid date, and for a text that is
 * not written as a date at all (then the accepted forms are the help).
 */
export function dateProblem(text: string): DateProblem | null {
  const p = dateParts(text);
  if (!p || isValidYmd(p.y, p.m, p.d)) return null;
  return ymdProblem(p.y, p.m, p.d);
}

/** The problem of a year, month and day that do not make a date (null when they do). */
export function ymdProblem(y: number, m: number, d: number): DateProblem | null {
  if (isValidYmd(y, m, d)) return null;
  if (!isValidYmd(y, 1, 1)) return { message: `年份 ${y} 超出可用范围`, hint: '请核对年份。' };
  if (m < 1 || m > 12) return noSuchMonth(m);
  const last = daysInMonth(y, m);
  if (d < 1) return { message: `没有${d}日`, hint: `日期应在 1 到 ${last} 之间。` };
  const leap = m === 2 && d === 29 ? `（${y}年不是闰年）` : '';
  return { message: `${y}年${m}月没有${d}日${leap}`, hint: `${y}年${m}月只有 ${last} 天，最后一天是 ${ymd(y, m, last)}，请核对日期。` };
}

function noSuchMonth(m: number): DateProblem {
  return { message: `没有${m}月`, hint: '月份应在 1 到 12 之间，请核对月份（是否与日期写反）。' };
}

/** Month lengths when the year is not known (2月29日 may exist). */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The date a deadline text starts with, when it does not exist: 2026-11-31前, 2026年2月30日,
 * 11月31日前 (no year: 11月没有31日), 13月底前. null when it starts with no date or a real one.
 */
export function leadingDateProblem(text: string): DateProblem | null {
  if (typeof text !== 'string') return null;
  const t = arabicNumerals(foldDateText(text.slice(0, 64))).replace(/\s+/gu, '');
  const full = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/u.exec(t) ?? /^(\d{4})年()(\d{1,2})月(\d{1,2})[日号]/u.exec(t) ?? /^(\d{4})()(\d{2})(\d{2})(?!\d)/u.exec(t);
  if (full) return ymdProblem(Number(full[1]), Number(full[3]), Number(full[4]));
  const partial = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?/u.exec(t);
  if (!partial) return null;
  const m = Number(partial[2]);
  if (m < 1 || m > 12) return noSuchMonth(m);
  if (partial[3] === undefined) return null;
  const d = Number(partial[3]);
  if (partial[1] !== undefined) return ymdProblem(Number(partial[1]), m, d);
  const last = LONGEST_MONTH[m - 1]!;
  if (d >= 1 && d <= last) return null;
  return { message: `${m}月没有${d}日`, hint: `${m}月最多 ${last} 天，请核对日期。` };
}

function dateParts(text: string): { y: number; m: number; d: number } | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const t = arabicNumerals(foldDateText(text));
  const m = SEPARATED.exec(t) ?? CHINESE.exec(t) ?? COMPACT.exec(t);
  if (!m) return null;
  const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  return { y: Number(y), m: Number(mo), d: Number(d) };
}
