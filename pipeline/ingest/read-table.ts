/**
 * Rows of cells (from CSV or a worksheet) → one RawTable: find the header row and the kind,
 * read title lines above it, map data cells to canonical columns, drop trailing notes.
 */
import { bounded, issue, type Issue } from '../model/issue.ts';
import { LEDGER_KIND_NAMES, type RawTable, type RawRow } from '../model/ledger.ts';
import { cleanValue, normalizeHeader } from './header-normalize.ts';
import {
  LEDGER_KINDS, acceptedNames, describeRequired, matchKind, recognizeHeader, significant, type HeaderMatch, type KindDef,
} from './ledger-kinds.ts';
import { addNoteValues, addTitleValues } from './title-values.ts';
import { trailingNoteKind } from './note-rows.ts';
import { LIMITS, type IngestLimits } from './limits.ts';
import type { BrokenQuote } from './parse-csv.ts';

/** One row as read: its spreadsheet row number and its cells as text. */
export interface GridRow {
  row: number;
  cells: string[];
  /** Hyperlink targets of XLSX cells, by cell index. */
  links?: (string | undefined)[];
  /** A CSV record whose quote was never closed (parse-csv.ts): named, never built. */
  brokenQuote?: BrokenQuote;
}

export type ReadTableResult =
  | { status: 'empty' }
  | { status: 'table'; table: RawTable; issues: Issue[] }
  | { status: 'unknown' | 'missing'; issues: Issue[] };

/** Spec §1: the header is within the first 10 rows (blank rows not counted). */
export const HEADER_SEARCH_ROWS = 10;

export interface TableSource {
  file: string;
  sheet?: string;
}

export interface ReadOptions {
  limits?: IngestLimits;
  /** Non-empty rows after the last of `rows`, counted by the reader but not read. */
  unread?: number;
  /** CSV: cells beyond the header are a sign of an unquoted delimiter, worth a warning. */
  extraCells?: boolean;
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && cleanValue(c) !== '') return false;
  return true;
}

