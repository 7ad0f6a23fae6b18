/**
 * XLSX workbook → rows of text per visible worksheet, cells as the secretary sees them:
 * dates as YYYY-MM-DD, numbers without float noise, formulas as their cached result.
 * The cells come from xlsx-workbook.ts (the zip and XML read directly, no library to load); the
 * rows are what exceljs gave before it: a row for each row with a value or a merged cell, its
 * cells up to the last one with either.
 */
import { issue, type Issue } from '../model/issue.ts';
import type { GridRow } from './read-table.ts';
import { LIMITS, type IngestLimits } from './limits.ts';
import { readWorkbookParts, type Merge, type StoredCell, type StoredSheet, type StoredWorkbook } from './xlsx-workbook.ts';
import { workbookTooLarge } from './zip-directory.ts';

export interface XlsxSheet {
  name: string;
  rows: GridRow[];
}

export async function readXlsx(bytes: Uint8Array, file: string, limits: IngestLimits = LIMITS): Promise<{ sheets: XlsxSheet[]; issues: Issue[] }> {
  const refused = workbookTooLarge(bytes, file, limits);
  if (refused) return { sheets: [], issues: [refused] };
  let wb: StoredWorkbook;
  try {
    wb = readWorkbookParts(bytes);
  } catch {
    // DamagedWorkbook, or anything else the parts did to the reader: the file is not readable.
    return {
      sheets: [],
      issues: [
        issue(
          'error',
          'E_ENCODING',
          { file },
          '文件不是有效的 XLSX 工作簿（可能已损坏、加密或是其他格式），无法读取',
          '请用 Excel 或 WPS 打开该文件，去掉打开密码后「另存为」.xlsx 工作簿或 CSV 文件。',
        ),
      ],
    };
  }
  if (wb.worksheetCount === 0) {
    return {
      sheets: [],
      issues: [issue('error', 'E_ENCODING', { file }, '文件是压缩包或其他 Office 文档，里面没有工作表，无法作为台账读取', '台账请保存为 CSV 或 .xlsx 工作簿。')],
    };
  }
  return { sheets: wb.sheets.map((s) => ({ name: s.name, rows: sheetRows(s, wb.date1904) })), issues: [] };
}

/** Cells of a sheet's merges read as merged, at most this many; a merge larger than MERGE_AREA is first cut to the cells the sheet has. */
const MERGED_CELLS = 200_000;
const MERGE_AREA = 10_000;

/**
 * Merged cells: a title or note merged across columns stays in its first cell (so a note row
 * keeps "only the first cell filled"); a cell merged down its column (序号 or 承办单位 spanning
 * sub-tasks) is what the user reads on every row, so it is copied down and marked `merged`.
 * The other cells of a merge are there, empty. A merge that overlaps an earlier one is not a
 * merge (Excel repairs such a file; exceljs refused it).
 */
function sheetRows(ws: StoredSheet, date1904: boolean): GridRow[] {
  /** For each row, the cells covered by a merge (not its first): column → the merge. */
  const covered = new Map<number, Map<number, Merge>>();
  const taken = new Set<string>();
  let budget = MERGED_CELLS;
  for (const m0 of ws.merges) {
    let m = m0;
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > MERGE_AREA) {
      m = { top: m.top, left: m.left, bottom: Math.max(m.top, Math.min(m.bottom, ws.maxRow)), right: Math.max(m.left, Math.min(m.right, ws.maxCol)) };
    }
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area > budget) continue;
    // Counted whether or not it overlaps: the cells looked at, not only those kept, stay bounded.
    budget -= area;
    let overlaps = false;
    for (let r = m.top; r <= m.bottom && !overlaps; r++) for (let c = m.left; c <= m.right && !overlaps; c++) overlaps = taken.has(`${r}:${c}`);
    if (overlaps) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        taken.add(`${r}:${c}`);
        if (r === m.top && c === m.left) continue;
        let row = covered.get(r);
        if (!row) covered.set(r, (row = new Map()));
        row.set(c, m);
      }
    }
  }

  const numbers = new Set<number>();
  for (const [r, cells] of ws.rows) if (cells.size > 0) numbers.add(r);
  for (const r of covered.keys()) numbers.add(r);
  const rows: GridRow[] = [];
  for (const rowNumber of [...numbers].sort((a, b) => a - b)) {
    const stored = ws.rows.get(rowNumber);
    const merges = covered.get(rowNumber);
    const cols = merges || !stored ? [...new Set([...(stored?.keys() ?? []), ...(merges?.keys() ?? [])])] : [...stored.keys()];
    // Cells are stored in the order written, which is nearly always left to right.
    if (cols.some((c, i) => i > 0 && c < cols[i - 1]!)) cols.sort((a, b) => a - b);
    const cells: string[] = [];
    let links: (string | undefined)[] | undefined;
    let merged: boolean[] | undefined;
    for (const col of cols) {
      while (cells.length < col - 1) cells.push('');
      const m = merges?.get(col);
      let text = '';
      let link: string | undefined;
      if (m) {
        // Shown on this row but written on a row above: the row continues a merged cell.
        if (m.left === col) {
          const master = ws.rows.get(m.top)?.get(m.left);
          if (master) ({ text, link } = cellText(master, date1904));
          if (text !== '' && m.top !== rowNumber) (merged ??= [])[col - 1] = true;
        }
      } else ({ text, link } = cellText(stored!.get(col)!, date1904));
      cells[col - 1] = text;
      if (link) (links ??= [])[col - 1] = link;
    }
    const r: GridRow = { row: rowNumber, cells };
    if (links) r.links = links;
    if (merged) r.merged = merged;
    rows.push(r);
  }
  return rows;
}

