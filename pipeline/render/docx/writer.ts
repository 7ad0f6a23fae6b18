/**
 * DocxDocument → DOCX bytes, with the `docx` library, on GB/T 9704 as Word and WPS express it:
 * A4, margins 37 / 35 / 28 / 26 mm, a document grid of 22 lines × 28 characters (w:docGrid), 3号
 * 仿宋 body, 2号 小标宋 title, 3号 黑体 / 楷体 headings (Word's Title, Heading 1, Heading 2 styles),
 * every run naming its font for East-Asian text too, page numbers 「— 1 —」 in 4号 宋体 right on odd
 * and left on even pages (separate odd and even footers), forms as fixed-width Word tables, space
 * above and below set on the paragraphs, and the 版记 as a table at the foot of its page.
 *
 * Lines: every paragraph has exact line spacing (the grid's 579 twips for body text), so pages
 * hold 22 lines in any program. Characters: 3号 text takes 15.75 pt a character, 28 to a line,
 * set on the runs and not by snapping to the character grid — Word and WPS squeeze a 16-pt
 * character into a 15.8-pt grid cell, LibreOffice gives it two cells (14 to a line); this way the
 * three agree and the grid stays declared for text the office adds.
 *
 * Speed and reproducibility: documents of one shape (the same blocks and styles, other words —
 * a run's thousands of 登记表 have a handful of shapes) are built by the library once, with
 * placeholders for the words; each document then only fills in its words and is zipped with
 * fixed dates (zip.ts). Same document → same bytes.
 */
import type * as Docx from 'docx';
import { CHAR_PITCH, LINE_PITCH, MARGINS, SIZE, gridCharSpacing, mm } from '../pdf/layout/gbt9704-layout.ts';
import { BAR_COLOR } from '../pdf/report/chart.ts';
import { COPY_LABEL, IMPRINT_RULES, IMPRINT_SIZE } from '../pdf/layout/imprint.ts';
import { fontTableXml, type DocxFonts } from './fonts.ts';
import type { Block, Cell, Chart, DocxDocument, DocxImprint, Para, Stamp, Table } from './model.ts';
import { packEntry, unzip, zipEntries, type PackedEntry } from './zip.ts';

type DocxModule = typeof Docx;
let loaded: Promise<DocxModule> | undefined;
/** The library (~0.2 s to load) is loaded by the first DOCX written. */
const docxLibrary = (): Promise<DocxModule> => (loaded ??= import('docx'));

/** Points → twentieths of a point. */
const tw = (pt: number): number => Math.round(pt * 20);
/** Line pitch in twips, rounded down so 22 lines of 579 twips fit the 225 mm type area (580 would not). */
const pitchTw = (pt: number): number => Math.floor(pt * 20 + 1e-6);

export const PAGE_TW = { width: 11906, height: 16838 } as const;
export const MARGIN_TW = { top: tw(MARGINS.top), bottom: tw(MARGINS.bottom), left: tw(MARGINS.left), right: tw(MARGINS.right) } as const;
/** 156 mm in twips: the page less the margins. */
export const TEXT_WIDTH_TW = PAGE_TW.width - MARGIN_TW.left - MARGIN_TW.right;
export const LINE_PITCH_TW = pitchTw(LINE_PITCH);
/** Word's character grid: the pitch of 28 characters on the line, less the 3号 font size, in 1/4096 pt. */
export const CHAR_SPACE = Math.floor((TEXT_WIDTH_TW / 20 / 28 - SIZE.三号) * 4096);
/** 3号 character spacing that sets 28 characters on the line without the character grid (−0.25 pt). */
export const BODY_SPACING_TW = -Math.ceil((SIZE.三号 - TEXT_WIDTH_TW / 20 / 28) * 20);
/** Footer distance: the page number's 一字线 7 mm under the type area (GB/T 9704 §7.5). */
const FOOTER_TW = tw(mm(21));
const PAD_X = 5;
const PAD_Y = 4;
const FORM_RULE = 6; // eighths of a point: 0.75 pt, as the PDF's forms
const CHECKED = '2611';
const UNCHECKED = '2610';
const SYMBOL_FONT = 'Segoe UI Symbol';

const TOKEN = /\uE000(\d+)\uE001/g;

interface Template {
  /** Parts with placeholders are kept as text; the others are packed once. */
  parts: (PackedEntry | { name: string; text: string })[];
}

const templates = new Map<string, Template>();
const MAX_TEMPLATES = 200;