export function readTable(input: readonly GridRow[], src: TableSource, o: ReadOptions = {}): ReadTableResult {
  const limits = o.limits ?? LIMITS;
  const { rows, cut } = cutLongCells(input, limits.cellChars);
  const where = src.sheet === undefined ? '' : `工作表「${src.sheet}」`;
  const candidates: { index: number; match: HeaderMatch | null; partial: HeaderMatch | null; norm: string[] }[] = [];
  let headerIndex = -1;
  let header: HeaderMatch | null = null;
  for (let i = 0; i < rows.length && candidates.length < HEADER_SEARCH_ROWS; i++) {
    const cells = rows[i]!.cells;
    if (isBlankRow(cells)) continue;
    const norm = cells.map(normalizeHeader);
    const rec = recognizeHeader(norm);
    candidates.push({ index: i, match: rec.complete, partial: rec.partial, norm });
    if (rec.complete) {
      headerIndex = i;
      // A row that is a 自查表 without 执行现状 also "completes" the one-column 制度目录: the kind
      // that matches more cells is what the user meant, so its missing column is the news.
      header = rec.partial && rec.partial.matched > rec.complete.matched ? null : rec.complete;
      if (!header) return missingColumn(rec.partial!, rows[i]!.row, src, where);
      break;
    }
  }
  if (candidates.length === 0) return { status: 'empty' };
  if (!header) {
    const partial = bestPartial(candidates);
    if (partial) return missingColumn(partial.match, rows[partial.index]!.row, src, where);
    return unknownKind(candidates.map((c) => c.norm), src, where);
  }

  const kind = header.def.kind;
  const headerRow = rows[headerIndex]!;
  const fileValues: Record<string, string> = {};
  for (let i = 0; i < headerIndex; i++) addTitleValues(rows[i]!.cells.map(cleanValue), kind, fileValues);

  const headerText: Record<string, string> = {};
  const mapped: [index: number, name: string][] = [];
  header.columns.forEach((name, i) => {
    if (name === null) return;
    headerText[name] = cleanValue(headerRow.cells[i] ?? '');
    mapped.push([i, name]);
  });
  const issues: Issue[] = duplicateIssues(header, headerRow, src, where);

  const columnName = (c: number): string => cleanValue(headerRow.cells[c] ?? '') || `第 ${c + 1} 列`;
  const width = headerWidth(headerRow.cells);
  const data: { row: RawRow; index: number }[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.brokenQuote) {
      issues.push(brokenQuoteIssue(r, columnName(r.brokenQuote.cell), src, where));
      continue;
    }
    if (isBlankRow(r.cells)) continue;
    if (o.extraCells && r.cells.length > width) {
      const extra = r.cells.slice(width).filter((c) => cleanValue(c) !== '');
      if (extra.length > 0) issues.push(extraCellsIssue(r.row, extra, src, where));
    }
    const values: Record<string, string> = {};
    for (const [c, name] of mapped) {
      const link = name === '链接' ? r.links?.[c] : undefined;
      values[name] = link ?? cleanValue(r.cells[c] ?? '');
    }
    data.push({ row: { row: r.row, values }, index: i });
  }
  for (const [row, c, length] of cut) {
    if (row > headerRow.row) issues.push(longCellIssue(row, columnName(c), length, limits.cellChars, src, where));
  }
  const over = Math.max(0, data.length - limits.tableRows) + (o.unread ?? 0);
  if (over > 0) {
    const first = data[limits.tableRows]?.row.row ?? (rows.at(-1)?.row ?? headerRow.row) + 1;
    issues.push(tooManyRowsIssue(first, over, limits.tableRows, src, where));
    data.length = Math.min(data.length, limits.tableRows);
  }
  const seqIndex = header.columns.indexOf('序号');
  const notes: Issue[] = [];
  while (over === 0 && data.length > 0) {
    const last = data[data.length - 1]!;
    const note = trailingNoteKind(rows[last.index]!.cells, seqIndex);
    if (!note) break;
    data.pop();
    if (note.kind === 'note') addNoteValues(note.text, fileValues);
    const value = note.text.length > 80 ? `${note.text.slice(0, 80)}…` : note.text;
    notes.push(issue('info', 'I_NOTE_ROW', { file: src.file, row: last.row.row, value },
      note.kind === 'note' ? `${where}第 ${last.row.row} 行是表格末尾的备注或说明，未作为数据读取` : `${where}第 ${last.row.row} 行只有序号「${note.text}」，视为未填写的空白模板行，未作为数据读取`,
      note.kind === 'note' ? '如果这一行其实是数据，请把内容填到对应的列中。' : '如果这一行要登记事项，请补全各列；否则可以删除这一行。'));
  }
  issues.push(...notes.reverse());

  const name = src.file.slice(src.file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const table: RawTable = {
    file: src.file,
    ...(src.sheet === undefined ? {} : { sheet: src.sheet }),
    kind,
    headerRow: headerRow.row,
    headerText,
    fileValues,
    baseName: dot > 0 ? name.slice(0, dot) : name,
    rows: data.map((d) => d.row),
  };
  return { status: 'table', table, issues };
}

function bestPartial(cands: readonly { index: number; partial: HeaderMatch | null }[]): { index: number; match: HeaderMatch } | null {
  let best: { index: number; match: HeaderMatch } | null = null;
  for (const c of cands) {
    if (c.partial && (!best || c.partial.matched > best.match.matched)) best = { index: c.index, match: c.partial };
  }
  return best;
}

function missingColumn(m: HeaderMatch, row: number, src: TableSource, where: string): ReadTableResult {
  const names = m.missing.map((g) => `「${g.join('」或「')}」`).join('、');
  const accepted = m.missing.map((g) => `${g.join('/')}：${acceptedNames(m.def, g).join('、')}`).join('；');
  return {
    status: 'missing',
    issues: [issue('error', 'E_MISSING_COLUMN', { file: src.file, row, value: m.missing.map((g) => g.join('/')).join('、') },
      `${where}第 ${row} 行像是${m.def.label}台账的表头，但缺少必需的列${names}，整个表未读取`,
      `请在表头中增加这些列（可用的列名 — ${accepted}）。${m.def.label}台账需要${describeRequired(m.def)}列。`)],
  };
}

function unknownKind(normRows: readonly string[][], src: TableSource, where: string): ReadTableResult {
  const closest = closestKind(normRows);
  const kinds = LEDGER_KINDS.map((d) => d.label).join('、');
  return {
    status: 'unknown',
    issues: [issue('error', 'E_UNKNOWN_KIND', { file: src.file },
      `${where}前 ${HEADER_SEARCH_ROWS} 行中没有找到可识别的表头，无法判断是哪种台账（可识别：${kinds}）`,
      `${LEDGER_KIND_NAMES[closest.kind]}台账需要${describeRequired(closest)}列；表头要放在前 ${HEADER_SEARCH_ROWS} 行内，列名请参照填报说明。`)],
  };
}

