/**
 * Cell styles of the report workbook. Each style is one frozen object shared by every cell that
 * uses it: exceljs' streaming writer caches style ids by object identity, which is what keeps
 * 100,000 rows fast, and sharing means no cell may ever mutate its style (set cell.style only).
 */
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import type { Light } from '../../model/analysis.ts';

const FONT = '宋体';
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Light fills, with a darker text colour so the word stays readable (and prints in grey). */
export const LIGHT_COLORS: Record<Light, { fill: string; font: string }> = {
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  blue: { fill: 'FFBDD7EE', font: 'FF1F4E78' },
  gray: { fill: 'FFD9D9D9', font: 'FF404040' },
};

export type CellKind = 'text' | 'wrap' | 'center' | 'number' | 'percent' | 'date';

/** How tables show a date (documents write 2026年11月25日; tables 2026-11-25). */
export const DATE_FORMAT = 'yyyy-mm-dd';

function style(font: Partial<Font>, alignment: Partial<Alignment>, extra: Partial<Style> = {}): Partial<Style> {
  return Object.freeze({ font, alignment, ...extra });
}

const body = { name: FONT, size: 10 };

export const STYLES = {
  title: style({ name: '黑体', size: 16, bold: true }, { horizontal: 'center', vertical: 'middle' }),
  subtitle: style({ name: FONT, size: 11 }, { horizontal: 'left', vertical: 'middle' }),
  section: style({ name: '黑体', size: 12, bold: true }, { horizontal: 'left', vertical: 'middle' }),
  note: style({ name: FONT, size: 10 }, { horizontal: 'left', vertical: 'top', wrapText: false }),
  header: style(
    { name: '黑体', size: 10, bold: true },
    { horizontal: 'center', vertical: 'middle', wrapText: true },
    {
      border: BORDER,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as Fill,
    },
  ),
  cell: {
    text: style(body, { horizontal: 'left', vertical: 'middle' }, { border: BORDER }),
    wrap: style(body, { horizontal: 'left', vertical: 'top', wrapText: true }, { border: BORDER }),
    center: style(body, { horizontal: 'center', vertical: 'middle' }, { border: BORDER }),
    number: style(body, { horizontal: 'right', vertical: 'middle' }, { border: BORDER, numFmt: '0' }),
    percent: style(body, { horizontal: 'right', vertical: 'middle' }, { border: BORDER, numFmt: '0.0%' }),
    date: style(body, { horizontal: 'center', vertical: 'middle' }, { border: BORDER, numFmt: DATE_FORMAT }),
  } satisfies Record<CellKind, Partial<Style>>,
  light: Object.fromEntries(
    (Object.keys(LIGHT_COLORS) as Light[]).map((l) => [
      l,
      style(
        { ...body, color: { argb: LIGHT_COLORS[l].font } },
        { horizontal: 'center', vertical: 'middle' },
        {
          border: BORDER,
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_COLORS[l].fill } } as Fill,
        },
      ),
    ]),
  ) as Record<Light, Partial<Style>>,
};

const dated = new WeakMap<Partial<Style>, Map<string, Partial<Style>>>();

/**
 * `base` showing a date, with `note` after it (a literal in the number format, so the cell stays a
 * date). One frozen object per base and note, like every other style of the workbook.
 */
export function dateStyle(base: Partial<Style>, note = ''): Partial<Style> {
  let byNote = dated.get(base);
  if (!byNote) dated.set(base, (byNote = new Map()));
  let st = byNote.get(note);
  if (!st) {
    const literal = note === '' ? '' : `"${note.replace(/"/g, '')}"`;
    st = Object.freeze({ ...base, numFmt: `${DATE_FORMAT}${literal}` });
    byNote.set(note, st);
  }
  return st;
}
