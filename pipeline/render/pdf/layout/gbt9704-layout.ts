/**
 * GB/T 9704-2012 page layout as pure pdfmake building blocks, shared by every formal PDF
 * (催办通知, 督办通知, 登记表, monthly report…). Everything is measured in points from the
 * millimetre values of the standard.
 */
import type { Content, ContentCanvas, ContentStack, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY, type FontRole } from '../fonts.ts';
import { describe } from './described.ts';
import { wrapText } from './text-wrap.ts';
import { textWidth, type FontMeasure } from './text-measure.ts';

export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

/** A4, type area 156 × 225 mm, top margin 37 mm, binding-side (left) margin 28 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;
export const TYPE_AREA = { width: mm(156), height: mm(225) } as const;
export const MARGINS = { top: mm(37), left: mm(28), right: mm(210 - 28 - 156), bottom: mm(297 - 37 - 225) } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 225 mm / 22 lines ≈ 28.9 pt. */
export const LINE_PITCH = TYPE_AREA.height / LINES_PER_PAGE;
/** 156 mm / 28 characters ≈ 15.8 pt. */
export const CHAR_PITCH = TYPE_AREA.width / CHARS_PER_LINE;

/** 号 sizes in points. */
export const SIZE = { 初号: 42, 一号: 26, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;
export const RED = '#E60012';
/** The red rule of the 版头, in points. */
export const HEADER_RULE = 1.2;
/** The 一字线 of page numbers sits 7 mm below the type area. */
export const PAGE_NUMBER_GAP = mm(7);

/** Measures of the fonts behind each role (from the loaded font files). */
export type TextKit = Record<FontRole, FontMeasure>;

export interface TextOptions {
  role?: FontRole;
  size?: number;
  /** Width available; the full type area by default. */
  width?: number;
  /** Distance between baselines; the 22-line grid by default. */
  pitch?: number;
  /** Extra space between characters; 3号 body text gets the 28-per-line grid by default. */
  charSpacing?: number;
  /** First-line indent in characters (公文 paragraphs: 2). */
  indentChars?: number;
  alignment?: 'left' | 'center' | 'right';
  color?: string;
  bold?: boolean;
}

/** Character spacing that puts 28 characters of 3号 on a 156 mm line. */
export function gridCharSpacing(size: number): number {
  return size === SIZE.三号 ? CHAR_PITCH - SIZE.三号 : 0;
}

/** pdfmake lineHeight factor giving exactly `pitch` points per line in this font. */
export function lineHeightFactor(measure: FontMeasure, size: number, pitch: number): number {
  return pitch / (measure.lineBoxEm * size);
}

/**
 * Most characters of one text a document prints (about three pages of body text). A longer
 * text — a 事项 or 落实情况 pasted whole from a report — is cut here with a note saying how long
 * it is and where to read it all; the ledger and analysis.json keep every character.
 */
export const DOCUMENT_TEXT_CHARS = 2000;

/** `text` as a document prints it: at most DOCUMENT_TEXT_CHARS characters, then the note. */
export function documentText(text: string): string {
  if (text.length <= DOCUMENT_TEXT_CHARS) return text;
  const chars = Array.from(text);
  if (chars.length <= DOCUMENT_TEXT_CHARS) return text;
  return `${chars.slice(0, DOCUMENT_TEXT_CHARS).join('').trimEnd()}……（全文共${chars.length}字，详见台账）`;
}

/** `text` broken into lines on the grid, as both the pdfmake documents and the band writer (layout/) set them. */
export function gridLines(kit: TextKit, text: string, o: TextOptions = {}): string[] {
  const size = o.size ?? SIZE.三号;
  return wrapText(documentText(text), {
    measure: kit[o.role ?? 'body'],
    size,
    width: o.width ?? TYPE_AREA.width,
    charSpacing: o.charSpacing ?? gridCharSpacing(size),
    indent: '\u3000'.repeat(o.indentChars ?? 0),
  });
}

/** An 编号 such as XB2026-021 or a date in digits: one run of Latin letters, digits and signs. */
const ONE_WORD = /^[\x21-\x7e]+$/;
/** Smallest size a shrunk 编号 is printed at (about 六号); below it, it wraps after all. */
const MIN_WORD_SIZE = 7.5;

/**
 * The size a table cell prints `text` at: a cell holding one such word keeps it on one line —
 * split across lines (XB2026-02 / 1) it can no longer be read off or matched against a letter.
 * When it is wider than the column, its size shrinks until it fits.
 */
export function oneWordSize(kit: TextKit, role: FontRole, text: string, width: number, size: number): number {
  if (!ONE_WORD.test(text)) return size;
  const wide = textWidth(kit[role], text, size);
  return wide <= width ? size : Math.max(MIN_WORD_SIZE, Math.floor(((size * width) / wide) * 4) / 4);
}

/** A paragraph as pre-broken lines (one unbreakable pdfmake line each, so pages break between lines). */
export function textBlock(kit: TextKit, text: string, o: TextOptions = {}): ContentStack {
  const role = o.role ?? 'body';
  const size = o.size ?? SIZE.三号;
  const measure = kit[role];
  const charSpacing = o.charSpacing ?? gridCharSpacing(size);
  const lines = gridLines(kit, text, o);
  const lineHeight = lineHeightFactor(measure, size, o.pitch ?? LINE_PITCH);
  // Style on every line, not on the stack: pdfmake then finds it without walking its style stack.
  const style = {
    font: FONT_FAMILY[role],
    fontSize: size,
    lineHeight,
    characterSpacing: charSpacing,
    alignment: o.alignment ?? 'left',
    noWrap: true,
    preserveLeadingSpaces: true,
    ...(o.color ? { color: o.color } : {}),
    ...(o.bold ? { bold: true } : {}),
  } as const;
  return describe<ContentStack>({ stack: lines.map((line) => ({ text: line === '' ? ' ' : line, ...style })) }, { kind: 'text', text, options: o });
}

/** Body paragraph: 仿宋 3号, two-character indent. */
export function paragraph(kit: TextKit, text: string, o: TextOptions = {}): ContentStack {
  return textBlock(kit, text, { indentChars: 2, ...o });
}

/** Document title: 2号 小标宋, centred, on a slightly wider pitch than body lines. */
export function documentTitle(kit: TextKit, text: string, o: TextOptions = {}): ContentStack {
  return textBlock(kit, text, { role: 'title', size: SIZE.二号, alignment: 'center', pitch: mm(13), ...o });
}

/** First-level heading (黑体) and second-level heading (楷体), indented two characters like body text. */
export function heading1(kit: TextKit, text: string): ContentStack {
  return textBlock(kit, text, { role: 'heading1', indentChars: 2 });
}
export function heading2(kit: TextKit, text: string): ContentStack {
  return textBlock(kit, text, { role: 'heading2', indentChars: 2 });
}

/** Vertical space of exactly `height` points (an empty canvas has no line box of its own, unlike empty text). */
export function verticalSpace(height: number): Content {
  return describe<ContentCanvas>({ canvas: [], margin: [0, height, 0, 0] }, { kind: 'space', height });
}

/** Blank lines of the grid. */
export function blankLines(count: number): Content {
  return verticalSpace(LINE_PITCH * count);
}

/** The 发文机关标志's size: 初号, or smaller so a long name fits on the line. */
export function issuerMarkSize(issuerMark: string): number {
  const markChars = Math.max(1, Array.from(issuerMark).length);
  return Math.min(SIZE.初号, (TYPE_AREA.width * 0.96) / markChars);
}

/**
 * 版头: red 发文机关标志 35 mm below the top of the type area, 发文字号 centred two lines
 * below it, and the red separator 4 mm under the 发文字号, as wide as the type area.
 */
export function redHeader(kit: TextKit, header: { issuerMark: string; docNo: string }): Content[] {
  const markSize = issuerMarkSize(header.issuerMark);
  return [
    verticalSpace(mm(35)),
    textBlock(kit, header.issuerMark, { role: 'title', size: markSize, alignment: 'center', color: RED, pitch: markSize * 1.2, charSpacing: 0 }),
    blankLines(2),
    textBlock(kit, header.docNo, { alignment: 'center', charSpacing: 0 }),
    describe<ContentCanvas>(
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: TYPE_AREA.width, y2: 0, lineWidth: HEADER_RULE, lineColor: RED }],
        margin: [0, mm(4) - (LINE_PITCH - SIZE.三号), 0, LINE_PITCH * 2 - mm(4)],
      },
      { kind: 'rule', width: HEADER_RULE, color: RED },
    ),
  ];
}

