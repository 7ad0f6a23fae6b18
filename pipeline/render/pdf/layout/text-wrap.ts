/**
 * Line breaking for Chinese official documents. We break lines ourselves and hand pdfmake
 * whole lines (`noWrap`): pdfmake would otherwise treat every Han character as a word and
 * spend most of a letter's time on per-character style lookups — and we want the exact
 * GB/T 9704 grid (28 characters per line) with the usual 禁则: closing punctuation never
 * starts a line, opening punctuation never ends one, Latin words and numbers stay whole.
 */
import type { FontMeasure } from './text-measure.ts';

export interface WrapOptions {
  measure: FontMeasure;
  size: number;
  /** Available width in points. */
  width: number;
  charSpacing?: number;
  /** Prepended to the first line of every paragraph (e.g. two 全角 spaces). */
  indent?: string;
}

const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕〉〗”’…—·．,.;:?!)]}%‰℃°～'));
const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖“‘([{'));
const WORD_CHAR = /[A-Za-z0-9_\-./@#&+=%]/;
/** Tolerance for shaping differences between our per-character sum and pdfkit's shaped run. */
const SLACK = 0.5;

/** C0/C1 controls (except newline and tab) and lone surrogates become harmless text. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Paragraphs (split at newlines) broken into lines that fit `width`. Empty paragraphs stay as empty lines. */
export function wrapText(text: string, options: WrapOptions): string[] {
  const lines: string[] = [];
  // One line at a time: spreading a paragraph's lines into push() overflows the stack at ~100,000 lines.
  for (const paragraph of cleanText(text).split('\n')) {
    for (const line of wrapParagraph((options.indent ?? '') + paragraph, options)) lines.push(line);
  }
  return lines;
}

function wrapParagraph(text: string, o: WrapOptions): string[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [''];
  const spacing = o.charSpacing ?? 0;
  const widths = chars.map((c) => o.measure.advanceEm(c.codePointAt(0) ?? 0) * o.size);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let width = 0;
    while (end < chars.length) {
      const next = width + (widths[end] ?? 0) + (end > start ? spacing : 0);
      if (next > o.width + SLACK && end > start) break;
      width = next;
      end++;
    }
    if (end < chars.length) end = adjustBreak(chars, start, end);
    lines.push(chars.slice(start, end).join('').trimEnd());
    start = end;
    // A space at a line start would misalign the grid.
    while (start < chars.length && chars[start] === ' ') start++;
  }
  return lines;
}

/** Move a break at `end` back so 禁则 and whole words hold; never leaves an empty line. */
function adjustBreak(chars: string[], start: number, end: number): number {
  let e = end;
  // Keep Latin words and numbers whole when the word is shorter than the line.
  if (isWordChar(chars[e]) && isWordChar(chars[e - 1])) {
    let w = e;
    while (w > start && isWordChar(chars[w - 1])) w--;
    if (w > start) e = w;
  }
  // Closing punctuation may not start a line: take the character before it along.
  while (e > start + 1 && NO_LINE_START.has(chars[e] ?? '')) e--;
  // Opening punctuation may not end a line.
  while (e > start + 1 && NO_LINE_END.has(chars[e - 1] ?? '')) e--;
  return e;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}