/**
 * The kind that names most of its required columns, then most columns, in any of the looked-at
 * rows; 督办事项 when none names a required one (a 电话 column alone does not make an address
 * list a 进展反馈 form).
 */
function closestKind(normRows: readonly string[][]): KindDef {
  let best = LEDGER_KINDS[0]!;
  let bestScore = 0;
  for (const def of LEDGER_KINDS) {
    for (const norm of normRows) {
      const m = matchKind(def, norm);
      const required = def.required.length - m.missing.length;
      const s = required === 0 ? 0 : required * 1000 + significant(m);
      if (s > bestScore) {
        best = def;
        bestScore = s;
      }
    }
  }
  return best;
}

function duplicateIssues(m: HeaderMatch, headerRow: GridRow, src: TableSource, where: string): Issue[] {
  return m.duplicates.map(([lost, name, kept]) => {
    const lostText = cleanValue(headerRow.cells[lost] ?? '');
    const keptText = cleanValue(headerRow.cells[kept] ?? '');
    return issue('warning', 'W_DUPLICATE_COLUMN', { file: src.file, row: headerRow.row, column: lostText, value: lostText },
      `${where}「${lostText}」列与「${keptText}」列都表示「${name}」，「${lostText}」列已忽略`,
      `请删除或改名其中一列；读取的是「${keptText}」列（与标准列名相同的优先，否则取靠左的一列）。`);
  });
}

/** Cells over the cell limit cut to it, and which were: [row, cell index, length as written]. */
function cutLongCells(rows: readonly GridRow[], max: number): { rows: readonly GridRow[]; cut: [number, number, number][] } {
  const cut: [number, number, number][] = [];
  let out: GridRow[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let cells: string[] | null = null;
    for (let k = 0; k < r.cells.length; k++) {
      const c = r.cells[k]!;
      if (c.length <= max) continue;
      (cells ??= [...r.cells])[k] = bounded(c, max, '');
      cut.push([r.row, k, Array.from(c).length]);
    }
    if (cells) (out ??= [...rows])[i] = { ...r, cells };
  }
  return { rows: out ?? rows, cut };
}

/** Cells up to the last filled header cell. */
function headerWidth(cells: readonly string[]): number {
  let w = cells.length;
  while (w > 0 && cleanValue(cells[w - 1] ?? '') === '') w--;
  return w;
}

function brokenQuoteIssue(r: GridRow, column: string, src: TableSource, where: string): Issue {
  return issue('error', 'E_QUOTE', { file: src.file, row: r.row, column, value: r.brokenQuote?.text ?? '' },
    `${where}第 ${r.row} 行「${column}」列的引号没有闭合：这个单元格以英文双引号 " 开头，却没有结尾的引号，这一行未读取`,
    '请在这个单元格内容的末尾补上英文双引号 "，或删去开头的引号（内容中要用双引号时写成两个 ""）；也可以用 Excel 或 WPS 打开后重新另存为 CSV。下面的行已照常读取。');
}

function extraCellsIssue(row: number, extra: readonly string[], src: TableSource, where: string): Issue {
  return issue('warning', 'W_EXTRA_CELLS', { file: src.file, row, value: extra.map(cleanValue).join('、') },
    `${where}第 ${row} 行比表头多出 ${extra.length} 个有内容的单元格，多出的内容未读取`,
    '常见原因是某个单元格中的英文逗号没有加引号，后面的内容因此错了位：请用 Excel 或 WPS 打开核对这一行，或把含逗号的内容用英文双引号括起来。');
}

function longCellIssue(row: number, column: string, length: number, max: number, src: TableSource, where: string): Issue {
  return issue('warning', 'W_CELL_TOO_LONG', { file: src.file, row, column },
    `${where}第 ${row} 行「${column}」列有 ${length} 个字，超过一个单元格最多 ${max} 个字的上限，只读取了前 ${max} 个字`,
    `请把过长的内容精简为要点，详细材料另附文件（Excel 的单元格同样最多只能放 ${max} 个字）。`);
}

function tooManyRowsIssue(first: number, over: number, max: number, src: TableSource, where: string): Issue {
  return issue('error', 'E_TOO_MANY_ROWS', { file: src.file, row: first },
    `${where}数据超过每张表 ${max} 行的上限，从第 ${first} 行起的 ${over} 行未读取`,
    `请把台账拆成几个文件，每个不超过 ${max} 行（例如把已办结的旧事项移到另一个文件）。`);
}
