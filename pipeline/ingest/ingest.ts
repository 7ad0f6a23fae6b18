/**
 * ingest: the files of the data folder → recognised tables of text, and every problem as an
 * Issue. The kind of a file comes from its content: a ".csv" that is really a workbook is read
 * as one, and a ".xlsx" that is really CSV text is read as CSV.
 */
import { issue, type Issue } from '../model/issue.ts';
import type { RawTable, SourceFile } from '../model/ledger.ts';
import { decodeText, startsWith } from './decode-text.ts';
import { normalizeHeader } from './header-normalize.ts';
import { recognizeHeader } from './ledger-kinds.ts';
import { parseCsv } from './parse-csv.ts';
import { HEADER_SEARCH_ROWS, readTable, type GridRow, type ReadTableResult } from './read-table.ts';
import type { ColumnMapping } from './header-plan.ts';
import { LIMITS, fileTooLarge, type IngestLimits } from './limits.ts';

export interface IngestResult {
  tables: RawTable[];
  issues: Issue[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound file signature: .xls, and also an encrypted .xlsx (which Office wraps in one). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface IngestOptions {
  /** templates/office.json `columns` (spec §1). */
  columns?: ColumnMapping;
}

export async function ingestFiles(files: readonly SourceFile[], limits: IngestLimits = LIMITS, options: IngestOptions = {}): Promise<IngestResult> {
  const tables: RawTable[] = [];
  const issues: Issue[] = [];
  for (const f of files) {
    try {
      const r =
        f.bytes.length > limits.fileBytes
          ? { tables: [], issues: [fileTooLarge(f.path, f.bytes.length, limits)] }
          : startsWith(f.bytes, ZIP)
            ? await ingestWorkbook(f, limits, options)
            : startsWith(f.bytes, OLE2) || htmlWorkbook(f)
              ? await ingestXls(f, limits, options)
              : ingestCsv(f, limits, options);
      tables.push(...r.tables);
      issues.push(...r.issues);
    } catch (e) {
      // Last line of defence: a file we cannot read must not stop the others.
      issues.push(
        issue(
          'error',
          'E_ENCODING',
          { file: f.path },
          `读取文件时发生意外错误：${e instanceof Error ? e.message : String(e)}`,
          '请用 Excel 或 WPS 打开该文件并重新保存为 CSV UTF-8 或 .xlsx；如仍出错，请把文件交给技术支持。',
        ),
      );
    }
  }
  return { tables, issues };
}

/** An .xls that is a web page or Excel 2003 XML (what many sites and older programs save under that name). */
function htmlWorkbook(f: SourceFile): boolean {
  if (!/\.xls$/i.test(f.path)) return false;
  let i = f.bytes[0] === 0xef && f.bytes[1] === 0xbb && f.bytes[2] === 0xbf ? 3 : 0;
  while (i < f.bytes.length && i < 64 && (f.bytes[i] === 0x20 || f.bytes[i] === 0x0a || f.bytes[i] === 0x0d || f.bytes[i] === 0x09)) i++;
  return f.bytes[i] === 0x3c; // '<'
}

const isHeader = (cells: readonly string[]): boolean => recognizeHeader(cells.map(normalizeHeader)).complete !== null;

const emptyFile = (file: string): Issue => issue('error', 'E_EMPTY_FILE', { file }, '文件是空的（没有任何内容，或只有空行）', '请填写台账内容后再放入数据文件夹；不需要的文件可以删除。');

/** CSV (or Excel's tab-separated "Unicode text") from bytes to at most one table. */
export function ingestCsv(f: SourceFile, limits: IngestLimits = LIMITS, options: IngestOptions = {}): IngestResult {
  if (f.bytes.length === 0) return { tables: [], issues: [emptyFile(f.path)] };
  const decoded = decodeText(f.bytes, f.path);
  if (!decoded.ok) return { tables: [], issues: [decoded.issue] };
  // Rows past the limit are only counted; the slack leaves room for title and blank rows above the data.
  const { rows, unread } = parseCsv(decoded.text, isHeader, limits.tableRows + ROW_SLACK);
  return fromResult(readTable(rows, { file: f.path }, { limits, unread, extraCells: true, columns: options.columns }), f.path, decoded.issues);
}

/** Rows read past the row limit, for the header, title lines and empty rows. */
const ROW_SLACK = 100 * HEADER_SEARCH_ROWS;

function fromResult(r: ReadTableResult, file: string, before: Issue[]): IngestResult {
  if (r.status === 'empty') return { tables: [], issues: [...before, emptyFile(file)] };
  if (r.status === 'table') return { tables: [r.table], issues: [...before, ...r.issues] };
  return { tables: [], issues: [...before, ...r.issues] };
}

/**
 * Every visible sheet is read. A sheet that is not a ledger (instructions, a chart's data) is
 * only an info note when another sheet of the workbook is one; a workbook with no ledger at
 * all reports each sheet. E_MISSING_COLUMN is always an error: that sheet was meant as a ledger.
 */
async function ingestWorkbook(f: SourceFile, limits: IngestLimits, options: IngestOptions): Promise<IngestResult> {
  // The workbook readers load with the first workbook: a folder of CSV files never needs them.
  const { readXlsx } = await import('./read-xlsx.ts');
  const { sheets, issues } = await readXlsx(f.bytes, f.path, limits);
  return fromSheets(f, sheets, issues, limits, options);
}

/** Excel 97–2003 (.xls), or an encrypted .xlsx (Office wraps those in the same container). */
async function ingestXls(f: SourceFile, limits: IngestLimits, options: IngestOptions): Promise<IngestResult> {
  const { readXls } = await import('./read-xls.ts');
  const { sheets, issues } = await readXls(f.bytes, f.path, limits);
  return fromSheets(f, sheets, issues, limits, options);
}

function fromSheets(f: SourceFile, sheets: readonly { name: string; rows: GridRow[] }[], issues: Issue[], limits: IngestLimits, options: IngestOptions): IngestResult {
  if (issues.length > 0) return { tables: [], issues };
  const results = sheets.map((s) => ({ sheet: s.name, r: readTable(s.rows, { file: f.path, sheet: s.name }, { limits, columns: options.columns }) }));
  const tables = results.flatMap(({ r }) => (r.status === 'table' ? [r.table] : []));
  if (results.every(({ r }) => r.status === 'empty')) return { tables: [], issues: [emptyFile(f.path)] };
  const out: Issue[] = [];
  for (const { sheet, r } of results) {
    if (r.status === 'table' || r.status === 'missing') out.push(...r.issues);
    else if (r.status === 'unknown') {
      if (tables.length === 0) out.push(...r.issues);
      else out.push(issue('info', 'I_SKIPPED_FILE', { file: f.path }, `工作表「${sheet}」不是可识别的台账，已跳过`, '如果这个工作表也是台账，请检查表头的列名。'));
    }
  }
  return { tables, issues: out };
}
