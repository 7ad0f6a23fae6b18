/**
 * A formal document as the DOCX writer needs it: paragraphs of text (not lines — Word breaks the
 * lines, so the office can edit a sentence), ruled forms as tables, the signature, the 版记. It is
 * read off the PDF's own description (pdf/described.ts): the bands of the letters and forms
 * (催办通知, 督办通知, 登记表, 到期提醒, 催报通知) and the pdfmake content of the report — one
 * description, two writers.
 *
 * Every text sits in a `texts` array (one entry per paragraph) or in the meta: the writer swaps them
 * for placeholders to find documents of the same shape (writer.ts).
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { FontRole } from '../pdf/fonts.ts';
import { LINE_PITCH, SIZE, documentText, gridCharSpacing, type TextOptions } from '../pdf/layout/gbt9704-layout.ts';
import { describedOf, type Described, type DescribedCell, type Imprint } from '../pdf/layout/described.ts';
import type { Band } from '../pdf/layout/bands.ts';
import type { TextMark } from '../pdf/layout/marks.ts';
import { cleanText } from '../pdf/layout/text-wrap.ts';
import type { ImprintPlacement } from '../pdf/layout/imprint.ts';
import { rateWord } from '../words.ts';

export interface DocxMeta {
  title: string;
  author: string;
  timestamp: Date;
}

export type Alignment = 'left' | 'center' | 'right';

export interface ParaStyle {
  role: FontRole;
  size: number;
  alignment: Alignment;
  color: string | null;
  bold: boolean;
  indentChars: number;
  /** Left indent in points (the signature lines). */
  indentLeft: number;
  /** Distance between baselines in points. */
  pitch: number;
  /** The PDF's extra space between characters; the 3号 grid spacing for body text. */
  charSpacing: number;
  before: number;
  after: number;
  keepNext: boolean;
  /** A rule under the paragraph (the red line of the 版头): width in points, colour, gap in points. */
  rule: { width: number; color: string; gap: number } | null;
  /** Word paragraph style: Title, Heading1, Heading2, or Normal (null). */
  style: 'Title' | 'Heading1' | 'Heading2' | null;
}

export interface Para {
  kind: 'para';
  texts: string[];
  style: ParaStyle;
}

export interface Cell {
  texts: string[];
  role: FontRole;
  alignment: Alignment;
  colSpan: number;
  rowSpan: number;
  covered: boolean;
  minLines: number;
  /** □是 □否: the option labels in `texts`, `checked` the index ticked (-1: none). */
  checkboxes: { checked: number } | null;
}

export interface Table {
  kind: 'table';
  rows: Cell[][];
  columns: number[];
  size: number;
  pitch: number;
  headerRows: number;
  centred: boolean;
  before: number;
  after: number;
  keepNext: boolean;
}

export interface Chart {
  kind: 'chart';
  /** texts: [unit, value label]. */
  rows: { texts: string[]; rate: number | null }[];
  /** The labels under the bars: 0, 25%, 50%, 75%, 100%. */
  axis: { texts: string[] };
  size: number;
  before: number;
}

/** 「重点督办」 in a red frame, right-aligned. */
export interface Stamp {
  kind: 'stamp';
  texts: string[];
  role: FontRole;
  size: number;
  color: string | null;
  charSpacing: number;
  framed: boolean;
}

export type Block = Para | Table | Chart | Stamp;

export interface DocxImprint {
  /** texts: [印发机关, 印发日期 + 印发], after the 抄送 names (joined with ，and closed with 。) if there are any. */
  texts: string[];
  placement: ImprintPlacement;
}

export interface DocxDocument {
  meta: DocxMeta;
  blocks: Block[];
  imprint: DocxImprint | null;
}

/** A text as the documents print it (cut at 2,000 characters, controls removed), as paragraphs. */
export function paragraphsOf(text: string): string[] {
  return cleanText(documentText(text))
    .replace(/[\uFFFE\uFFFF]/g, '')
    .split('\n');
}

