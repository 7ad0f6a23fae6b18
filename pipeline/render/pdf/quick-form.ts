/**
 * A small ruled form drawn as one canvas plus positioned text, for forms that fit on a page
 * (the 催办通知 form). pdfmake's table engine measures and lays out every cell several times;
 * for a letter that is half of the rendering time, so the batch of hundreds of letters
 * uses this instead. We already know each cell's lines (text-wrap.ts), hence every height.
 * Forms that may run past a page (登记表 with a long 落实情况) use form-table.ts.
 */
import type { CanvasElement, Content } from 'pdfmake/interfaces.js';
import type { FormCell } from './form-table.ts';
import { SIZE, TYPE_AREA, textBlock, type TextKit } from './gbt9704-layout.ts';

export interface QuickFormOptions {
  /** Relative column widths. */
  columns: number[];
  size?: number;
  pitch?: number;
}

const PAD_X = 5;
const PAD_Y = 4;
const RULE = 0.75;

/** The form, or null when it is too tall to keep on one page (then use formTable). */
export function quickForm(kit: TextKit, rows: FormCell[][], o: QuickFormOptions): Content | null {
  const size = o.size ?? SIZE.四号;
  const pitch = o.pitch ?? size * 1.5;
  const total = o.columns.reduce((a, b) => a + b, 0) || 1;
  const edges = [0];
  for (const c of o.columns) edges.push((edges.at(-1) ?? 0) + (TYPE_AREA.width * c) / total);

  const texts: Content[] = [];
  const rules: CanvasElement[] = [];
  let y = 0;
  for (const row of rows) {
    const cells: { cell: FormCell; left: number; right: number; block: ReturnType<typeof textBlock> }[] = [];
    let col = 0;
    for (const cell of row) {
      const span = cell.colSpan ?? 1;
      const left = edges[col] ?? 0;
      const right = edges[col + span] ?? TYPE_AREA.width;
      const width = right - left - 2 * PAD_X - RULE;
      const block = textBlock(kit, cell.text ?? '', { role: cell.role ?? 'body', size, width, pitch, charSpacing: 0, alignment: cell.alignment ?? 'left' });
      cells.push({ cell, left, right, block });
      col += span;
    }
    const lines = Math.max(1, ...cells.map(({ cell, block }) => Math.max(block.stack.length, cell.minLines ?? 0)));
    const height = lines * pitch + 2 * PAD_Y;
    for (const { left, block } of cells) {
      const offset = (height - block.stack.length * pitch) / 2;
      texts.push({ ...block, relativePosition: { x: left + RULE / 2 + PAD_X, y: y + offset } });
      if (left > 0) rules.push({ type: 'line', x1: left, y1: y, x2: left, y2: y + height, lineWidth: RULE });
    }
    if (y > 0) rules.push({ type: 'line', x1: 0, y1: y, x2: TYPE_AREA.width, y2: y, lineWidth: RULE });
    y += height;
  }
  rules.push({ type: 'rect', x: 0, y: 0, w: TYPE_AREA.width, h: y, lineWidth: RULE });
  if (y > TYPE_AREA.height * 0.6) return null;
  // Positioned text first (it does not move the flow), then the canvas, whose height moves it.
  return { stack: [...texts, { canvas: rules }], unbreakable: true };
}
