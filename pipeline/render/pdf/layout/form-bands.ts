/**
 * Ruled forms (登记表, the 催办通知 form) and item lists (督办通知, 到期提醒, 催报通知) as bands, as
 * wide as the type area. A row is one band with its cells centred vertically; a row too tall for
 * that (a 2,000-character 落实情况) becomes one band per line so it can run onto the next page,
 * its cells then top-aligned. Rows joined by a rowSpan cell stay together. Header rows are drawn
 * again at the head of every page a long list runs onto (flow.ts).
 */
import type { FormCell } from './form-table.ts';
import { SIZE, TYPE_AREA, gridLines, oneWordSize, type TextKit } from './gbt9704-layout.ts';
import { textWidth } from './text-measure.ts';
import { textLine, type Band, type Frame } from './bands.ts';
import type { Mark } from './marks.ts';
import { describe, type Described } from './described.ts';

/** A cell of form-table.ts, with checkboxes drawn as boxes instead of pdfmake content. */
export interface BandCell extends Omit<FormCell, 'content' | 'fillColor'> {
  /** □是 □否 drawn as boxes (the Noto faces have no ☐/☑); `checked` is ticked. */
  checkboxes?: { options: string[]; checked: string | null };
}

export interface FormOptions {
  /** Relative column widths. */
  columns: number[];
  size?: number;
  /** Line pitch inside cells; 1.5 × size by default. */
  pitch?: number;
  /** Rows repeated at the head of every page the form runs onto (column captions). */
  headerRows?: number;
  /** A cell of one word (an 编号, a date in digits) keeps it on one line, shrunk to fit (oneWordSize). */
  wholeWords?: boolean;
}

const PAD_X = 5;
const PAD_Y = 4;
const RULE = 0.75;
/** Rows of more lines than this may break across pages. */
const SPLIT_LINES = 8;

interface Placed {
  cell: BandCell;
  row: number;
  left: number;
  right: number;
  lines: string[];
  /** Font size of the cell's text (smaller than the form's for a shrunk word). */
  size: number;
}

