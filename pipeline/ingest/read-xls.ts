/**
 * Excel 97–2003 workbooks (.xls, BIFF in an OLE2 compound file), still what many WPS and Excel
 * installations save, read with @e965/xlsx (the maintained SheetJS build). Cells as the
 * secretary sees them, like read-xlsx.ts: dates as YYYY-MM-DD, numbers without float noise;
 * a cell merged across columns stays in its first cell, one merged down its column is shown on
 * every row (and marked `merged`). A password-protected (encrypted) or corrupt workbook is a
 * named Issue, never an exception.
 */
import { issue, type Issue } from '../model/issue.ts';
import type { GridRow } from './read-table.ts';
import { LIMITS, type IngestLimits } from './limits.ts';
import { dateText, plainNumber } from './read-xlsx.ts';

type SheetJS = typeof import('@e965/xlsx');
let xlsx: SheetJS | undefined;

/** SheetJS (~1 MB) is loaded by the first .xls read, with its code pages for BIFF5 text in GBK. */
async function load(): Promise<SheetJS> {
  if (xlsx) return xlsx;
  const lib = await import('@e965/xlsx');
  const cp = await import('@e965/xlsx/dist/cpexcel.full.mjs');
  lib.set_cptable(cp);
  xlsx = lib;
  return lib;
}

export interface XlsSheet {
  name: string;
  rows: GridRow[];
}

const CONVERT_HINT = '请用 Excel 或 WPS 打开，「另存为」.xlsx 工作簿或 CSV 文件后放入数据文件夹。';

export async function readXls(bytes: Uint8Array, file: string, limits: IngestLimits = LIMITS): Promise<{ sheets: XlsSheet[]; issues: Issue[] }> {
  let lib: SheetJS;
  try {
    lib = await load();
  } catch {
    return { sheets: [], issues: [issue('error', 'E_ENCODING', { file }, '无法加载读取 .xls 文件的组件', `请重新运行 npm install；或${CONVERT_HINT}`)] };
  }
  let wb: import('@e965/xlsx').WorkBook;
  try {
    wb = lib.read(bytes, { type: 'array', cellDates: false, cellNF: true, cellText: true, sheetRows: limits.tableRows + 1000 });
  } catch (e) {
    return { sheets: [], issues: [unreadable(file, e)] };
  }
  const sheets: XlsSheet[] = [];
  const hidden = new Set((wb.Workbook?.Sheets ?? []).flatMap((s, i) => (s.Hidden ? [wb.SheetNames[i] ?? s.name ?? ''] : [])));
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // Hidden sheets hold drop-down lists and scratch data, not ledgers.
    if (!ws || hidden.has(name)) continue;
    sheets.push({ name, rows: sheetRows(lib, ws) });
  }
  if (sheets.length === 0 && wb.SheetNames.length === 0) {
    return { sheets: [], issues: [issue('error', 'E_ENCODING', { file }, '文件是 Office 文档，但里面没有工作表，无法作为台账读取', CONVERT_HINT)] };
  }
  return { sheets, issues: [] };
}

function unreadable(file: string, e: unknown): Issue {
  const m = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(m)) {
    return issue(
      'error',
      'E_ENCODING',
      { file },
      '工作簿设置了打开密码（已加密），无法读取',
      '请用 Excel 或 WPS 输入密码打开，在「文件 → 信息 → 保护工作簿」（WPS：「文件 → 文档加密」）中去掉打开密码后保存；或另存为不加密的 .xlsx 或 CSV 文件。',
    );
  }
  return issue('error', 'E_ENCODING', { file }, '文件不是有效的 Excel 工作簿（可能已损坏，或是其他格式），无法读取', CONVERT_HINT);
}

function sheetRows(lib: SheetJS, ws: import('@e965/xlsx').WorkSheet): GridRow[] {
  const ref = ws['!ref'];
  if (!ref) return [];
  const range = lib.utils.decode_range(ref);
  // Merged ranges: the value sits in the top-left cell. Copy it down its column (not across).
  const copyFrom = new Map<string, string>();
  for (const m of ws['!merges'] ?? []) {
    for (let r = m.s.r + 1; r <= m.e.r; r++) copyFrom.set(`${r},${m.s.c}`, lib.utils.encode_cell({ r: m.s.r, c: m.s.c }));
  }
  const rows: GridRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    let merged: boolean[] | undefined;
    let any = false;
    for (let c = 0; c <= range.e.c; c++) {
      const from = copyFrom.get(`${r},${c}`);
      const cell = ws[from ?? lib.utils.encode_cell({ r, c })] as import('@e965/xlsx').CellObject | undefined;
      const text = cell ? cellText(lib, cell) : '';
      cells[c] = text;
      if (text !== '') any = true;
      if (from && text !== '') (merged ??= [])[c] = true;
    }
    if (!any) continue;
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(merged ? { row: r + 1, cells, merged } : { row: r + 1, cells });
  }
  return rows;
}

function cellText(lib: SheetJS, cell: import('@e965/xlsx').CellObject): string {
  const v = cell.v;
  if (v === null || v === undefined) return '';
  // Serials are converted here, as wall-clock UTC (SheetJS's own Date would be in the machine's zone).
  if (v instanceof Date) return dateText(v);
  if (cell.t === 'n' && typeof v === 'number') {
    const fmt = typeof cell.z === 'string' ? cell.z : '';
    if (fmt && lib.SSF.is_date(fmt)) return dateText(new Date(Math.round((v - 25569) * 86_400_000)));
    if (/%$/.test(fmt.trim())) return `${plainNumber(v * 100)}%`;
    return plainNumber(v);
  }
  if (cell.t === 'b') return v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return typeof cell.w === 'string' ? cell.w : '';
  return String(v);
}
