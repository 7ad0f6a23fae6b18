/**
 * Writes one printable table sheet through exceljs' streaming writer: a merged title, an optional
 * subtitle, one or more blocks (heading + header row + rows) and note lines. The streaming writer
 * fixes views and page setup when the sheet is created and the column widths at the first row, so
 * everything layout-related is computed from the data before anything is written.
 */
import type ExcelJS from 'exceljs';
import type { Style } from 'exceljs';
import type { IsoDate } from '../../model/dates.ts';
import { cellText, displayWidth } from './cell-text.ts';
import { STYLES, dateStyle, type CellKind } from './report-styles.ts';

/**
 * A calendar date. Written as a real date (Excel and WPS sort, filter and count it as one) at UTC
 * midnight of the day, which is exactly the day's serial number whatever the machine's time zone,
 * and shown as 2026-11-25 — followed by `note` where the cell says more (2026-11-20（已延期）).
 */
export interface DateCell {
  date: IsoDate;
  note?: string;
}

export type CellValue = string | number | DateCell | null;

/** A date cell, or an empty cell when there is no date. */
export function dateCell(date: IsoDate | null, note?: string): DateCell | null {
  if (date === null) return null;
  return note === undefined ? { date } : { date, note };
}

export interface Column<T> {
  header: string;
  value: (row: T, index: number) => CellValue;
  kind?: CellKind;
  /** Per-row style, e.g. the status light; replaces the kind's style. */
  style?: (row: T) => Partial<Style> | undefined;
  minWidth?: number;
  maxWidth?: number;
}

export interface Block<T> {
  heading?: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** Shown as a single row when there are no rows. */
  empty?: string;
}

export interface SheetSpec {
  name: string;
  title: string;
  subtitle?: string;
  blocks: readonly Block<never>[];
  notes?: readonly string[];
  /**
   * Single-table sheets: freeze the header, filter it, repeat it on every printed page.
   * Needs exactly one block without a heading.
   */
  table?: boolean;
}

/** Lets blocks of different row types share one array. */
export function block<T>(b: Block<T>): Block<never> {
  return b as unknown as Block<never>;
}

const DEFAULT_MIN = 6;
const DEFAULT_MAX = 40;
/** Headers wrap, so a long header need not widen its column beyond this. */
const HEADER_WIDTH_CAP = 12;
const LAST_COLUMN_PAD = 2;
const YIELD_EVERY = 2000;
/** 2026-11-25 */
const DATE_WIDTH = 10;

export async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Promise<void> {
  const blocks = spec.blocks as unknown as readonly Block<unknown>[];
  const colCount = Math.max(1, ...blocks.map((b) => b.columns.length));
  const headerRow = spec.subtitle === undefined ? 2 : 3;
  const table = spec.table === true;

  const ws = workbook.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(table ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
    views: table ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }] : [],
  });
  ws.columns = columnWidths(blocks, colCount).map((width) => ({ width }));

  let r = 0;
  const lastCol = columnLetter(colCount);
  const put = (values: readonly CellValue[], styles: readonly (Partial<Style> | undefined)[], height?: number, merge = false): void => {
    r += 1;
    const row = ws.getRow(r);
    if (height !== undefined) row.height = height;
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      const st = styles[k];
      if (v !== null && typeof v === 'object') {
        cell.value = new Date(`${v.date}T00:00:00Z`);
        cell.style = dateStyle(st ?? STYLES.cell.date, v.note);
        return;
      }
      if (v !== null) cell.value = typeof v === 'string' ? cellText(v) : v;
      if (st) cell.style = st;
    });
    // The streaming writer can only merge cells of rows not yet committed.
    if (merge) ws.mergeCells(`A${r}:${lastCol}${r}`);
    row.commit();
  };

  put([spec.title], [STYLES.title], 32, true);
  if (spec.subtitle !== undefined) put([spec.subtitle], [STYLES.subtitle], 20, true);

  for (const b of blocks) {
    if (b.heading !== undefined) {
      if (r > headerRow - 1) put([null], [undefined]);
      put([b.heading], [STYLES.section]);
    }
    const tableStart = r + 1;
    put(
      b.columns.map((c) => c.header),
      b.columns.map(() => STYLES.header),
    );
    if (b.rows.length === 0 && b.empty !== undefined) {
      put(
        [b.empty, ...b.columns.slice(1).map(() => null)],
        b.columns.map(() => STYLES.cell.text),
      );
    }
    for (let index = 0; index < b.rows.length; index++) {
      const row = b.rows[index]!;
      put(
        b.columns.map((c) => c.value(row, index)),
        b.columns.map((c) => c.style?.(row) ?? STYLES.cell[c.kind ?? 'text']),
      );
      // Let the zip stream drain what is written so far instead of holding the sheet's XML.
      if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    if (table) ws.autoFilter = `A${tableStart}:${columnLetter(b.columns.length)}${Math.max(r, tableStart)}`;
  }

  if (spec.notes && spec.notes.length > 0) {
    put([null], [undefined]);
    for (const note of spec.notes) put([note], [STYLES.note]);
  }
  ws.commit();
}

function columnWidths(blocks: readonly Block<unknown>[], colCount: number): number[] {
  const widths = new Array<number>(colCount).fill(DEFAULT_MIN);
  for (const b of blocks) {
    b.columns.forEach((c, k) => {
      const min = c.minWidth ?? DEFAULT_MIN;
      const max = c.maxWidth ?? DEFAULT_MAX;
      let w = Math.min(displayWidth(c.header), HEADER_WIDTH_CAP);
      b.rows.forEach((row, index) => {
        if (w >= max) return;
        const v = c.value(row, index);
        if (v !== null) w = Math.max(w, typeof v === 'number' ? String(v).length : typeof v === 'string' ? displayWidth(v) : DATE_WIDTH + displayWidth(v.note ?? ''));
      });
      widths[k] = Math.max(widths[k] ?? 0, Math.min(max, Math.max(min, w + LAST_COLUMN_PAD)));
    });
  }
  return widths;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