function paraStyle(o: TextOptions): ParaStyle {
  const size = o.size ?? SIZE.三号;
  const role = o.role ?? 'body';
  const alignment = o.alignment ?? 'left';
  const indentChars = o.indentChars ?? 0;
  const style =
    role === 'title' && size === SIZE.二号 && alignment === 'center' ? 'Title' : role === 'heading1' && indentChars === 2 ? 'Heading1' : role === 'heading2' && indentChars === 2 ? 'Heading2' : null;
  return {
    role,
    size,
    alignment,
    color: o.color ?? null,
    bold: o.bold ?? false,
    indentChars,
    indentLeft: 0,
    pitch: o.pitch ?? LINE_PITCH,
    charSpacing: o.charSpacing ?? gridCharSpacing(size),
    before: 0,
    after: 0,
    keepNext: false,
    rule: null,
    style,
  };
}

function cellOf(c: DescribedCell): Cell {
  const boxes = c.checkboxes;
  return {
    texts: boxes ? boxes.options.map((t) => paragraphsOf(t).join('')) : paragraphsOf(c.text ?? ''),
    role: c.role ?? 'body',
    alignment: c.alignment ?? 'left',
    colSpan: c.colSpan ?? 1,
    rowSpan: c.rowSpan ?? 1,
    covered: c.covered ?? false,
    minLines: c.minLines ?? 0,
    checkboxes: boxes ? { checked: boxes.checked === null ? -1 : boxes.options.indexOf(boxes.checked) } : null,
  };
}

/** Collects blocks, carrying vertical space over to the next block's `before`. */
class Collector {
  readonly blocks: Block[] = [];
  private pending = 0;

  constructor(private readonly place: SignaturePlacer) {}

  space(height: number): void {
    this.pending += height;
  }

  private take(): number {
    const before = this.pending;
    this.pending = 0;
    return before;
  }

  /** Space above a table or chart: after the paragraph above it where there is one (a table has no space of its own). */
  private takeForTable(): number {
    const last = this.blocks.at(-1);
    if (last?.kind !== 'para') return this.take();
    last.style.after += this.take();
    return 0;
  }

  para(texts: string[], style: ParaStyle): Para {
    const p: Para = { kind: 'para', texts, style: { ...style, before: style.before + this.take() } };
    this.blocks.push(p);
    return p;
  }

  add(d: Described): void {
    switch (d.kind) {
      case 'text':
        this.para(paragraphsOf(d.text), paraStyle(d.options));
        return;
      case 'space':
        this.space(d.height);
        return;
      case 'rule': {
        // Under the paragraph above; the space that follows it stays pending.
        const last = this.blocks.at(-1);
        if (last?.kind === 'para') last.style.rule = { width: d.width, color: d.color, gap: RULE_GAP };
        return;
      }
      case 'table':
        this.blocks.push({
          kind: 'table',
          rows: d.rows.map((row) => row.map(cellOf)),
          columns: d.options.columns,
          size: d.options.size,
          pitch: d.options.pitch,
          headerRows: d.options.headerRows,
          centred: d.centred,
          before: this.takeForTable(),
          after: 0,
          keepNext: false,
        });
        return;
      case 'signature': {
        const at = this.blocks.length;
        this.signature(d.office, d.date);
        keep(this.blocks, at);
        return;
      }
      case 'keep': {
        const at = this.blocks.length;
        for (const part of d.parts) this.add(part);
        keep(this.blocks, at);
        return;
      }
      case 'chart':
        this.blocks.push({
          kind: 'chart',
          rows: d.rows.map((r) => ({ texts: [r.name, r.rate === null ? '未到期' : rateWord(r.rate)], rate: r.rate })),
          axis: { texts: ['0', ...[0.25, 0.5, 0.75].map(rateWord), '100%'] },
          size: d.size,
          before: this.takeForTable(),
        });
        return;
    }
  }

  /** 发文机关署名 and 成文日期: one blank line above, placed as the PDF places them. */
  private signature(office: string, date: string): void {
    this.space(LINE_PITCH);
    const base = paraStyle({});
    const { officeX, dateX } = this.place(office, date);
    this.para([paragraphsOf(office).join('')], { ...base, indentLeft: officeX });
    this.para([paragraphsOf(date).join('')], { ...base, indentLeft: dateX });
  }

