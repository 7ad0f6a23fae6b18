/**
 * 个人隐私 in published text (《高等学校信息公开办法》 art. 10: personal privacy is not disclosed).
 * A secretary may paste a 身份证号, a 手机号 or a 银行卡号 into a title or a 公开内容 cell; the
 * public and campus editions show only enough digits to recognise the number, never to use it.
 *
 *   身份证号 (18 位, last may be X; 15 位 old) 110105********1234   first 6 + last 4
 *   银行卡号 (16–19 位, may be grouped by 4)    622202*********0123 first 6 + last 4
 *   手机号   (11 位, 1[3-9]…, may be +86)       138****5678         first 3 + last 4
 *
 * Numbers are written in many ways (`１３８　１２３４　５６７８`, `(138)1234-5678`, `138.1234.5678`,
 * a soft hyphen or a zero-width space pasted from a web page inside the digits). Matching runs on a
 * normalised view of the text: every decimal digit (\p{Nd}: full-width, Arabic-Indic, …) folded to
 * ASCII, invisible format characters (\p{Cf}) dropped, a short run of separators between two digits
 * collapsed to one space, `(138)` unwrapped. Each character of the view remembers the span of the
 * original it came from, so a match replaces the whole original span and nothing around it.
 *
 * Groupings stay fixed (contiguous, or the usual groups of the kind), so a date followed by a phone
 * number ("2026-11-03 13812345678") is not taken for one card number, and dates, 文号, amounts and
 * office landlines (0771-2687015) stay as written.
 */

const DIGIT = /\p{Nd}/u;
const INVISIBLE = /\p{Cf}/u;
/** Separators a number may be grouped with: spaces of any width, hyphens and dashes, dots, underscores. */
const SEPARATOR = /[\p{Zs}\t\-._\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\uFF0E\uFF3F\u00B7\u30FB\uFF65]/u;
/** At most this many separator characters between two digits still join them (`138 - 1234`). */
const MAX_SEPARATORS = 3;
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const FOLD: Record<string, string> = { Ｘ: 'X', ｘ: 'x', '＋': '+' };

/**
 * On the view (digits ASCII, one space between groups): an 18-digit ID (contiguous, 6-8-4, 6-4-4-4),
 * a 15-digit ID or a 16–19 digit card (contiguous), an ID grouped 6-6-3, a card grouped by 4, or a
 * mobile number (contiguous, 3-4-4, 3-8) with an optional +86 / 0086 / 86 prefix. A grouped form
 * needs every gap of its grouping, so "20261103 13812345678" is two numbers, not one.
 */
const PERSONAL = new RegExp(
  '(?<!\\d)(?:(?<long>' +
    ['\\d{17}[Xx]', '\\d{15,19}', '\\d{6} \\d{8} \\d{3}[\\dXx]', '\\d{6} \\d{4} \\d{4} \\d{3}[\\dXx]', '\\d{6} \\d{6} \\d{3}', '\\d{4}(?: \\d{4}){3}(?: \\d{1,3})?'].join('|') +
    ')|(?<mobile>(?:(?:\\+|00)?86 ?)?1[3-9]\\d(?:\\d{8}| \\d{4} \\d{4}| \\d{8})))(?!\\d)',
  'g',
);

/**
 * Texts already masked. A site build masks the same titles once per month and edition (26 times
 * each at 12 months); the normalised view is the costly part. Bounded, so a long watch session
 * cannot grow it without end.
 */
const masked = new Map<string, string>();
const MASKED_MAX = 50_000;

export function maskPersonal(text: string): string {
  const known = masked.get(text);
  if (known !== undefined) return known;
  if (masked.size >= MASKED_MAX) masked.clear();
  const out = DIGIT.test(text) ? maskDigits(text) : text;
  masked.set(text, out);
  return out;
}

function maskDigits(text: string): string {
  const view = normalise(text);
  let out = '';
  let from = 0;
  for (const m of view.text.matchAll(PERSONAL)) {
    const first = m.index;
    const last = first + m[0].length - 1;
    out += text.slice(from, view.start[first]) + (m.groups!.mobile === undefined ? maskLong(m[0]) : maskMobile(m[0]));
    from = view.end[last]!;
  }
  return from === 0 ? text : out + text.slice(from);
}

