/**
 * CSV text → rows of cells numbered as a spreadsheet shows them: the 1-based record index,
 * where a quoted multi-line cell is one row and an empty line is a row too.
 */
import Papa from 'papaparse';
import type { GridRow } from './read-table.ts';

export type Delimiter = ',' | '\t' | ';';

export interface ParsedCsv {
  rows: GridRow[];
  delimiter: Delimiter;
}

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];
/** Rows looked at to choose the delimiter: the header is within the first 10 non-empty ones. */
const PREVIEW_ROWS = 30;
/** Excel's own hint line, written by some exports and hidden by Excel when it opens the file. */
const SEP_LINE = /^sep=(.)\n/i;

/**
 * Comma unless the header says otherwise: the first delimiter under which `isHeader` accepts
 * a row of the preview wins; failing that, the one that splits the first rows into most cells.
 */
export function parseCsv(text: string, isHeader: (cells: readonly string[]) => boolean): ParsedCsv {
  let body = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let forced: Delimiter | null = null;
  const sep = SEP_LINE.exec(body);
  if (sep) {
    const d = sep[1] as Delimiter;
    if (CANDIDATES.includes(d)) forced = d;
    body = body.slice(sep[0].length);
  }
  const delimiter = forced ?? chooseDelimiter(body, isHeader);
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: '\n', quoteChar: '"', skipEmptyLines: false });
  // Papa swallows the rest of the file after a malformed quote (`"征求意见稿"已发出` typed in
  // Notepad); Excel reads such a cell as text and goes on, and so do we.
  const data = parsed.errors.some((e) => e.code === 'InvalidQuotes') ? splitLikeExcel(body, delimiter) : parsed.data;
  // A final newline is the end of the last row, not an extra empty row.
  if (body.endsWith('\n') && data.length > 0) data.pop();
  return { rows: data.map((cells, i) => ({ row: i + 1, cells })), delimiter };
}

function chooseDelimiter(body: string, isHeader: (cells: readonly string[]) => boolean): Delimiter {
  const head = body.slice(0, 65_536);
  const present = CANDIDATES.filter((d) => d === ',' || head.includes(d));
  if (present.length === 1) return ',';
  let widest: Delimiter = ',';
  let widestCells = 0;
  for (const d of present) {
    const rows = Papa.parse<string[]>(head, { delimiter: d, newline: '\n', quoteChar: '"', preview: PREVIEW_ROWS }).data;
    if (rows.some((r) => r.length > 1 && isHeader(r))) return d;
    const cells = rows.reduce((n, r) => Math.max(n, r.length), 0);
    if (cells > widestCells) {
      widest = d;
      widestCells = cells;
    }
  }
  return widest;
}

/**
 * Excel's reading of quotes: a cell that starts with `"` is quoted up to a `"` not doubled;
 * whatever follows the closing quote up to the delimiter is kept as text.
 */
export function splitLikeExcel(body: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = body.length;
  while (i <= n) {
    let cell = '';
    if (body[i] === '"') {
      i++;
      for (;;) {
        const q = body.indexOf('"', i);
        if (q < 0) {
          cell += body.slice(i);
          i = n;
          break;
        }
        cell += body.slice(i, q);
        i = q + 1;
        if (body[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    }
    let end = i;
    while (end < n && body[end] !== delimiter && body[end] !== '\n') end++;
    cell += body.slice(i, end);
    row.push(cell);
    i = end;
    if (i >= n || body[i] === '\n') {
      rows.push(row);
      row = [];
      if (i >= n) break;
    }
    i++;
  }
  return rows;
}