export function formBands(kit: TextKit, rows: BandCell[][], o: FormOptions): Band[] {
  const size = o.size ?? SIZE.四号;
  const pitch = o.pitch ?? size * 1.5;
  const total = o.columns.reduce((a, b) => a + b, 0) || 1;
  const edges = [0];
  for (const c of o.columns) edges.push((edges.at(-1) ?? 0) + (TYPE_AREA.width * c) / total);
  const frame: Frame = { left: 0, right: TYPE_AREA.width, rule: RULE };

  const placed: Placed[][] = rows.map((row, r) => {
    const cells: Placed[] = [];
    let col = 0;
    for (const cell of row) {
      const span = cell.colSpan ?? 1;
      if (!cell.covered) {
        const left = edges[col] ?? 0;
        const right = edges[col + span] ?? TYPE_AREA.width;
        const width = right - left - 2 * PAD_X - RULE;
        const role = cell.role ?? 'body';
        const text = cell.text ?? '';
        const cellSize = o.wholeWords ? oneWordSize(kit, role, text, width, size) : size;
        const lines = cell.checkboxes ? [''] : gridLines(kit, text, { role, size: cellSize, width, charSpacing: 0 });
        cells.push({ cell, row: r, left, right, lines, size: cellSize });
      }
      col += cell.covered ? 1 : span;
    }
    return cells;
  });
  const linesOf = (p: Placed) => Math.max(1, p.lines.length, p.cell.minLines ?? 0);
  const rowLines = placed.map((cells) => Math.max(1, ...cells.filter((p) => (p.cell.rowSpan ?? 1) === 1).map(linesOf)));

  const draw = (p: Placed, top: number, height: number, from: number, count: number, centred: boolean): Mark[] => {
    const marks: Mark[] = [];
    const shown = Math.min(count, Math.max(0, p.lines.length - from));
    let y = top + (centred ? (height - shown * pitch) / 2 : from === 0 ? PAD_Y : 0);
    const x = p.left + RULE / 2 + PAD_X;
    const width = p.right - p.left - 2 * PAD_X - RULE;
    if (p.cell.checkboxes && from === 0) return checkboxMarks(kit, p.cell.checkboxes, x, y, size);
    for (const line of p.lines.slice(from, from + shown)) {
      marks.push(textLine(kit, line, { role: p.cell.role ?? 'body', size: p.size, charSpacing: 0, alignment: p.cell.alignment ?? 'left', x, width, top: y }));
      y += pitch;
    }
    return marks;
  };
  const rule = (x1: number, y1: number, x2: number, y2: number): Mark => ({ kind: 'line', x1, y1, x2, y2, width: RULE });

  const bands: Band[] = [];
  const headerRows = o.headerRows ?? 0;
  const description: Described = { kind: 'table', rows, options: { columns: o.columns, size, pitch, headerRows }, centred: true };
  for (let r = 0; r < rows.length; ) {
    if (headerRows > 0 && r >= headerRows && !frame.header) frame.header = [...bands];
    let end = r;
    for (let k = r; k <= end; k++) for (const p of placed[k] ?? []) end = Math.max(end, k + (p.cell.rowSpan ?? 1) - 1);
    end = Math.min(end, rows.length - 1);
    const cells = placed[r] ?? [];
    if (end === r && rowLines[r]! > SPLIT_LINES) {
      // A long row: a band per line, a page break possible between any two.
      const n = rowLines[r]!;
      for (let i = 0; i < n; i++) {
        const height = pitch + (i === 0 ? PAD_Y : 0) + (i === n - 1 ? PAD_Y : 0);
        const marks: Mark[] = i === 0 ? [rule(0, 0, TYPE_AREA.width, 0)] : [];
        for (const p of cells) {
          marks.push(...draw(p, 0, height, i, 1, false));
          if (p.left > 0) marks.push(rule(p.left, 0, p.left, height));
        }
        marks.push(rule(0, 0, 0, height), rule(TYPE_AREA.width, 0, TYPE_AREA.width, height));
        bands.push(describe({ height, marks, frame }, description));
      }
      r = end + 1;
      continue;
    }
    // One band: row r, or rows r..end held together by a rowSpan.
    const heights = rowLines.slice(r, end + 1).map((n) => n * pitch + 2 * PAD_Y);
    for (let k = r; k <= end; k++) {
      for (const p of placed[k] ?? []) {
        const span = Math.min(p.cell.rowSpan ?? 1, end - k + 1);
        if (span < 2) continue;
        const have = heights.slice(k - r, k - r + span).reduce((a, b) => a + b, 0);
        const need = linesOf(p) * pitch + 2 * PAD_Y;
        if (need > have) heights[k - r + span - 1]! += need - have;
      }
    }
    const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
    const height = heights.reduce((a, b) => a + b, 0);
    const marks: Mark[] = [rule(0, 0, 0, height), rule(TYPE_AREA.width, 0, TYPE_AREA.width, height)];
    for (let k = r; k <= end; k++) {
      const top = tops[k - r] ?? 0;
      for (const p of placed[k] ?? []) {
        const span = Math.min(p.cell.rowSpan ?? 1, end - k + 1);
        const cellHeight = heights.slice(k - r, k - r + span).reduce((a, b) => a + b, 0);
        marks.push(rule(p.left, top, p.right, top), ...draw(p, top, cellHeight, 0, linesOf(p), true));
        if (p.left > 0) marks.push(rule(p.left, top, p.left, top + cellHeight));
      }
    }
    bands.push(describe({ height, marks, frame }, description));
    r = end + 1;
  }
  return bands;
}

function checkboxMarks(kit: TextKit, boxes: { options: string[]; checked: string | null }, left: number, top: number, size: number): Mark[] {
  const box = size * 0.8;
  const marks: Mark[] = [];
  let x = left;
  const y = top + size * 0.3;
  for (const option of boxes.options) {
    marks.push({ kind: 'rect', x, y, w: box, h: box, width: 0.8 });
    if (option === boxes.checked) {
      marks.push({
        kind: 'polyline',
        points: [
          [x + box * 0.18, y + box * 0.5],
          [x + box * 0.42, y + box * 0.78],
          [x + box * 0.85, y + box * 0.15],
        ],
        width: 1.4,
      });
    }
    x += box + 6;
    marks.push(textLine(kit, option, { size, charSpacing: 0, x, width: TYPE_AREA.width, top }));
    x += textWidth(kit.body, option, size) + size * 1.5 + 2;
  }
  return marks;
}
