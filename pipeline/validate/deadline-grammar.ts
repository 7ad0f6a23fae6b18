/**
 * The deadline grammar of spec §3: text → a time expression, no calendar needed.
 * Resolving it to a date (base date, working days) is analyze/deadline-resolve.ts.
 * Never throws, whatever the string.
 */
import { arabicNumerals } from './chinese-numerals.ts';
import { foldDateText, leadingDateProblem, parseDate } from './date-parse.ts';
import { memoByText } from './text-memo.ts';

export type { DeadlineSpec, Recurrence, TimeExpr } from '../model/deadline.ts';
import type { DeadlineSpec, Recurrence, TimeExpr } from '../model/deadline.ts';

export type DeadlineParse = { ok: true; spec: DeadlineSpec } | { ok: false; message: string; hint: string };

export const DEADLINE_HINT =
  '可写：具体日期（2026-11-30、2026年11月30日）；11月30日前；11月底、11月中旬、11月上旬；2026年5月底前、27年2月、2026-11；' +
  '6月-9月；第一季度；年底前；10个工作日内；30日内、2周内、3个月内；常态化推进、长期坚持（可与时限同写，如「12月底前，长期坚持」）。';

const ONGOING = /常态化|长期|持续|经常性|常年/u;
// Opening brackets and quotes too: （12月底前） is a deadline a secretary put in brackets.
const LEAD_WORDS = /^(?:[([【「『“"'：:，,、]|(?:自|从)?即日起(?:至|到)?|请于|应于|须于|需于|要求于|要求|务必于|务必|于|在|截止|截至|限于|限|最迟|不晚于)+/u;
const Y = String.raw`(?:(\d{4}|\d{2})年)`;
const DASH = String.raw`[-~～至到—–]`;

// The forms below, compiled once (not at every call).
const QUARTER = new RegExp(String.raw`^${Y}?第?([1-4])季度(?:末|底)?`, 'u');
const MONTH_RANGE = new RegExp(String.raw`^${Y}?(\d{1,2})(?:月份?(?:底|末|初|上旬|中旬|下旬)?)?${DASH}${Y}?(\d{1,2})月(?:份)?(底|末|下旬|上旬|中旬|初)?`, 'u');
const MONTH_DAY = new RegExp(String.raw`^${Y}?(\d{1,2})月(\d{1,2})[日号]`, 'u');
const MONTH = new RegExp(String.raw`^${Y}?(\d{1,2})月(?:份)?(底|末|下旬|上旬|中旬|初)?(?!\d)`, 'u');
const TERM = new RegExp(String.raw`^${Y}?(?:(春|秋)季?(开学前|开学|学期(?:末|结束前|结束|内|中)?)|(暑假|寒假|暑期|寒期)(前|期间|内)?)`, 'u');
const MID_OR_WHOLE_YEAR = new RegExp(String.raw`^${Y}?(年中|全年度?|年度内)`, 'u');
const HALF_YEAR = new RegExp(String.raw`^${Y}?(上|下)半年`, 'u');

/** A matcher that recognises its form but finds it impossible stops the search, lest a shorter form accept it. */
const REFUSE = 'refuse';
type Match = { time: TimeExpr; length: number } | null | typeof REFUSE;

const MATCHERS: ((s: string) => Match)[] = [
  // 2026-11-30, 2026/11/30, 2026.11.30, 20261130, 2026年11月30日
  (s) => {
    const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/u.exec(s) ?? /^(\d{4})()(\d{2})(\d{2})(?!\d)/u.exec(s);
    return m ? date(Number(m[1]), Number(m[3]), Number(m[4]), m[0].length) : null;
  },
  // 2022-12, 2022/12, 2022.12 — what a spreadsheet keeps of "to the month"
  (s) => {
    const m = /^(\d{4})[-/.](\d{1,2})(?![\d/.-])/u.exec(s);
    if (!m) return null;
    const month = Number(m[2]);
    return validMonth(month) ? { time: { kind: 'monthPart', year: Number(m[1]), month, part: 'end' }, length: m[0].length } : REFUSE;
  },
  // 第一季度, 2026年一季度, 3季度末 → the quarter's last day
  (s) => {
    const m = QUARTER.exec(s);
    return m ? { time: { kind: 'monthPart', year: year2(m[1]), month: Number(m[2]) * 3, part: 'end' }, length: m[0].length } : null;
  },
  // 6月-9月, 2020年6月—9月, 6至9月, 2022年11月-2023年2月, 6月份至9月份
  (s) => {
    const m = MONTH_RANGE.exec(s);
    if (!m) return null;
    const [from, to] = [Number(m[2]), Number(m[4])];
    if (!validMonth(from) || !validMonth(to)) return REFUSE;
    const year = year2(m[1]);
    const toYear = year2(m[3]) ?? (year !== null && to < from ? year + 1 : year);
    // 2023年11月-2022年2月 ends before it starts: a typo to report, not a deadline to guess.
    if (year !== null && toYear !== null && toYear * 12 + to < year * 12 + from) return REFUSE;
    const toPart = m[5] === '上旬' || m[5] === '初' ? 'early' : m[5] === '中旬' ? 'mid' : undefined;
    const time: TimeExpr = { kind: 'monthRange', year, fromMonth: from, toYear, toMonth: to, ...(toPart ? { toPart } : {}) };
    return { time, length: m[0].length };
  },
  // 11月30日, 2026年11月30日, 23年2月5日
  (s) => {
    const m = MONTH_DAY.exec(s);
    return m ? date(year2(m[1]), Number(m[2]), Number(m[3]), m[0].length) : null;
  },
  // 11月, 11月份, 11月底/末/下旬/上旬/中旬/初, 2020年5月底, 23年2月
  (s) => {
    const m = MONTH.exec(s);
    if (!m || !validMonth(Number(m[2]))) return null;
    const part = m[3] === '上旬' || m[3] === '初' ? 'early' : m[3] === '中旬' ? 'mid' : 'end';
    return { time: { kind: 'monthPart', year: year2(m[1]), month: Number(m[2]), part }, length: m[0].length };
  },
  // 春季开学前 → 2月底, 秋季开学前 → 8月底; 春季学期 → 3–7月, 秋季学期 → 9月–次年1月; 暑假前 → 7月中旬, 寒假前 → 1月中旬
  (s) => {
    const m = TERM.exec(s);
    if (!m) return null;
    const year = year2(m[1]);
    const length = m[0].length;
    if (m[2]) {
      const spring = m[2] === '春';
      if (m[3]!.startsWith('开学')) return { time: { kind: 'monthPart', year, month: spring ? 2 : 8, part: 'end' }, length };
      const time: TimeExpr = spring
        ? { kind: 'monthRange', year, fromMonth: 3, toYear: year, toMonth: 7 }
        : { kind: 'monthRange', year, fromMonth: 9, toYear: year === null ? null : year + 1, toMonth: 1 };
      return { time, length };
    }
    const summer = m[4]!.startsWith('暑');
    if (m[5] === '前') return { time: { kind: 'monthPart', year, month: summer ? 7 : 1, part: 'mid' }, length };
    const time: TimeExpr = summer ? { kind: 'monthRange', year, fromMonth: 7, toYear: year, toMonth: 8 } : { kind: 'monthRange', year, fromMonth: 1, toYear: year, toMonth: 2 };
    return { time, length };
  },
  // 年中 → 6月底; 全年, 全年度 → 年底
  (s) => {
    const m = MID_OR_WHOLE_YEAR.exec(s);
    if (!m) return null;
    const year = year2(m[1]);
    return { time: m[2] === '年中' ? { kind: 'monthPart', year, month: 6, part: 'end' } : { kind: 'yearEnd', year }, length: m[0].length };
  },
  // 2025年—2027年, 2025-2027年 → the last year's end (the first year's start kept)
  (s) => {
    const m = /^(\d{4})年?[-~～至到—–](\d{4})年(?:底|末)?/u.exec(s);
    if (!m) return null;
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (to < from) return REFUSE;
    return { time: { kind: 'monthRange', year: from, fromMonth: 1, toYear: to, toMonth: 12 }, length: m[0].length };
  },
  // 2026年上半年 → 6月底; 2026年下半年 → 年底
  (s) => {
    const m = HALF_YEAR.exec(s);
    if (!m) return null;
    const year = year2(m[1]);
    const time: TimeExpr = m[2] === '上' ? { kind: 'monthPart', year, month: 6, part: 'end' } : { kind: 'yearEnd', year };
    return { time, length: m[0].length };
  },
  // 年底, 年底前, 年内, 当年年底, 2026年底, 2026年年底, 2026年内, 2026年
  (s) => {
    const m = /^(\d{4}|\d{2})年(?:年底|年末|年内|底|末|内)/u.exec(s) ?? /^()(?:(?:(?:当|本|今)年度?|年度)(?:年底|年末|年内|底|末|内)|年底|年末|年内)/u.exec(s) ?? /^(\d{4})年(?![\d上下])/u.exec(s);
    return m ? { time: { kind: 'yearEnd', year: year2(m[1] || undefined) }, length: m[0].length } : null;
  },
  // 10个工作日(内)
  (s) => count(/^(\d{1,4})个?工作日/u, s, (n) => ({ kind: 'workdays', n })),
  // 3个月(内), 半年内, 半个月
  (s) => count(/^(\d{1,3})个月/u, s, (n) => ({ kind: 'months', n })),
  (s) => (/^半年/u.test(s) ? { time: { kind: 'months', n: 6 }, length: 2 } : null),
  (s) => (/^半个?月/u.test(s) ? { time: { kind: 'days', n: 15 }, length: s.startsWith('半个月') ? 3 : 2 } : null),
  // 2周内, 2个星期
  (s) => count(/^(\d{1,3})个?(?:周|星期|礼拜)/u, s, (n) => ({ kind: 'weeks', n })),
  // 30日内, 30天内, 5天
  (s) => count(/^(\d{1,4})(?:个)?(?:自然日|天|日(?=内|以内|之内|$))/u, s, (n) => ({ kind: 'days', n })),
];

/** Specs are shared between rows that wrote the same text (text-memo.ts): never mutate one. */
export const parseDeadline: (text: string) => DeadlineParse = memoByText(parseDeadlineText);

function parseDeadlineText(text: string): DeadlineParse {
  try {
    const original = typeof text === 'string' ? text.trim() : '';
    if (original === '') return { ok: false, message: '办结时限为空', hint: DEADLINE_HINT };
    const exact = parseDate(original);
    if (exact) {
      const [year, month, day] = exact.split('-').map(Number) as [number, number, number];
      return { ok: true, spec: { time: { kind: 'date', year, month, day }, ongoing: false, text: original } };
    }
    const s = normalise(original);
    const every = recurrence(s);
    const ongoing = ONGOING.test(s) || every !== null;
    const time = (every ? null : leadingTime(s)) ?? (ongoing ? firstTimeAnywhere(every ? s.replace(RECURRING, '') : s) : null);
    if (every) return { ok: true, spec: { time, ongoing, text: original, every } };
    if (time === null && !ongoing) {
      // Written as a date that does not exist (2026-11-31, 11月31日前): say so, not the list of forms.
      const impossible = leadingDateProblem(s.replace(LEAD_WORDS, ''));
      if (impossible) return { ok: false, message: `时限「${original}」中的日期不存在：${impossible.message}`, hint: impossible.hint };
      return { ok: false, message: `无法识别时限「${original}」`, hint: DEADLINE_HINT };
    }
    return { ok: true, spec: { time, ongoing, text: original } };
  } catch {
    return { ok: false, message: `无法识别时限「${String(text)}」`, hint: DEADLINE_HINT };
  }
}

function normalise(text: string): string {
  return (
    arabicNumerals(foldDateText(text))
      .replace(/[\s]+/gu, '')
      .replace(/[（(]/gu, '(')
      .replace(/[）)]/gu, ')')
      // 3月——9月: a doubled dash is one.
      .replace(/[-—–~～]{2,}/gu, '—')
  );
}

/** 每月, 每个月, 每季度, 每半年, 每年, 每周, 每学期; 每月10日前 keeps its day. */
const RECURRING = /^(?:(?:自|从)?即日起|今后|此后)?(?:按月|每个?月(?:度)?|逐月|按季度?|每个?季度?|逐季|每半年|每年度?|逐年|按年|每周|每个?星期|按周|每学期|每个学期)(?:的)?(?:(\d{1,2})[日号])?/u;

function recurrence(s: string): Recurrence | null {
  const m = RECURRING.exec(s.replace(LEAD_WORDS, ''));
  if (!m) return null;
  const w = m[0];
  const period: Recurrence['period'] =
    /月/u.test(w) && !/半年/u.test(w) ? 'month' : /季/u.test(w) ? 'quarter' : /半年/u.test(w) ? 'half' : /周|星期/u.test(w) ? 'week' : /学期/u.test(w) ? 'term' : 'year';
  const day = m[1] === undefined ? undefined : Number(m[1]);
  return period === 'month' && day !== undefined && day >= 1 && day <= 31 ? { period, day } : { period };
}

/**
 * The time expression a text starts with and how many characters of the original text it takes
 * (with a following 前, 以前, 之前, 内 or 止): for milestone lines such as `3月：召开研讨会`,
 * `6月完成制度修订`, `4月下旬前，确定方案`. null when the text does not start with one.
 */
export function leadingDeadline(text: string): { spec: DeadlineSpec; length: number } | null {
  try {
    const original = typeof text === 'string' ? text : '';
    const lead = /^\s*/u.exec(original)![0].length;
    const body = original.slice(lead);
    const s = normalise(body);
    const words = LEAD_WORDS.exec(s)?.[0].length ?? 0;
    let best: { time: TimeExpr | null; every: Recurrence | null; length: number } | null = null;
    const every = recurrence(s);
    if (every) best = { time: null, every, length: words + (RECURRING.exec(s.slice(words))?.[0].length ?? 0) };
    else {
      for (const match of MATCHERS) {
        const m = match(s.slice(words));
        if (m === REFUSE) return null;
        if (m && plausibleYears(m.time)) {
          best = { time: m.time, every: null, length: words + m.length };
          break;
        }
      }
    }
    if (!best) {
      const ongoing = /^(?:常态化|长期|持续|全程|同步)(?:推进|坚持|开展|实施|落实)?/u.exec(s);
      if (!ongoing) return null;
      best = { time: null, every: null, length: ongoing[0].length };
    }
    const tail = /^(?:前后|以前|之前|前|以内|之内|内|为止|止|期间|底前|底)/u.exec(s.slice(best.length));
    const normLength = best.length + (tail?.[0].length ?? 0);
    // Back to the original text: the shortest prefix whose normalised form covers the match.
    let end = body.length;
    for (let k = 1; k <= body.length; k++) {
      if (normalise(body.slice(0, k)).length >= normLength) {
        end = k;
        break;
      }
    }
    const timeText = body.slice(0, end).trim();
    const spec: DeadlineSpec = { time: best.time, ongoing: best.every !== null || best.time === null, text: timeText, ...(best.every ? { every: best.every } : {}) };
    return { spec, length: lead + end };
  } catch {
    return null;
  }
}

function leadingTime(s: string): TimeExpr | null {
  const body = s.replace(LEAD_WORDS, '');
  for (const match of MATCHERS) {
    const m = match(body);
    if (m === REFUSE) return null;
    if (m && plausibleYears(m.time)) return m.time;
  }
  return null;
}

/** For 常态化 texts the dated part may come later: "长期坚持，每年12月底前". */
function firstTimeAnywhere(s: string): TimeExpr | null {
  for (let i = 1; i < s.length; i++) {
    if (!/[\d当本今年上下半]/u.test(s[i]!) || /\d/u.test(s[i - 1]!)) continue;
    const t = leadingTime(s.slice(i));
    if (t) return t;
  }
  return null;
}

function date(year: number | null, month: number, day: number, length: number): Match {
  if (!validMonth(month) || day < 1 || day > 31) return null;
  if (year !== null && new Date(Date.UTC(year, month, 0)).getUTCDate() < day) return null;
  if (year === null && day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!) return null;
  return { time: { kind: 'date', year, month, day }, length };
}

function count(re: RegExp, s: string, make: (n: number) => TimeExpr): Match {
  const m = re.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? { time: make(n), length: m[0].length } : null;
}

/** A year in a deadline is this century's; 2611年 is a typo, not a plan. */
function plausibleYears(t: TimeExpr): boolean {
  const years = t.kind === 'monthRange' ? [t.year, t.toYear] : 'year' in t ? [t.year] : [];
  return years.every((y) => y === null || (y >= 1990 && y <= 2199));
}

function validMonth(m: number): boolean {
  return Number.isInteger(m) && m >= 1 && m <= 12;
}

/** Two-digit years are 20YY (23年2月 → 2023). */
function year2(y: string | undefined): number | null {
  if (y === undefined) return null;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}