export async function writeDocx(doc: DocxDocument, fonts: DocxFonts): Promise<Uint8Array> {
  const texts: string[] = [];
  const shape = withTokens(doc, (s) => `\uE000${texts.push(s) - 1}\uE001`);
  const key = JSON.stringify([shape, fonts]);
  let template = templates.get(key);
  if (!template) {
    template = await compile(shape, fonts);
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value ?? '');
    templates.set(key, template);
  }
  const entries = template.parts.map((p) =>
    'text' in p
      ? packEntry(
          p.name,
          p.text.replace(TOKEN, (_, i: string) => escapeText(texts[Number(i)] ?? '')),
          true,
        )
      : p,
  );
  return zipEntries(entries);
}

/** The document with every word replaced by `token(word)`: words live in `texts` arrays and in the meta. */
function withTokens(doc: DocxDocument, token: (s: string) => string): DocxDocument {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value instanceof Date) return value;
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'texts' && Array.isArray(v) ? v.map((s) => token(String(s))) : walk(v);
    return out;
  };
  return {
    meta: { title: token(doc.meta.title), author: token(doc.meta.author), timestamp: doc.meta.timestamp },
    blocks: walk(doc.blocks) as Block[],
    imprint: walk(doc.imprint) as DocxImprint | null,
  };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function compile(doc: DocxDocument, fonts: DocxFonts): Promise<Template> {
  const d = await docxLibrary();
  const build = new Builder(d, fonts);
  const document = build.document(doc);
  const overrides = [
    { path: 'word/styles.xml', data: stylesXml(fonts) },
    { path: 'word/fontTable.xml', data: fontTableXml(fonts) },
    { path: 'docProps/core.xml', data: coreXml(doc) },
  ];
  const packed = await d.Packer.toBuffer(document, false, overrides);
  const parts: Template['parts'] = [];
  for (const entry of unzip(packed)) {
    const text = entry.bytes.toString('utf8');
    parts.push(text.includes('\uE000') ? { name: entry.name, text } : packEntry(entry.name, entry.bytes));
  }
  return { parts };
}

class Builder {
  constructor(
    private readonly d: DocxModule,
    private readonly fonts: DocxFonts,
  ) {}

  document(doc: DocxDocument): Docx.Document {
    const d = this.d;
    const body = doc.blocks.flatMap((b) => this.block(b));
    const properties = {
      page: {
        size: { width: PAGE_TW.width, height: PAGE_TW.height, orientation: d.PageOrientation.PORTRAIT },
        margin: { ...MARGIN_TW, header: tw(mm(15)), footer: FOOTER_TW, gutter: 0 },
      },
      grid: { type: d.DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TW, charSpace: CHAR_SPACE },
    };
    const footers = { default: this.pageNumbers('right'), even: this.pageNumbers('left') };
    const sections: Docx.ISectionOptions[] = [];
    const imprint = doc.imprint;
    if (!imprint) {
      sections.push({ properties, footers, children: this.closed(body) });
    } else if (imprint.placement === 'blank') {
      // A blank page and the 版记 page, neither numbered: a section of their own with empty footers.
      sections.push({ properties, footers, children: this.closed(body) });
      const none = () => new d.Footer({ children: [new d.Paragraph({ children: [] })] });
      sections.push({
        properties: { ...properties, type: d.SectionType.NEXT_PAGE },
        footers: { default: none(), even: none() },
        children: [this.emptyLine(false), this.emptyLine(true), ...this.imprint(imprint)],
      });
    } else {
      sections.push({ properties, footers, children: [...body, ...(imprint.placement === 'next' ? [this.emptyLine(true)] : []), ...this.imprint(imprint)] });
    }
    return new d.Document({
      creator: doc.meta.author,
      title: doc.meta.title,
      lastModifiedBy: doc.meta.author,
      evenAndOddHeaderAndFooters: true,
      sections,
    });
  }

  /** A section's content ends with a paragraph (Word wants one after a last table). */
  private closed(children: (Docx.Paragraph | Docx.Table)[]): (Docx.Paragraph | Docx.Table)[] {
    const last = children.at(-1);
    return last && last instanceof this.d.Paragraph ? children : [...children, this.hairline()];
  }