function maskLong(match: string): string {
  const chars = match.replace(/[^\dXx]/g, '');
  return chars.slice(0, 6) + '*'.repeat(chars.length - 10) + chars.slice(-4);
}

function maskMobile(match: string): string {
  const digits = match.replace(/\D/g, '');
  const national = digits.slice(-11);
  return national.slice(0, 3) + '****' + national.slice(-4);
}

/** The normalised view: `text` is one UTF-16 unit per character, `start`/`end` its original span. */
interface View {
  text: string;
  start: number[];
  end: number[];
}

function normalise(text: string): View {
  const chars = Array.from(text);
  const at: number[] = [];
  for (let i = 0, pos = 0; i < chars.length; pos += chars[i]!.length, i++) at.push(pos);
  at.push(text.length);
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let lead = -1; // an unwrapped '(' before the next character: a match starting there takes it along
  let inParens = false;
  const emit = (c: string, from: number, to: number) => {
    out.push(c);
    start.push(lead >= 0 ? lead : at[from]!);
    end.push(at[to]!);
    lead = -1;
  };
  const afterDigit = () => out.length > 0 && isAsciiDigit(out[out.length - 1]!);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const digit = asciiDigit(c);
    if (digit !== null) {
      emit(digit, i, i + 1);
      continue;
    }
    if (INVISIBLE.test(c)) continue;
    if (SEPARATOR.test(c) || (inParens && CLOSE.has(c))) {
      const gap = separatorGap(chars, i, inParens && CLOSE.has(c));
      if (gap !== null && afterDigit()) {
        emit(' ', i, gap);
        inParens = false;
        i = gap - 1;
        continue;
      }
    }
    if (OPEN.has(c) && unwraps(chars, i)) {
      if (afterDigit()) emit(' ', i, i + 1);
      else lead = at[i]!;
      inParens = true;
      continue;
    }
    const folded = c.length === 1 ? (FOLD[c] ?? c) : '\uFFFC';
    if (folded !== '+') inParens = false;
    emit(folded, i, i + 1);
  }
  return { text: out.join(''), start, end };
}

/**
 * Where the digit after a run of separators (and invisible characters) starting at `i` stands, or
 * null when the run is too long or no digit follows. `closing`: the run starts with an unwrapped ')'.
 */
function separatorGap(chars: string[], i: number, closing: boolean): number | null {
  let j = closing ? i + 1 : i;
  let separators = 0;
  for (; j < chars.length; j++) {
    const c = chars[j]!;
    if (INVISIBLE.test(c)) continue;
    if (!SEPARATOR.test(c)) break;
    if (++separators > MAX_SEPARATORS) return null;
  }
  return j < chars.length && asciiDigit(chars[j]!) !== null ? j : null;
}

/** `(138)1234…`, `（+86）138…`: a bracket round 1–4 digits, followed by more digits. */
function unwraps(chars: string[], i: number): boolean {
  let j = i + 1;
  const skip = () => {
    while (j < chars.length && INVISIBLE.test(chars[j]!)) j++;
  };
  skip();
  if (chars[j] === '+' || chars[j] === '＋') {
    j++;
    skip();
  }
  let digits = 0;
  for (; j < chars.length; j++) {
    if (INVISIBLE.test(chars[j]!)) continue;
    if (asciiDigit(chars[j]!) === null) break;
    digits++;
  }
  return digits >= 1 && digits <= 4 && j < chars.length && CLOSE.has(chars[j]!) && separatorGap(chars, j, true) !== null;
}

function isAsciiDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

const digitValues = new Map<number, string>();

/**
 * The ASCII digit for any decimal digit, or null. Unicode assigns \p{Nd} only in runs of ten code
 * points with values 0–9 in order, so a digit's value is its distance from the start of its run, mod 10.
 */
function asciiDigit(c: string): string | null {
  if (c.length === 1 && isAsciiDigit(c)) return c;
  const cp = c.codePointAt(0)!;
  const known = digitValues.get(cp);
  if (known !== undefined) return known;
  if (!DIGIT.test(c)) return null;
  let first = cp;
  while (DIGIT.test(String.fromCodePoint(first - 1))) first--;
  const value = String((cp - first) % 10);
  digitValues.set(cp, value);
  return value;
}
