/**
 * Section headings inside a task table (spec §1): `一、知识产权保护方面（共5项）`, `（二）…`,
 * `第一部分…`, `…方面`. A heading row is not an item and not an error: the items below it carry
 * it as their `section` until the next heading of the same or a higher level. Never throws.
 */

const CN = '一二三四五六七八九十百零〇两';
const LEVEL_PART = new RegExp(`^第\\s*[${CN}\\d]+\\s*(?:部分|篇|章|编|板块|大类)`, 'u');
const LEVEL_ONE = new RegExp(`^[${CN}]+\\s*[、.．]`, 'u');
const LEVEL_ONE_IS = new RegExp(`^[${CN}]+是`, 'u');
const LEVEL_TWO = new RegExp(`^[(（]\\s*[${CN}]+\\s*[)）]`, 'u');
/** A heading without numbering names a field of work or counts what follows. */
const FIELD = new RegExp(`(?:方面|领域|板块|类|部分)(?:工作|任务|事项)?\\s*(?:[(（]\\s*共\\s*[${CN}\\d]+\\s*[项个条件]\\s*[)）])?$`, 'u');
const COUNTED = new RegExp(`[(（]\\s*共\\s*[${CN}\\d]+\\s*[项个条件]\\s*[)）]$`, 'u');
/** Rows that are the form's notes, never headings. */
const NOTE = /^[-－—•·*＊※\s]*(?:备注|附注|注|说明|填表说明|特别说明|提示|附件)/u;
const MAX_HEADING = 80;
/** Text after the numbering: a heading names something (「（四）」 alone is a blank template row). */
const MIN_NAME = 2;

/** Heading level (0 = 第一部分, 1 = 一、, 2 = （一）), or null when the text is not a heading. */
export function headingLevel(text: string): number | null {
  try {
    const t = typeof text === 'string' ? text.trim() : '';
    if (t === '' || t.length > MAX_HEADING || NOTE.test(t) || /\n/u.test(t)) return null;
    const rest = (re: RegExp) => t.replace(re, '').trim();
    if (LEVEL_PART.test(t) && rest(LEVEL_PART).length >= 0) return 0;
    if (LEVEL_TWO.test(t)) return rest(LEVEL_TWO).length >= MIN_NAME ? 2 : null;
    if (LEVEL_ONE.test(t)) return rest(LEVEL_ONE).length >= MIN_NAME ? 1 : null;
    if (LEVEL_ONE_IS.test(t) && FIELD.test(t)) return 1;
    // 「知识产权保护方面（共5项）」: a field of work, at the top level, without sentence punctuation.
    if ((FIELD.test(t) || COUNTED.test(t)) && !/[。；;！!？?]/u.test(t) && t.length <= 40 && !/^\d/u.test(t)) return 1;
    return null;
  } catch {
    return null;
  }
}

export const isHeading = (text: string): boolean => headingLevel(text) !== null;

/** How a 序号 is written: 1 · 一 · （一） · 第一部分 — a heading row's 序号 differs from its items'. */
export type SeqStyle = 'arabic' | 'chinese' | 'bracketed' | 'part' | 'other';

export function seqStyle(seq: string): SeqStyle {
  const s = seq.trim();
  if (/^[(（]?\s*\d+\s*[)）.．、]?$/u.test(s)) return 'arabic';
  if (new RegExp(`^第\\s*[${CN}\\d]+\\s*(?:部分|篇|章|编)`, 'u').test(s)) return 'part';
  if (new RegExp(`^[(（]\\s*[${CN}]+\\s*[)）]$`, 'u').test(s)) return 'bracketed';
  if (new RegExp(`^[${CN}]+\\s*[、.．]?$`, 'u').test(s)) return 'chinese';
  return 'other';
}

/** 序号 「一」 and 事项 「全面从严治党」 → 「一、全面从严治党」. */
export function headingText(seq: string, text: string): string {
  const s = seq.trim();
  const t = text.trim();
  if (s === '') return t;
  if (t === '') return s;
  return /[、.．)）]$/u.test(s) || /部分$|篇$|章$|编$/u.test(s) ? `${s}${/部分$|篇$|章$|编$/u.test(s) ? ' ' : ''}${t}` : `${s}、${t}`;
}

const HEADING_LEVEL_OF_STYLE: Record<SeqStyle, number> = { part: 0, chinese: 1, bracketed: 2, arabic: 3, other: 1 };
export const levelOfSeq = (seq: string): number => HEADING_LEVEL_OF_STYLE[seqStyle(seq)];

/** The open headings, outermost first; a heading closes those at its level and below. */
export class SectionStack {
  private stack: { level: number; text: string }[] = [];

  push(level: number, text: string): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text });
  }

  /** 「一、党的建设 / （一）政治建设」 — the headings above a row, outermost first; null when none. */
  get current(): string | null {
    return this.stack.length === 0 ? null : this.stack.map((s) => s.text).join(' / ');
  }
}