  /** A 1-pt paragraph: after a table, where Word needs a paragraph and nothing should show. */
  private hairline(): Docx.Paragraph {
    return new this.d.Paragraph({ spacing: { line: 20, lineRule: this.d.LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
  }

  /** An empty line of the grid; `newPage` starts a page with it. */
  private emptyLine(newPage: boolean): Docx.Paragraph {
    return new this.d.Paragraph({ pageBreakBefore: newPage, spacing: { line: LINE_PITCH_TW, lineRule: this.d.LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
  }

  private block(b: Block): (Docx.Paragraph | Docx.Table)[] {
    switch (b.kind) {
      case 'para':
        return this.para(b);
      case 'table':
        return this.table(b);
      case 'chart':
        return this.chart(b);
      case 'stamp':
        return [this.stamp(b)];
    }
  }

  private font(role: keyof DocxFonts): Docx.IFontAttributesProperties {
    const name = this.fonts[role];
    return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
  }

  private run(text: string, o: { role: keyof DocxFonts; size: number; color?: string | null; bold?: boolean; spacing?: number; border?: boolean }): Docx.TextRun {
    const d = this.d;
    return new d.TextRun({
      text,
      font: this.font(o.role),
      size: Math.round(o.size * 2),
      ...(o.color ? { color: o.color.replace(/^#/, '') } : {}),
      ...(o.bold ? { bold: true } : {}),
      ...(o.spacing ? { characterSpacing: o.spacing } : {}),
      ...(o.border ? { border: { style: d.BorderStyle.SINGLE, size: 12, color: (o.color ?? '#000000').replace(/^#/, ''), space: 1 } } : {}),
    });
  }

  /** Character spacing of a run in twips: 3号 on the grid gets 28 to the line (see the head of this file). */
  private spacing(size: number, charSpacing: number): number {
    if (size === SIZE.三号 && Math.abs(charSpacing - gridCharSpacing(SIZE.三号)) < 1e-9) return BODY_SPACING_TW;
    return tw(charSpacing);
  }

  private para(p: Para): Docx.Paragraph[] {
    const d = this.d;
    const s = p.style;
    const last = p.texts.length - 1;
    const indentChars = s.indentChars;
    const indent = {
      ...(indentChars > 0 ? { firstLine: tw(indentChars * CHAR_PITCH), firstLineChars: indentChars * 100 } : {}),
      ...(s.indentLeft > 0 ? { left: tw(s.indentLeft) } : {}),
    };
    return p.texts.map(
      (text, i) =>
        new d.Paragraph({
          ...(s.style ? { style: s.style } : {}),
          alignment: ALIGN[s.alignment],
          ...(s.keepNext ? { keepLines: true, ...(i === last ? { keepNext: true } : {}) } : {}),
          spacing: { line: pitchTw(s.pitch), lineRule: d.LineRuleType.EXACT, before: i === 0 ? tw(s.before) : 0, after: i === last ? tw(s.after) : 0 },
          ...(Object.keys(indent).length > 0 ? { indent } : {}),
          ...(s.rule && i === last
            ? { border: { bottom: { style: d.BorderStyle.SINGLE, size: Math.round(s.rule.width * 8), color: s.rule.color.replace(/^#/, ''), space: Math.round(s.rule.gap) } } }
            : {}),
          children: [this.run(text, { role: s.role, size: s.size, color: s.color, bold: s.bold, spacing: this.spacing(s.size, s.charSpacing) })],
        }),
    );
  }

  private stamp(b: Stamp): Docx.Paragraph {
    const d = this.d;
    return new d.Paragraph({
      alignment: d.AlignmentType.RIGHT,
      spacing: { line: pitchTw(LINE_PITCH), lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
      indent: { right: tw(2) },
      children: b.texts.map((t) => this.run(t, { role: b.role, size: b.size, color: b.color, spacing: tw(b.charSpacing), border: b.framed })),
    });
  }

  private widths(columns: readonly number[], total = TEXT_WIDTH_TW): number[] {
    const sum = columns.reduce((a, c) => a + c, 0) || 1;
    const widths = columns.map((c) => Math.floor((total * c) / sum));
    widths[widths.length - 1]! += total - widths.reduce((a, w) => a + w, 0);
    return widths;
  }

  private table(t: Table): (Docx.Paragraph | Docx.Table)[] {
    const d = this.d;
    const widths = this.widths(t.columns);
    const border = { style: d.BorderStyle.SINGLE, size: FORM_RULE, color: '000000' };
    const rows = t.rows.map((row, r) => {
      let col = 0;
      const cells = row.map((cell) => {
        const span = cell.covered ? 1 : cell.colSpan;
        const width = widths.slice(col, col + span).reduce((a, w) => a + w, 0);
        col += span;
        return this.cell(cell, t, width);
      });
      const minLines = Math.max(0, ...row.map((c) => c.minLines));
      return new d.TableRow({
        children: cells,
        ...(r < t.headerRows ? { tableHeader: true } : {}),
        ...(t.keepNext ? { keepNext: true } : {}),
        ...(minLines > 0 ? { height: { value: tw(minLines * t.pitch + 2 * PAD_Y), rule: d.HeightRule.ATLEAST } } : {}),
      });
    });
    const table = new d.Table({
      rows,
      width: { size: TEXT_WIDTH_TW, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      indent: { size: 0, type: d.WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    });
    // Space above the table is set on the paragraph above it; a table first in the document has none.
    return t.before > 0 ? [this.spacer(t.before), table] : [table];
  }

  /** Space above a table: an exact-height paragraph (a table has no space before of its own). */
  private spacer(height: number): Docx.Paragraph {
    return new this.d.Paragraph({ spacing: { line: Math.max(20, tw(height)), lineRule: this.d.LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
  }

  private cell(c: Cell, t: Table, width: number): Docx.TableCell {
    const d = this.d;
    const base = {
      width: { size: width, type: d.WidthType.DXA },
      margins: { top: tw(PAD_Y), bottom: tw(PAD_Y), left: tw(PAD_X), right: tw(PAD_X) },
      ...(t.centred ? { verticalAlign: d.VerticalAlignTable.CENTER } : {}),
    };
    if (c.covered) return new d.TableCell({ ...base, verticalMerge: d.VerticalMergeType.CONTINUE, children: [new d.Paragraph({ children: [] })] });
    const paragraph = (children: Docx.ParagraphChild[]) =>
      new d.Paragraph({
        alignment: ALIGN[c.alignment],
        spacing: { line: pitchTw(t.pitch), lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
        ...(t.keepNext ? { keepNext: true } : {}),
        children,
      });
    const run = (text: string) => this.run(text, { role: c.role, size: t.size });
    const children = c.checkboxes
      ? [
          paragraph(
            c.texts.flatMap((option, i) => [
              ...(i > 0 ? [run('\u3000')] : []),
              new d.CheckBox({
                checked: i === c.checkboxes?.checked,
                checkedState: { value: CHECKED, font: SYMBOL_FONT },
                uncheckedState: { value: UNCHECKED, font: SYMBOL_FONT },
              }),
              run(option),
            ]),
          ),
        ]
      : c.texts.map((text) => paragraph([run(text)]));
    return new d.TableCell({
      ...base,
      ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
      ...(c.rowSpan > 1 ? { verticalMerge: d.VerticalMergeType.RESTART } : {}),
      children,
    });
  }

  /** The bar chart as a borderless table: unit, bar (a shaded cell of the rate's width), value. */
  private chart(c: Chart): (Docx.Paragraph | Docx.Table)[] {
    const d = this.d;
    const none = { style: d.BorderStyle.NONE, size: 0, color: 'auto' };
    const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
    const [labelW = 0, barW = 0, valueW = 0] = this.widths([28, 58, 14]);
    const height = { value: tw(c.size * 1.9), rule: d.HeightRule.EXACT };
    const text = (t: string, alignment: keyof typeof ALIGN) =>
      new d.Paragraph({ alignment: ALIGN[alignment], spacing: { line: pitchTw(c.size * 1.2), lineRule: d.LineRuleType.EXACT }, children: [this.run(t, { role: 'body', size: c.size })] });
    const bar = (rate: number | null): Docx.Paragraph | Docx.Table => {
      const inner = barW - 2 * tw(PAD_X);
      const filled = rate === null ? 0 : Math.round(Math.min(1, Math.max(0, rate)) * inner);
      if (filled < 20) return text('', 'left');
      const cells = [
        new d.TableCell({ width: { size: filled, type: d.WidthType.DXA }, shading: { type: d.ShadingType.CLEAR, fill: BAR_COLOR.replace(/^#/, ''), color: 'auto' }, children: [text('', 'left')] }),
      ];
      if (inner - filled >= 20) cells.push(new d.TableCell({ width: { size: inner - filled, type: d.WidthType.DXA }, children: [text('', 'left')] }));
      return new d.Table({
        rows: [new d.TableRow({ height: { value: tw(c.size * 1.1), rule: d.HeightRule.EXACT }, children: cells })],
        width: { size: inner, type: d.WidthType.DXA },
        columnWidths: cells.length === 2 ? [filled, inner - filled] : [filled],
        layout: d.TableLayoutType.FIXED,
        borders: noBorders,
      });
    };
    const rows = c.rows.map(
      (r) =>
        new d.TableRow({
          height,
          children: [
            new d.TableCell({ width: { size: labelW, type: d.WidthType.DXA }, verticalAlign: d.VerticalAlignTable.CENTER, children: [text(r.texts[0] ?? '', 'right')] }),
            new d.TableCell({ width: { size: barW, type: d.WidthType.DXA }, verticalAlign: d.VerticalAlignTable.CENTER, children: [bar(r.rate), text('', 'left')] }),
            new d.TableCell({ width: { size: valueW, type: d.WidthType.DXA }, verticalAlign: d.VerticalAlignTable.CENTER, children: [text(r.texts[1] ?? '', 'left')] }),
          ],
        }),
    );
    // The axis: a rule and 0 … 100% under the bars, as the PDF draws them.
    const inner = barW - 2 * tw(PAD_X);
    const q = Math.floor(inner / 4);
    const axisWidths = [Math.floor(q / 2), q, q, q, inner - Math.floor(q / 2) - 3 * q];
    const axisAlign = ['left', 'center', 'center', 'center', 'right'] as const;
    const axis = new d.Table({
      rows: [
        new d.TableRow({
          children: c.axis.texts.map(
            (t, i) => new d.TableCell({ width: { size: axisWidths[i] ?? q, type: d.WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, children: [text(t, axisAlign[i] ?? 'center')] }),
          ),
        }),
      ],
      width: { size: inner, type: d.WidthType.DXA },
      columnWidths: axisWidths,
      layout: d.TableLayoutType.FIXED,
      borders: { ...noBorders, top: { style: d.BorderStyle.SINGLE, size: 6, color: '000000' } },
    });
    const empty = (w: number) => new d.TableCell({ width: { size: w, type: d.WidthType.DXA }, children: [text('', 'left')] });
    rows.push(new d.TableRow({ children: [empty(labelW), new d.TableCell({ width: { size: barW, type: d.WidthType.DXA }, children: [axis, text('', 'left')] }), empty(valueW)] }));
    const table = new d.Table({
      rows,
      width: { size: TEXT_WIDTH_TW, type: d.WidthType.DXA },
      columnWidths: [labelW, barW, valueW],
      layout: d.TableLayoutType.FIXED,
      borders: noBorders,
    });
    return c.before > 0 ? [this.spacer(c.before), table] : [table];
  }

  /** 「— 1 —」: the number is a PAGE field, so Word and WPS count the pages themselves. */
  private pageNumbers(side: 'left' | 'right'): Docx.Footer {
    const d = this.d;
    const o = { role: 'song' as const, size: SIZE.四号 };
    const inset = tw(SIZE.四号);
    return new d.Footer({
      children: [
        new d.Paragraph({
          alignment: side === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: side === 'right' ? { right: inset } : { left: inset },
          spacing: { line: tw(SIZE.四号 * 1.2), lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
          children: [this.run('— ', o), new d.TextRun({ children: [d.PageNumber.CURRENT], font: this.font('song'), size: SIZE.四号 * 2 }), this.run(' —', o)],
        }),
      ],
    });
  }

  /**
   * 版记: a table whose top and bottom borders are the 0.35-mm rules and whose inner border is the
   * 0.25-mm one, floating at the foot of the type area (Word's 表格定位: vertically bottom of the
   * margin), so its last rule lies on the lower edge of the type area whatever is above it.
   */
  private imprint(imprint: DocxImprint): (Docx.Paragraph | Docx.Table)[] {
    const d = this.d;
    // The number of texts is part of the shape; their words are not (they are placeholders here).
    const copy = imprint.texts.length === 3 ? imprint.texts[0] : undefined;
    const [printer = '', date = ''] = imprint.texts.slice(-2);
    const one = tw(IMPRINT_SIZE);
    const label = one * Array.from(COPY_LABEL).length;
    const rule = (w: number) => ({ style: d.BorderStyle.SINGLE, size: Math.round(w * 8), color: '000000' });
    const none = { style: d.BorderStyle.NONE, size: 0, color: 'auto' };
    const half = Math.floor(TEXT_WIDTH_TW / 2);
    const margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const line = (children: Docx.ParagraphChild[], o: Docx.IParagraphOptions) =>
      new d.Paragraph({ ...o, spacing: { line: LINE_PITCH_TW, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 }, children });
    const run = (text: string) => this.run(text, { role: 'body', size: IMPRINT_SIZE });
    const rows: Docx.TableRow[] = [];
    if (copy !== undefined) {
      rows.push(
        new d.TableRow({
          cantSplit: true,
          children: [
            new d.TableCell({
              columnSpan: 2,
              margins,
              width: { size: TEXT_WIDTH_TW, type: d.WidthType.DXA },
              children: [line([run(COPY_LABEL), run(copy)], { indent: { left: one + label, hanging: label, right: one } })],
            }),
          ],
        }),
      );
    }
    rows.push(
      new d.TableRow({
        cantSplit: true,
        children: [
          new d.TableCell({ margins, width: { size: half, type: d.WidthType.DXA }, children: [line([run(printer)], { indent: { left: one } })] }),
          new d.TableCell({
            margins,
            width: { size: TEXT_WIDTH_TW - half, type: d.WidthType.DXA },
            children: [line([run(date)], { alignment: d.AlignmentType.RIGHT, indent: { right: one } })],
          }),
        ],
      }),
    );
    const table = new d.Table({
      rows,
      width: { size: TEXT_WIDTH_TW, type: d.WidthType.DXA },
      columnWidths: [half, TEXT_WIDTH_TW - half],
      layout: d.TableLayoutType.FIXED,
      // Positioned from the page's left edge (at the margin): LibreOffice keeps a table as wide as the
      // text area inline unless it is placed relative to the page.
      float: {
        horizontalAnchor: d.TableAnchorType.PAGE,
        absoluteHorizontalPosition: MARGIN_TW.left,
        verticalAnchor: d.TableAnchorType.MARGIN,
        relativeVerticalPosition: d.RelativeVerticalPosition.BOTTOM,
        leftFromText: 0,
        rightFromText: 0,
        topFromText: 0,
        bottomFromText: 0,
      },
      borders: { top: rule(IMPRINT_RULES.outer), bottom: rule(IMPRINT_RULES.outer), insideHorizontal: rule(IMPRINT_RULES.inner), left: none, right: none, insideVertical: none },
    });
    return [table, this.hairline()];
  }
}

const ALIGN = { left: 'left', center: 'center', right: 'right' } as const satisfies Record<string, Docx.IParagraphOptions['alignment']>;

/** docProps/core.xml with the run's fixed timestamp (the library would write the time of writing). */
function coreXml(doc: DocxDocument): string {
  const when = doc.meta.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${doc.meta.title}</dc:title><dc:creator>${doc.meta.author}</dc:creator><cp:lastModifiedBy>${doc.meta.author}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision><dc:language>zh-CN</dc:language>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * word/styles.xml: Normal is 3号 仿宋 on exact grid lines (its size is what Word's and LibreOffice's
 * character grid is measured from), Title 2号 小标宋, Heading 1 黑体, Heading 2 楷体 — the styles an
 * office applies when it adds a paragraph.
 */
function stylesXml(fonts: DocxFonts): string {
  const rFonts = (name: string) => `<w:rFonts w:ascii="${esc(name)}" w:hAnsi="${esc(name)}" w:eastAsia="${esc(name)}" w:cs="${esc(name)}" w:hint="eastAsia"/>`;
  const body = `${rFonts(fonts.body)}<w:sz w:val="32"/><w:szCs w:val="32"/>`;
  const line = `<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH_TW}" w:lineRule="exact"/>`;
  // No extra space between Chinese and Latin text or digits (the PDF has none), no snapping to the character grid.
  const flat = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>';
  const heading = (id: string, name: string, font: string, level: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:keepLines/>${line}<w:ind w:firstLineChars="200" w:firstLine="${tw(2 * CHAR_PITCH)}"/><w:outlineLvl w:val="${level}"/></w:pPr>` +
    `<w:rPr>${rFonts(font)}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${body}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${flat}${line}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${flat}${line}</w:pPr>` +
    `<w:rPr>${body}<w:spacing w:val="${BODY_SPACING_TW}"/></w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="${pitchTw(mm(13))}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr>${rFonts(fonts.title)}<w:spacing w:val="0"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
    heading('Heading1', 'heading 1', fonts.heading1, 0) +
    heading('Heading2', 'heading 2', fonts.heading2, 1) +
    `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>` +
    `<w:rPr>${rFonts(fonts.song)}<w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
    '</w:styles>'
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
