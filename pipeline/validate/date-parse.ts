/**
 * Calendar dates as offices write them (spec §3): 2025-11-03, 2025/11/3, 2025.11.3, 2025年11月3日,
 * 20251103, each optionally followed by a time. Never throws; an impossible date is null.
 */
import { isValidYmd, ymd, type IsoDate } from '../model/dates.ts';
import { arabicNumerals } from './chinese-numerals.ts';

/** Full-width digits and punctuation, odd spaces and dashes → their plain forms. */
export function foldDateText(text: string): string {
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

export function parseDate(text: string): IsoDate | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const t = arabicNumerals(foldDateText(text));
  const m = SEPARATED.exec(t) ?? CHINESE.exec(t) ?? COMPACT.exec(t);
  if (!m) return null;
  const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  const yy = Number(y);
  const mm = Number(mo);
  const dd = Number(d);
  return isValidYmd(yy, mm, dd) ? ymd(yy, mm, dd) : null;
}
