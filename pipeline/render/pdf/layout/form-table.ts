/**
 * Ruled tables of the pdfmake documents (the report's tables) sized to the type area, with cell text
 * pre-broken like body text so long CSV values wrap and rows flow across pages. The letters' forms
 * and item lists are bands (layout/form-bands.ts).
 */
import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import type { FontRole } from '../fonts.ts';
import { SIZE, TYPE_AREA, oneWordSize, textBlock, type TextKit } from './gbt9704-layout.ts';
import { describe } from './described.ts';

export interface FormCell {
  text?: string;
  /** Ready-made content instead of text. */
  content?: Content;
  role?: FontRole;
  colSpan?: number;
  rowSpan?: number;
  /** The place of a cell covered by a rowSpan from above. */
  covered?: boolean;
  alignment?: 'left' | 'center' | 'right';
  /** Lines the cell occupies at least (room to write by hand). */
  minLines?: number;
  fillColor?: string;
}

export interface FormTableOptions {
  /** Relative column widths. */
  columns: number[];
  size?: number;
  /** Rows repeated on every page (column captions). */
  headerRows?: number;
  /** Line pitch inside cells; 1.5 × size by default. */
  pitch?: number;
}

const PAD_X = 5;
const PAD_Y = 4;
const RULE = 0.75;

export const FORM_LAYOUT: CustomTableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => PAD_Y,
  paddingBottom: () => PAD_Y,
};

/** Content widths for pdfmake so the ruled table is exactly as wide as the type area. */
export function columnWidths(ratios: number[]): number[] {
  const n = ratios.length;
  const available = TYPE_AREA.width - n * 2 * PAD_X - (n + 1) * RULE;
  const total = ratios.reduce((a, b) => a + b, 0) || 1;
  return ratios.map((r) => (available * r) / total);
}

/** Width of content in a cell spanning columns [from, from + span). */
function spanWidth(widths: number[], from: number, span: number): number {
  let w = 0;
  for (let i = from; i < from + span; i++) w += widths[i] ?? 0;
  return w + (span - 1) * (2 * PAD_X + RULE);
}

export function formTable(kit: TextKit, rows: FormCell[][], o: FormTableOptions): ContentTable {
  const widths = columnWidths(o.columns);
  const size = o.size ?? SIZE.四号;
  const pitch = o.pitch ?? size * 1.5;
  const body: TableCell[][] = rows.map((row) => {
    const cells: TableCell[] = [];
    let col = 0;
    for (const cell of row) {
      const span = cell.colSpan ?? 1;
      if (cell.covered) {
        cells.push({});
        col += 1;
        continue;
      }
      cells.push(renderCell(kit, cell, spanWidth(widths, col, span), size, pitch));
      for (let k = 1; k < span; k++) cells.push({});
      col += span;
    }
    return cells;
  });
  // Rows with room to write by hand (签收人, 校领导意见…) get a minimum height.
  const heights = rows.map((row) => Math.max(...row.map((c) => c.minLines ?? 0)) * pitch || 'auto');
  return describe<ContentTable>(
    {
      table: { widths, body, headerRows: o.headerRows ?? 0, heights: (i: number) => heights[i] ?? 'auto' },
      layout: FORM_LAYOUT,
    },
    { kind: 'table', rows, options: { columns: o.columns, size, pitch, headerRows: o.headerRows ?? 0 }, centred: false },
  );
}

/**
 * Cells stay top-aligned: in pdfmake 0.3.11 a cell with verticalAlignment in a row that moves to
 * the next page loses the rest of that page (unbalanced graphics state).
 */
function renderCell(kit: TextKit, cell: FormCell, width: number, size: number, pitch: number): TableCell {
  const role = cell.role ?? 'body';
  const text = cell.text ?? '';
  const inner = cell.content ?? textBlock(kit, text, { role, size: oneWordSize(kit, role, text, width, size), width, pitch, charSpacing: 0, alignment: cell.alignment ?? 'left' });
  return {
    stack: [inner],
    ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.fillColor ? { fillColor: cell.fillColor } : {}),
  } as TableCell;
}
