/**
 * The XLSX reader duban had until pipeline/ingest/read-xlsx.ts read the zip itself: exceljs'
 * workbook model turned into rows, kept verbatim (only its imports and name changed) as the
 * reference the new reader is compared with (read-xlsx-parity.test.ts).
 */
import type ExcelJS from 'exceljs';
import { issue, type Issue } from '../../pipeline/model/issue.ts';
import type { GridRow } from '../../pipeline/ingest/read-table.ts';
import { LIMITS, type IngestLimits } from '../../pipeline/ingest/limits.ts';
import { workbookTooLarge } from '../../pipeline/ingest/zip-directory.ts';

/** exceljs (~50 packages, ~0.25 s to load) is loaded by the first workbook read, not by every run. */
let excel: typeof ExcelJS | undefined;

interface XlsxSheet {
  name: string;
  rows: GridRow[];
}

export async function readXlsxWithExcelJS(bytes: Uint8Array, file: string, limits: IngestLimits = LIMITS): Promise<{ sheets: XlsxSheet[]; issues: Issue[] }> {
  const refused = workbookTooLarge(bytes, file, limits);
  if (refused) return { sheets: [], issues: [refused] };
  excel ??= (await import('exceljs')).default;
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
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
  if (wb.worksheets.length === 0) {
    return {
      sheets: [],
      issues: [issue('error', 'E_ENCODING', { file }, '文件是压缩包或其他 Office 文档，里面没有工作表，无法作为台账读取', '台账请保存为 CSV 或 .xlsx 工作簿。')],
    };
  }
  const sheets: XlsxSheet[] = [];
  wb.eachSheet((ws) => {
    // Hidden sheets hold drop-down lists and scratch data, not ledgers.
    if (ws.state !== 'visible') return;
    sheets.push({ name: ws.name, rows: sheetRows(ws) });
  });
  return { sheets, issues: [] };
}

function sheetRows(ws: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  ws.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    let links: (string | undefined)[] | undefined;
    let merged: boolean[] | undefined;
    row.eachCell((cell, col) => {
      while (cells.length < col - 1) cells.push('');
      const { text, link } = cellText(cell);
      cells[col - 1] = text;
      if (link) (links ??= [])[col - 1] = link;
      // Shown on this row but written on a row above: the row continues a merged cell.
      if (text !== '' && cell.type === excel?.ValueType.Merge && cell.master.row !== cell.row) (merged ??= [])[col - 1] = true;
    });
    const r: GridRow = { row: rowNumber, cells };
    if (links) r.links = links;
    if (merged) r.merged = merged;
    rows.push(r);
  });
  return rows;
}

/**
 * Merged cells: exceljs answers the master's value from every cell of the range. A title or
 * note merged across columns must stay in its first cell (so a note row keeps "only the first
 * cell filled"); a cell merged down its column (序号 or 承办单位 spanning sub-tasks) is what
 * the user reads on every row, so it is copied down.
 */
function cellText(cell: ExcelJS.Cell): { text: string; link?: string } {
  if (cell.type === excel?.ValueType.Merge) {
    const m = cell.master;
    if (m.col !== cell.col) return { text: '' };
    return cellText(m);
  }
  return valueText(cell.value, cell.numFmt);
}

function valueText(v: ExcelJS.CellValue | undefined, numFmt: string | undefined): { text: string; link?: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: numberText(v, numFmt) };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: dateText(v) };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('hyperlink' in v) {
    const text = typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue, numFmt).text;
    return { text: text || v.hyperlink, link: v.hyperlink };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    return valueText((v as { result?: ExcelJS.CellValue }).result, numFmt);
  }
  if ('error' in v) return { text: String(v.error) };
  return { text: '' };
}

/** A number in a date format that exceljs left as a serial (built-in Chinese formats, 1900-based). */
const DATE_FORMAT = /[yd]|m.*[ yd]|[ yd].*m|年|月|日/i;

function numberText(n: number, numFmt: string | undefined): string {
  if (numFmt && isDateFormat(numFmt) && n > 0 && n < 2_958_466) {
    return dateText(new Date(Math.round((n - 25569) * 86_400_000)));
  }
  if (numFmt && /%$/.test(numFmt.trim())) return `${plainNumber(n * 100)}%`;
  return plainNumber(n);
}

function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, (q) => (/[年月日]/.test(q) ? '年' : ''));
  return DATE_FORMAT.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel stores days as wall-clock UTC; rounding to the minute removes the float noise of serials. */
function dateText(d: Date): string {
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
function plainNumber(n: number): string {
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