/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704 §7.3.5.2): one blank line below the text,
 * the office right-aligned leaving two characters, the date on the next line starting two
 * characters right of the office's first character — or, when the date is the longer, the
 * date leaves two characters and the office moves right.
 */
export function signatureBlock(kit: TextKit, office: string, date: string): Content {
  const { officeX, dateX } = signaturePositions(kit, office, date);
  return describe<ContentStack>(
    {
      stack: [
        { ...textBlock(kit, office, { width: TYPE_AREA.width }), margin: [officeX, 0, 0, 0] },
        { ...textBlock(kit, date, { width: TYPE_AREA.width }), margin: [dateX, 0, 0, 0] },
      ],
      margin: [0, LINE_PITCH, 0, 0],
      unbreakable: true,
    },
    { kind: 'signature', office, date },
  );
}

/** Left edges of the office line and the date line of the signature block. */
export function signaturePositions(kit: TextKit, office: string, date: string): { officeX: number; dateX: number } {
  const m = kit.body;
  const spacing = gridCharSpacing(SIZE.三号);
  const officeW = textWidth(m, office, SIZE.三号, spacing);
  const dateW = textWidth(m, date, SIZE.三号, spacing);
  const right = 2 * CHAR_PITCH;
  let officeX = TYPE_AREA.width - right - officeW;
  let dateX = officeX + 2 * CHAR_PITCH;
  if (dateX + dateW > TYPE_AREA.width - right) {
    dateX = TYPE_AREA.width - right - dateW;
    officeX = dateX - 2 * CHAR_PITCH;
  }
  return { officeX: Math.max(0, officeX), dateX: Math.max(0, dateX) };
}