/** A hyperlink shows its text, or its address when it has none. */
function cellText(cell: StoredCell, date1904: boolean): { text: string; link?: string } {
  const text = valueText(cell, date1904);
  return cell.link === undefined ? { text } : { text: text || cell.link, link: cell.link };
}

function valueText({ value: v, numFmt }: StoredCell, date1904: boolean): string {
  switch (v.kind) {
    case 'string':
      return v.s;
    case 'number':
      // exceljs' test for a date format (utils.isDateFmt), then ours for the ones it missed.
      if (isExcelJsDate(numFmt)) return dateText(serialDate(v.n, date1904));
      return numberText(v.n, numFmt, date1904);
    case 'boolean':
      return v.b ? 'TRUE' : 'FALSE';
    case 'error':
      return v.e;
    case 'date':
      return isoDateText(v.iso);
  }
}

/** A serial as wall-clock UTC; 1904-based workbooks (old Mac Excel) count from 1904-01-01. */
const serialDate = (n: number, date1904: boolean): Date => new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

function isExcelJsDate(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An ISO date or date-time (t="d"); one without a zone is the wall clock, like a serial. */
function isoDateText(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const t = Date.parse(/T.*(Z|[+-]\d{2}:?\d{2})$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  return Number.isNaN(t) ? iso : dateText(new Date(t));
}

/** A number in a date format that exceljs' test missed (upper-case YYYY, 年月日 only in quotes), 1900-based. */
const DATE_FORMAT = /[yd]|m.*[ yd]|[ yd].*m|年|月|日/i;

function numberText(n: number, numFmt: string | undefined, date1904: boolean): string {
  if (numFmt && isDateFormat(numFmt) && n > 0 && n < 2_958_466) return dateText(serialDate(n, date1904));
  if (numFmt && /%$/.test(numFmt.trim())) return `${plainNumber(n * 100)}%`;
  return plainNumber(n);
}

function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, (q) => (/[年月日]/.test(q) ? '年' : ''));
  return DATE_FORMAT.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel stores days as wall-clock UTC; rounding to the minute removes the float noise of serials. */
export function dateText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const iso = new Date(Math.round(t / 60_000) * 60_000).toISOString();
  // Serial 0 (1899-12-30/31) is a time of day without a date.
  if (iso.startsWith('1899-12-3')) return iso.slice(11, 16);
  return iso.slice(0, 10);
}

/**
 * The number as Excel shows it in a General cell: 15 significant digits (0.1+0.2 → 0.3),
 * never in exponent form (1e21 → 1000000000000000000000, 1e-7 → 0.0000001).
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Number(n.toPrecision(15));
  const s = String(r);
  if (!/e/i.test(s)) return s;
  const [mant, expPart] = r.toExponential().split('e') as [string, string];
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  let out: string;
  if (exp >= 0) {
    out = digits.length > exp + 1 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return neg ? `-${out}` : out;
}
