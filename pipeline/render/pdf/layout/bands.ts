/**
 * Bands: horizontal slices of a document that never break across pages — a line of text, a
 * signature block, a row (or a line of a long row) of a form. flow.ts stacks them on the
 * GB/T 9704 type area and starts a new page where the next one does not fit. Marks inside a
 * band are relative to the left edge of the type area and the top of the band.
 *
 * Text follows the same rules as the pdfmake documents (gbt9704-layout.ts): pre-broken lines
 * on the grid, baseline at the font's ascent below the top of the line box.
 */
import { HEADER_RULE, LINE_PITCH, RED, SIZE, TYPE_AREA, gridCharSpacing, gridLines, issuerMarkSize, mm, signaturePositions, type TextKit, type TextOptions } from './gbt9704-layout.ts';
import { textWidth } from './text-measure.ts';
import { shift, type Mark, type TextMark } from './marks.ts';
import { DESCRIBED, describe, describedOf, type Described } from './described.ts';

/** A ruled table: a page break between two of its bands closes it below and reopens it above. */
export interface Frame {
  left: number;
  right: number;
  rule: number;
  /** The bands of the table's header rows, drawn again at the head of every page it runs onto. */
  header?: Band[];
}

export interface Band {
  height: number;
  marks: Mark[];
  frame?: Frame;
  /** What the band is part of (shared by the bands of one paragraph or form), for the DOCX writer. */
  [DESCRIBED]?: Described;
}

export interface LineOptions extends TextOptions {
  /** Left edge of the text's box, from the type area's left edge. */
  x?: number;
}

/** One text line as a mark, aligned within [x, x + width]. */
export function textLine(kit: TextKit, line: string, o: LineOptions & { top: number }): TextMark {
  const role = o.role ?? 'body';
  const size = o.size ?? SIZE.三号;
  const charSpacing = o.charSpacing ?? gridCharSpacing(size);
  const width = o.width ?? TYPE_AREA.width;
  const free = width - textWidth(kit[role], line, size, charSpacing);
  const offset = o.alignment === 'center' ? free / 2 : o.alignment === 'right' ? free : 0;
  return {
    kind: 'text',
    x: (o.x ?? 0) + Math.max(0, offset),
    y: o.top + kit[role].ascentEm * size,
    text: line,
    role,
    size,
    charSpacing,
    ...(o.color ? { color: o.color } : {}),
  };
}

/** A paragraph as one band per line, so pages may break between its lines. */
export function textBands(kit: TextKit, text: string, o: LineOptions = {}): Band[] {
  const pitch = o.pitch ?? LINE_PITCH;
  const description: Described = { kind: 'text', text, options: o };
  return gridLines(kit, text, o).map((line) => describe({ height: pitch, marks: [textLine(kit, line, { ...o, top: 0 })] }, description));
}

/** Body paragraph: 仿宋 3号, two-character indent. */
export function paragraphBands(kit: TextKit, text: string, o: LineOptions = {}): Band[] {
  return textBands(kit, text, { indentChars: 2, ...o });
}

/** Document title: 2号 小标宋, centred. */
export function titleBands(kit: TextKit, text: string, o: LineOptions = {}): Band[] {
  return textBands(kit, text, { role: 'title', size: SIZE.二号, alignment: 'center', pitch: mm(13), ...o });
}

export function space(height: number): Band {
  return describe({ height, marks: [] }, { kind: 'space', height });
}

/** Bands that must stay on one page (a signature block, the contact lines). */
export function keepTogether(bands: readonly Band[]): Band {
  const marks: Mark[] = [];
  const parts: Described[] = [];
  let height = 0;
  for (const band of bands) {
    marks.push(...shift(band.marks, 0, height));
    height += band.height;
    const part = describedOf(band);
    if (part && parts.at(-1) !== part) parts.push(part);
  }
  return describe({ height, marks }, { kind: 'keep', parts });
}

/** 发文机关署名 and 成文日期 one blank line below the text (positions as gbt9704-layout.ts). */
export function signatureBand(kit: TextKit, office: string, date: string): Band {
  const { officeX, dateX } = signaturePositions(kit, office, date);
  return describe(keepTogether([space(LINE_PITCH), ...textBands(kit, office, { x: officeX }), ...textBands(kit, date, { x: dateX })]), {
    kind: 'signature',
    office,
    date,
  });
}

/**
 * 版头 (GB/T 9704 §7.2): the red 发文机关标志 35 mm below the top of the type area, the 发文字号
 * centred two lines below it, and the red separator 4 mm under the 发文字号, as wide as the type
 * area — placed as redHeader (gbt9704-layout.ts) places them.
 */
export function redHeaderBands(kit: TextKit, header: { issuerMark: string; docNo: string }): Band[] {
  const markSize = issuerMarkSize(header.issuerMark);
  const rule = describe<Band>({ height: 0, marks: [{ kind: 'line', x1: 0, y1: 0, x2: TYPE_AREA.width, y2: 0, width: HEADER_RULE, color: RED }] }, { kind: 'rule', width: HEADER_RULE, color: RED });
  return [
    space(mm(35)),
    ...textBands(kit, header.issuerMark, { role: 'title', size: markSize, alignment: 'center', color: RED, pitch: markSize * 1.2, charSpacing: 0 }),
    space(LINE_PITCH * 2),
    ...textBands(kit, header.docNo, { alignment: 'center', charSpacing: 0 }),
    space(mm(4) - (LINE_PITCH - SIZE.三号)),
    rule,
    space(LINE_PITCH * 2 - mm(4)),
  ];
}