/**
 * Page numbers: 4号 "— 1 —" 7 mm under the type area, odd pages right and even pages left,
 * each inset one character. `label` maps a page to the number to print (null = no number,
 * e.g. the blank page that makes the next letter start on a front side).
 */
export function pageNumberFooter(label: (page: number) => number | null = (page) => page): DynamicContent {
  return (currentPage) => {
    const n = label(currentPage);
    if (n === null) return null;
    const odd = currentPage % 2 === 1;
    const inset = SIZE.四号;
    return {
      text: `— ${n} —`,
      font: FONT_FAMILY.song,
      fontSize: SIZE.四号,
      alignment: odd ? 'right' : 'left',
      margin: [MARGINS.left + (odd ? 0 : inset), PAGE_NUMBER_GAP, MARGINS.right + (odd ? inset : 0), 0],
    };
  };
}

export interface OfficialDocumentOptions {
  /** PDF metadata title. */
  title: string;
  author: string;
  /** Fixed so re-rendering gives identical bytes. */
  timestamp: Date;
  /** Red 版头 (发文机关标志 + 发文字号) above the content. */
  header?: { issuerMark: string; docNo: string };
  content: Content[];
  footer?: DynamicContent;
}

/** A4 document on the GB/T 9704 grid with page numbers; content flows onto more pages as needed. */
export function officialDocument(kit: TextKit, o: OfficialDocumentOptions): TDocumentDefinitions {
  return {
    pageSize: { width: PAGE.width, height: PAGE.height },
    pageMargins: [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom],
    info: { title: o.title, author: o.author, creator: 'duban', producer: 'duban', creationDate: o.timestamp, modDate: o.timestamp },
    defaultStyle: { font: FONT_FAMILY.body, fontSize: SIZE.三号, lineHeight: lineHeightFactor(kit.body, SIZE.三号, LINE_PITCH) },
    content: [...(o.header ? redHeader(kit, o.header) : []), ...o.content],
    footer: o.footer ?? pageNumberFooter(),
  };
}
