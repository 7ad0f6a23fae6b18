/**
 * Rows of cells (from CSV or a worksheet) → one RawTable: find the header row and the kind,
 * read title lines above it, map data cells to canonical columns, drop trailing notes.
 */
import { issue, type Issue } from '../model/issue.ts';
import { LEDGER_KIND_NAMES, type RawTable, type RawRow } from '../model/ledger.ts';
import { cleanValue, normalizeHeader } from './header-normalize.ts';
import {
  LEDGER_KINDS, acceptedNames, describeRequired, matchKind, recognizeHeader, significant, type HeaderMatch, type KindDef,
} from './ledger-kinds.ts';
import { addNoteValues, addTitleValues } from './title-values.ts';
import { trailingNoteKind } from './note-rows.ts';

/** One row as read: its spreadsheet row number and its cells as text. */
export interface GridRow {
  row: number;
  cells: string[];
  /** Hyperlink targets of XLSX cells, by cell index. */
  links?: (string | undefined)[];
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

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && cleanValue(c) !== '') return false;
  return true;
}

export function readTable(rows: readonly GridRow[], src: TableSource): ReadTableResult {
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

  const data: { row: RawRow; index: number }[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (isBlankRow(r.cells)) continue;
    const values: Record<string, string> = {};
    for (const [c, name] of mapped) {
      const link = name === '链接' ? r.links?.[c] : undefined;
      values[name] = link ?? cleanValue(r.cells[c] ?? '');
    }
    data.push({ row: { row: r.row, values }, index: i });
  }
  const seqIndex = header.columns.indexOf('序号');
  const notes: Issue[] = [];
  while (data.length > 0) {
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

/** The kind that names most columns in any of the looked-at rows; 督办事项 when none does. */
function closestKind(normRows: readonly string[][]): KindDef {
  let best = LEDGER_KINDS[0]!;
  let bestScore = 0;
  for (const def of LEDGER_KINDS) {
    for (const norm of normRows) {
      const s = significant(matchKind(def, norm));
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
