/**
 * Horizontal bar chart of 按期办结率 per unit, drawn as vector graphics (pdfmake canvas) so it
 * prints sharp and its labels stay searchable text. One row per unit: name, bar on a 0–100 %
 * grid, value. Each row repeats the grid lines, so the rows join into one continuous grid and
 * the chart may still break across pages between units.
 */
import type { CanvasElement, Column, Content, ContentStack } from 'pdfmake/interfaces.js';
import { FONT_FAMILY } from '../fonts.ts';
import { SIZE, TYPE_AREA, type TextKit } from '../layout/gbt9704-layout.ts';
import { textWidth } from '../layout/text-measure.ts';
import { rateWord } from '../../words.ts';
import { describe } from '../layout/described.ts';

export interface ChartRow {
  name: string;
  /** null: nothing due yet, drawn without a bar. */
  rate: number | null;
}

export const BAR_COLOR = '#2F5597';
const GRID_COLOR = '#BFBFBF';
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const GAP = 6;

export function rateChart(kit: TextKit, rows: readonly ChartRow[], size: number = SIZE.五号): Content {
  const rowHeight = size * 1.9;
  const barHeight = size * 1.1;
  const measure = kit.body;
  const widest = Math.max(0, ...rows.map((r) => textWidth(measure, r.name, size)));
  const labelWidth = Math.min(TYPE_AREA.width * 0.32, Math.max(size * 4, widest + 2));
  const valueWidth = textWidth(measure, '100%', size) + size * 3;
  const barWidth = TYPE_AREA.width - labelWidth - valueWidth - 2 * GAP;
  const textTop = (rowHeight - size * measure.lineBoxEm) / 2;

  const grid = (height: number): CanvasElement[] => TICKS.map((t) => ({ type: 'line', x1: t * barWidth, y1: 0, x2: t * barWidth, y2: height, lineWidth: 0.5, lineColor: GRID_COLOR }));

  const line = (row: ChartRow): Content => ({
    columns: [
      { width: labelWidth, text: fitLabel(kit, row.name, size, labelWidth), alignment: 'right', noWrap: true, margin: [0, textTop, 0, 0] },
      {
        width: barWidth,
        canvas: [
          ...grid(rowHeight),
          ...(row.rate === null || row.rate <= 0 ? [] : [{ type: 'rect' as const, x: 0, y: (rowHeight - barHeight) / 2, w: Math.min(1, row.rate) * barWidth, h: barHeight, color: BAR_COLOR }]),
        ],
      },
      { width: valueWidth, text: row.rate === null ? '未到期' : rateWord(row.rate), noWrap: true, margin: [0, textTop, 0, 0] },
    ],
    columnGap: GAP,
  });

  const q = barWidth / 4;
  const axis: Content = {
    columns: [
      { width: labelWidth, text: '' },
      {
        width: barWidth,
        stack: [
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: barWidth, y2: 0, lineWidth: 0.8, lineColor: '#000000' }] },
          {
            columns: [
              { width: q / 2, text: '0', alignment: 'left' },
              ...[0.25, 0.5, 0.75].map((t): Column => ({ width: q, text: rateWord(t), alignment: 'center' })),
              { width: q / 2, text: '100%', alignment: 'right' },
            ],
          },
        ],
      },
      { width: valueWidth, text: '' },
    ],
    columnGap: GAP,
  };

  return describe<ContentStack>(
    {
      stack: [...rows.map(line), axis],
      font: FONT_FAMILY.body,
      fontSize: size,
      lineHeight: 1,
    },
    { kind: 'chart', rows: rows.map((r) => ({ name: r.name, rate: r.rate })), size },
  );
}

/** One line per unit: a name too long for the label column is shortened with an ellipsis. */
function fitLabel(kit: TextKit, name: string, size: number, width: number): string {
  if (textWidth(kit.body, name, size) <= width) return name;
  const chars = Array.from(name);
  while (chars.length > 1 && textWidth(kit.body, `${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}