  /** Whatever is still pending goes after the last block. */
  finish(): Block[] {
    const last = this.blocks.at(-1);
    if (last?.kind === 'para') last.style.after += this.take();
    else if (last?.kind === 'table') last.after += this.take();
    return this.blocks;
  }
}

/** Gap between the 发文字号's line and the red rule, in points (4 mm below the text, GB/T 9704 §7.2.5). */
const RULE_GAP = 6;

/** Blocks from `at` on stay with the next one (an unbreakable stack, a heading). */
function keep(blocks: Block[], at: number, withFollowing = false): void {
  const end = withFollowing ? blocks.length : blocks.length - 1;
  for (let i = at; i < end; i++) {
    const b = blocks[i];
    if (b?.kind === 'para') b.style.keepNext = true;
    else if (b?.kind === 'table') b.keepNext = true;
  }
}

type Node = Content & {
  stack?: Content[];
  margin?: number | number[];
  unbreakable?: boolean;
  headlineLevel?: number;
  text?: unknown;
};

function margins(node: Node): [number, number, number, number] {
  const m = node.margin;
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m)) return m.length === 2 ? [m[0] ?? 0, m[1] ?? 0, m[0] ?? 0, m[1] ?? 0] : [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 0];
  return [0, 0, 0, 0];
}

/** Signature positions of the PDF, so the DOCX places 署名 and 日期 alike. */
export type SignaturePlacer = (office: string, date: string) => { officeX: number; dateX: number };

/** The blocks of a pdfmake document's content (gbt9704-layout.ts and friends describe what they return). */
export function blocksOfContent(content: Content | Content[], place: SignaturePlacer): Block[] {
  const c = new Collector(place);
  const walk = (node: Content): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as Node;
    const d = describedOf(n);
    if (d?.kind === 'space') {
      c.space(d.height);
      return;
    }
    // A signature brings its own blank line (its margin in the PDF).
    const [, top, , bottom] = d?.kind === 'signature' ? [0, 0, 0, 0] : margins(n);
    c.space(top);
    const at = c.blocks.length;
    if (d) {
      c.add(d);
    } else if (Array.isArray(n.stack)) {
      for (const child of n.stack) walk(child);
    }
    if (n.unbreakable) keep(c.blocks, at);
    if (n.headlineLevel !== undefined) keep(c.blocks, at, true);
    c.space(bottom);
  };
  walk(content as Content);
  return c.finish();
}

/** The blocks of a band document (催办通知, 登记表): bands of one paragraph or form share a description. */
export function blocksOfBands(bands: readonly Band[], place: SignaturePlacer): Block[] {
  const c = new Collector(place);
  let previous: Described | undefined;
  for (const band of bands) {
    const d = describedOf(band);
    if (d) {
      if (d === previous) continue;
      previous = d;
      c.add(d);
      continue;
    }
    previous = undefined;
    const stamp = stampOf(band);
    if (stamp) c.blocks.push(stamp);
    else c.space(band.height);
  }
  return c.finish();
}

/** A band drawn by hand (the 「重点督办」 mark): its text, right-aligned, framed if it has a frame. */
function stampOf(band: Band): Stamp | null {
  const texts = band.marks.filter((m): m is TextMark => m.kind === 'text');
  const first = texts[0];
  if (!first) return null;
  return {
    kind: 'stamp',
    texts: [texts.map((t) => t.text).join('')],
    role: first.role,
    size: first.size,
    color: first.color ?? null,
    charSpacing: first.charSpacing,
    framed: band.marks.some((m) => m.kind === 'rect'),
  };
}

export function docxImprint(imprint: Imprint, placement: ImprintPlacement): DocxImprint {
  const names = imprint.copyTo.map((n) => paragraphsOf(n).join(''));
  return { texts: [...(names.length > 0 ? [`${names.join('，')}。`] : []), imprint.printer, `${imprint.date}印发`], placement };
}
