/**
 * Rows of cells (from CSV or a worksheet) → one RawTable: find the header row (or two) and the
 * kind, read title lines above it, map data cells to canonical columns (header-plan.ts), carry
 * section headings down to the rows below them, drop trailing notes.
 */
import { bounded, issue, type Issue } from '../model/issue.ts';
import { LEDGER_KIND_NAMES, type ColumnNote, type RawTable, type RawRow } from '../model/ledger.ts';
import { cleanValue, normalizeHeader } from './header-normalize.ts';
import { LEDGER_KINDS, acceptedNames, describeRequired, matchKind, significant, type HeaderMatch, type KindDef, type MappedCells } from './ledger-kinds.ts';
import { candidateOf, combineHeaderRows, guessTask, headingColumn, mappingLookup, mayBeLowerHeader, planColumns, type ColumnMapping, type HeaderCell, type PlanColumn } from './header-plan.ts';
import { SectionStack, headingLevel, headingText, levelOfSeq, seqStyle, type SeqStyle } from './section-rows.ts';
import { unitInName } from './unit-in-name.ts';
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
  /** Workbooks: true where the cell shows a value merged down from the row above (not the row's own). */
  merged?: boolean[];
}

export type ReadTableResult = { status: 'empty' } | { status: 'table'; table: RawTable; issues: Issue[] } | { status: 'unknown' | 'missing'; issues: Issue[] };

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
  /** templates/office.json `columns`: header text as written → a column name (spec §1); wins over the aliases. */
  columns?: ColumnMapping;
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && cleanValue(c) !== '') return false;
  return true;
}

export function readTable(input: readonly GridRow[], src: TableSource, o: ReadOptions = {}): ReadTableResult {
  const limits = o.limits ?? LIMITS;
  const { rows, cut } = cutLongCells(input, limits.cellChars);
  const where = src.sheet === undefined ? '' : `工作表「${src.sheet}」`;
  const mapping = mappingLookup(o.columns);
  const name = src.file.slice(src.file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const baseName = dot > 0 ? name.slice(0, dot) : name;
  const nameUnit = unitInName(baseName);

  const candidates: { index: number; partial: HeaderMatch | null; norm: string[] }[] = [];
  let found: { index: number; lower: number | null; cells: HeaderCell[]; mapped: MappedCells; match: HeaderMatch; guessed: number | null } | null = null;
  const titles: Record<string, string> = {};
  for (let i = 0; i < rows.length && candidates.length < HEADER_SEARCH_ROWS; i++) {
    const cells = rows[i]!.cells;
    if (isBlankRow(cells)) continue;
    // A department's own table: its unit comes from a title line above or the file name (spec §1).
    const given = new Set<string>(titles.承办单位 || titles.填报单位 || nameUnit ? ['承办单位'] : []);
    const single = candidateOf(
      cells.map((c) => ({ text: cleanValue(c), norm: normalizeHeader(c) })),
      mapping,
      given,
    );
    let best = single;
    let lower: number | null = null;
    const next = nextFilled(rows, i);
    if (next !== null && mayBeLowerHeader(cells, rows[next]!.cells)) {
      const both = candidateOf(combineHeaderRows(cells, rows[next]!.cells), mapping, given);
      // The upper row must add names of its own: a title line above a header is not half of it.
      const alone = candidateOf(
        rows[next]!.cells.map((c) => ({ text: cleanValue(c), norm: normalizeHeader(c) })),
        mapping,
        given,
      );
      const named = (x: typeof both) => x.rec.complete?.matched ?? 0;
      if (both.rec.complete && named(both) > named(single) && named(both) > named(alone)) {
        best = both;
        lower = next;
      }
    }
    candidates.push({ index: i, partial: best.rec.partial, norm: best.cells.map((c) => c.norm) });
    let match = best.rec.complete;
    let guessed: number | null = null;
    if (!match) {
      const start = (lower ?? i) + 1;
      const guess = guessTask(best, given, (c) => sampleColumn(rows, start, c), countData(rows, start));
      if (guess) ({ match, cell: guessed } = guess);
    }
    if (match) {
      // A row that is a 自查表 without 执行现状 also "completes" the one-column 制度目录: the kind
      // that matches more cells is what the user meant, so its missing column is the news.
      const partial = best.rec.partial;
      if (partial && partial.matched > match.matched) return missingColumn(partial, rows[i]!.row, src, where);
      found = { index: i, lower, cells: best.cells, mapped: best.mapped, match, guessed };
      break;
    }
    addTitleValues(cells.map(cleanValue), 'items', titles);
  }
  if (candidates.length === 0) return { status: 'empty' };
  if (!found) {
    const partial = bestPartial(candidates);
    if (partial) return missingColumn(partial.match, rows[partial.index]!.row, src, where);
    return unknownKind(
      candidates.map((c) => c.norm),
      src,
      where,
    );
  }

  const header = found.match;
  const kind = header.def.kind;
  const headerRow = rows[found.index]!;
  const bodyStart = (found.lower ?? found.index) + 1;
  const fileValues: Record<string, string> = {};
  for (let i = 0; i < found.index; i++) addTitleValues(rows[i]!.cells.map(cleanValue), kind, fileValues);

  const texts = found.cells.map((c) => c.text);
  const width = Math.max(headerWidth(texts), found.lower === null ? 0 : headerWidth(rows[found.lower]!.cells));
  const plan = planColumns(header, texts, width, (c) => columnFilled(rows, bodyStart, c));
  const headerText: Record<string, string> = {};
  const notes: ColumnNote[] = [];
  for (const p of plan) {
    headerText[p.name] = texts[p.cells[0]!] ?? p.name;
    notes.push({ header: headerText[p.name]!, column: p.name, how: p.cells[0] === found.guessed ? 'guessed' : (header.how[p.cells[0]!] ?? 'name') });
    for (const c of p.cells.slice(1)) notes.push({ header: `${headerText[p.name]}（第 ${c + 1} 列）`, column: p.name, how: 'merged' });
    if (p.also !== null) {
      headerText[p.also] = headerText[p.name]!;
      notes.push({ header: headerText[p.name]!, column: p.also, how: 'also' });
    }
  }
  const used = new Set(plan.flatMap((p) => p.cells));
  const sectionCell = kind === 'items' ? sectionColumn(rows, bodyStart, width, used, found.mapped) : null;
  if (sectionCell !== null) notes.push({ header: texts[sectionCell] || `第 ${sectionCell + 1} 列`, column: '分节', how: 'section' });
  const issues: Issue[] = duplicateIssues(header, texts, headerRow.row, src, where);
  if (found.guessed !== null) issues.push(guessedIssue(texts[found.guessed]!, headerRow.row, src, where));
  const unitGiven = kind === 'items' && !('承办单位' in headerText);
  if (unitGiven && !fileValues.承办单位 && !fileValues.填报单位 && nameUnit) notes.push({ header: `文件名「${baseName}」`, column: '承办单位', how: 'file' });

  const columnName = (c: number): string => texts[c] || `第 ${c + 1} 列`;
  const seqCell = plan.find((p) => p.name === '序号')?.cells[0] ?? -1;
  const taskCell = plan.find((p) => p.name === '事项')?.cells[0] ?? -1;
  const seqStyles = kind === 'items' && seqCell >= 0 ? majorityStyle(rows, bodyStart, seqCell) : null;
  const sections = new SectionStack();
  const levels: string[] = [];
  // The rows passed on, and each one's index in `rows` (for the trailing notes).
  const data: RawRow[] = [];
  const dataIndex: number[] = [];
  for (let i = bodyStart; i < rows.length; i++) {
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
    const heading = sectionRow(r, { seqCell, taskCell, sectionCell, seqStyles });
    if (heading) {
      sections.push(heading.level, heading.text);
      levels.length = 0;
      issues.push(sectionIssue(r.row, heading.text, src, where));
      continue;
    }
    if (sectionCell !== null && !r.merged?.[sectionCell]) {
      const v = cleanValue(r.cells[sectionCell] ?? '');
      const level = v === '' ? null : headingLevel(v);
      if (level !== null) sections.push(level, v);
    }
    const values: Record<string, string> = {};
    let merged: string[] | null = null;
    for (const p of plan) {
      // One cell per column, nearly always: read inline, without a result object per cell.
      let text: string;
      let isMerged: boolean;
      if (p.join === 'single') {
        const c = p.cells[0]!;
        text = (p.name === '链接' ? r.links?.[c] : undefined) ?? cleanValue(r.cells[c] ?? '');
        isMerged = r.merged?.[c] === true;
      } else ({ text, merged: isMerged } = readColumn(r, p, levels));
      values[p.name] = text;
      if (isMerged) (merged ??= []).push(p.name);
      if (p.also !== null && !(p.also in values)) {
        const split = splitPersons(values[p.name]!);
        if (split) {
          values[p.name] = split.units;
          values[p.also] = split.persons;
        } else values[p.also] = '';
      }
    }
    const row: RawRow = { row: r.row, values };
    const section = sections.current;
    if (section !== null) row.section = section;
    if (merged !== null) row.merged = merged;
    data.push(row);
    dataIndex.push(i);
  }
  for (const [row, c, length] of cut) {
    if (row > headerRow.row) issues.push(longCellIssue(row, columnName(c), length, limits.cellChars, src, where));
  }
  const over = Math.max(0, data.length - limits.tableRows) + (o.unread ?? 0);
  if (over > 0) {
    const first = data[limits.tableRows]?.row ?? (rows.at(-1)?.row ?? headerRow.row) + 1;
    issues.push(tooManyRowsIssue(first, over, limits.tableRows, src, where));
    data.length = Math.min(data.length, limits.tableRows);
    dataIndex.length = data.length;
  }
  const trailing: Issue[] = [];
  while (over === 0 && data.length > 0) {
    const last = data[data.length - 1]!;
    const note = trailingNoteKind(rows[dataIndex[data.length - 1]!]!.cells, seqCell);
    if (!note) break;
    data.pop();
    dataIndex.pop();
    if (note.kind === 'note') addNoteValues(note.text, fileValues);
    const value = note.text.length > 80 ? `${note.text.slice(0, 80)}…` : note.text;
    trailing.push(
      issue(
        'info',
        'I_NOTE_ROW',
        { file: src.file, row: last.row, value },
        note.kind === 'note' ? `${where}第 ${last.row} 行是表格末尾的备注或说明，未作为数据读取` : `${where}第 ${last.row} 行只有序号「${note.text}」，视为未填写的空白模板行，未作为数据读取`,
        note.kind === 'note' ? '如果这一行其实是数据，请把内容填到对应的列中。' : '如果这一行要登记事项，请补全各列；否则可以删除这一行。',
      ),
    );
  }
  issues.push(...trailing.reverse());

  const table: RawTable = {
    file: src.file,
    ...(src.sheet === undefined ? {} : { sheet: src.sheet }),
    kind,
    headerRow: headerRow.row,
    headerText,
    fileValues,
    baseName,
    rows: data,
    columns: notes,
    ...(unitGiven && nameUnit && !fileValues.承办单位 ? { nameUnit } : {}),
  };
  return { status: 'table', table, issues };
}

function nextFilled(rows: readonly GridRow[], i: number): number | null {
  for (let k = i + 1; k < rows.length; k++) if (!isBlankRow(rows[k]!.cells)) return k;
  return null;
}

/** Rows of data below the header that a guess looks at. */
const SAMPLE = 200;

function sampleColumn(rows: readonly GridRow[], start: number, cell: number): string[] {
  const out: string[] = [];
  for (let k = start; k < rows.length && out.length < SAMPLE; k++) {
    const r = rows[k]!;
    if (isBlankRow(r.cells) || r.brokenQuote) continue;
    out.push(r.merged?.[cell] ? '' : cleanValue(r.cells[cell] ?? ''));
  }
  return out;
}

function countData(rows: readonly GridRow[], start: number): number {
  let n = 0;
  for (let k = start; k < rows.length && n < SAMPLE; k++) if (!isBlankRow(rows[k]!.cells)) n++;
  return n;
}

function columnFilled(rows: readonly GridRow[], start: number, cell: number): boolean {
  return sampleColumn(rows, start, cell).some((v) => v !== '');
}

/** An unknown column whose filled cells are all headings: the rows' section (大类). */
function sectionColumn(rows: readonly GridRow[], start: number, width: number, used: ReadonlySet<number>, mapped: MappedCells): number | null {
  for (let c = 0; c < width; c++) {
    if (used.has(c) || mapped[c] === null) continue;
    if (headingColumn(sampleColumn(rows, start, c))) return c;
  }
  return null;
}

/** The 序号 style most rows use (1, 2, 3 or （一）（二）): a row numbered otherwise may be a heading. */
function majorityStyle(rows: readonly GridRow[], start: number, cell: number): SeqStyle | null {
  const counts = new Map<SeqStyle, number>();
  for (const v of sampleColumn(rows, start, cell)) if (v !== '') counts.set(seqStyle(v), (counts.get(seqStyle(v)) ?? 0) + 1);
  let best: SeqStyle | null = null;
  for (const [s, n] of counts) if (best === null || n > counts.get(best)!) best = s;
  return best;
}

/**
 * A section row: its one filled cell (the first, the 序号, the 事项 or the section column) reads
 * as a heading; or only 序号 and 事项 are filled and the 序号 is numbered unlike the items'
 * (一 above 1, 2, 3).
 */
function sectionRow(r: GridRow, at: { seqCell: number; taskCell: number; sectionCell: number | null; seqStyles: SeqStyle | null }): { level: number; text: string } | null {
  const filled: number[] = [];
  for (let k = 0; k < r.cells.length && filled.length <= 2; k++) if (cleanValue(r.cells[k] ?? '') !== '' && !r.merged?.[k]) filled.push(k);
  if (filled.length === 1) {
    const c = filled[0]!;
    if (c !== 0 && c !== at.seqCell && c !== at.taskCell && c !== at.sectionCell) return null;
    const text = cleanValue(r.cells[c]!);
    const level = headingLevel(text);
    return level === null ? null : { level, text };
  }
  if (filled.length === 2 && at.seqCell >= 0 && at.taskCell >= 0 && filled.includes(at.seqCell) && filled.includes(at.taskCell)) {
    const seq = cleanValue(r.cells[at.seqCell]!);
    const style = seqStyle(seq);
    if (style === 'arabic' || style === 'other' || style === at.seqStyles) return null;
    const text = headingText(seq, cleanValue(r.cells[at.taskCell]!));
    return { level: headingLevel(text) ?? levelOfSeq(seq), text };
  }
  return null;
}

/** A column read from several cells (the one-cell case is read inline in readTable); `levels` carries a task's levels down the rows (path columns). */
function readColumn(r: GridRow, p: PlanColumn, levels: string[]): { text: string; merged: boolean } {
  const own = p.cells.map((c) => (r.merged?.[c] ? '' : cleanValue(r.cells[c] ?? '')));
  const anyMerged = p.cells.some((c) => r.merged?.[c] && cleanValue(r.cells[c] ?? '') !== '');
  if (p.join === 'last') return { text: [...own].reverse().find((v) => v !== '') ?? '', merged: false };
  if (p.join === 'lines') return { text: own.filter((v) => v !== '').join('\n'), merged: false };
  // Levels of a task: a filled level replaces that level and clears those below; higher levels carry down.
  const first = own.findIndex((v) => v !== '');
  if (first < 0) return { text: anyMerged ? levels.filter((v) => v !== '').join('—') : '', merged: anyMerged };
  for (let k = 0; k < own.length; k++) if (k >= first) levels[k] = own[k]!;
  levels.length = own.length;
  return { text: levels.filter((v) => v !== '').join('—'), merged: false };
}

/** Unit names end in 局, 处, 委, 中心 …; a short word that does not is a person's name (市民政局 伍泽国). */
const UNIT_END = /(?:办公室|委员会|中心|政府|集团|公司|学院|街道|指挥部|[处局委办室部厅署院馆所站队科组社会府联])$/u;
const PERSON = /^[\p{Script=Han}·]{2,4}$/u;

function splitPersons(cell: string): { units: string; persons: string } | null {
  const tokens = cell.split(/[\s\u3000]+/u).filter(Boolean);
  if (tokens.length < 2) return null;
  const units: string[] = [];
  const persons: string[] = [];
  for (const t of tokens) (PERSON.test(t) && !UNIT_END.test(t) ? persons : units).push(t);
  if (persons.length === 0 || units.length === 0) return null;
  return { units: units.join('\n'), persons: persons.join('、') };
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
    issues: [
      issue(
        'error',
        'E_MISSING_COLUMN',
        { file: src.file, row, value: m.missing.map((g) => g.join('/')).join('、') },
        `${where}第 ${row} 行像是${m.def.label}台账的表头，但缺少必需的列${names}，整个表未读取`,
        `请在表头中增加这些列（可用的列名 — ${accepted}）。${m.def.label}台账需要${describeRequired(m.def)}列。${missingHint(m)}`,
      ),
    ],
  };
}

/** What else fixes a missing 事项 or 承办单位 of a 督办事项 table. */
function missingHint(m: HeaderMatch): string {
  if (m.def.kind !== 'items') return '';
  const parts: string[] = [];
  if (m.missing.some((g) => g.includes('事项'))) parts.push('表中的事项列用了别的名称时，可在 templates/office.json 的 columns 中写明，例如 "columns": { "民生实事": "事项" }');
  if (m.missing.some((g) => g.includes('承办单位')))
    parts.push('整张表都是一个单位的任务时，可在表头上方加一行「责任单位：教务处」，或把单位名称写进文件名（如「教务处2026年重点工作任务分解表.xlsx」）');
  return parts.length > 0 ? `${parts.join('；')}。` : '';
}

function unknownKind(normRows: readonly string[][], src: TableSource, where: string): ReadTableResult {
  const closest = closestKind(normRows);
  const kinds = LEDGER_KINDS.map((d) => d.label).join('、');
  return {
    status: 'unknown',
    issues: [
      issue(
        'error',
        'E_UNKNOWN_KIND',
        { file: src.file },
        `${where}前 ${HEADER_SEARCH_ROWS} 行中没有找到可识别的表头，无法判断是哪种台账（可识别：${kinds}）`,
        `${LEDGER_KIND_NAMES[closest.kind]}台账需要${describeRequired(closest)}列；表头要放在前 ${HEADER_SEARCH_ROWS} 行内，列名请参照填报说明。`,
      ),
    ],
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

function duplicateIssues(m: HeaderMatch, texts: readonly string[], row: number, src: TableSource, where: string): Issue[] {
  return m.duplicates.map(([lost, name, kept]) => {
    const lostText = texts[lost] ?? '';
    const keptText = texts[kept] ?? '';
    return issue(
      'warning',
      'W_DUPLICATE_COLUMN',
      { file: src.file, row, column: lostText, value: lostText },
      `${where}「${lostText}」列与「${keptText}」列都表示「${name}」，「${lostText}」列已忽略`,
      `请删除或改名其中一列；读取的是「${keptText}」列（templates/office.json 的 columns 中写明的优先，其次是与标准列名相同的，否则取靠左的一列）。`,
    );
  });
}

function guessedIssue(header: string, row: number, src: TableSource, where: string): Issue {
  return issue(
    'info',
    'I_GUESSED_COLUMN',
    { file: src.file, row, column: header, value: header },
    `${where}第 ${row} 行的表头中没有「事项」列，已把「${header}」列作为事项读取（这是左起第一个不认识、内容多为文字的列）`,
    `如果猜错了，请在 templates/office.json 的 columns 中写明哪一列是事项，例如 "columns": { "${header}": "事项" }，或把列名改为「事项」。`,
  );
}

function sectionIssue(row: number, text: string, src: TableSource, where: string): Issue {
  return issue(
    'info',
    'I_SECTION_ROW',
    { file: src.file, row, value: text },
    `${where}第 ${row} 行「${text}」是分节标题，不是事项；下面各行直到下一个分节标题都记为这一节`,
    '如果这一行其实是一个事项，请补全承办单位等各列。',
  );
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
  return issue(
    'error',
    'E_QUOTE',
    { file: src.file, row: r.row, column, value: r.brokenQuote?.text ?? '' },
    `${where}第 ${r.row} 行「${column}」列的引号没有闭合：这个单元格以英文双引号 " 开头，却没有结尾的引号，这一行未读取`,
    '请在这个单元格内容的末尾补上英文双引号 "，或删去开头的引号（内容中要用双引号时写成两个 ""）；也可以用 Excel 或 WPS 打开后重新另存为 CSV。下面的行已照常读取。',
  );
}

function extraCellsIssue(row: number, extra: readonly string[], src: TableSource, where: string): Issue {
  return issue(
    'warning',
    'W_EXTRA_CELLS',
    { file: src.file, row, value: extra.map(cleanValue).join('、') },
    `${where}第 ${row} 行比表头多出 ${extra.length} 个有内容的单元格，多出的内容未读取`,
    '常见原因是某个单元格中的英文逗号没有加引号，后面的内容因此错了位：请用 Excel 或 WPS 打开核对这一行，或把含逗号的内容用英文双引号括起来。',
  );
}

function longCellIssue(row: number, column: string, length: number, max: number, src: TableSource, where: string): Issue {
  return issue(
    'warning',
    'W_CELL_TOO_LONG',
    { file: src.file, row, column },
    `${where}第 ${row} 行「${column}」列有 ${length} 个字，超过一个单元格最多 ${max} 个字的上限，只读取了前 ${max} 个字`,
    `请把过长的内容精简为要点，详细材料另附文件（Excel 的单元格同样最多只能放 ${max} 个字）。`,
  );
}

function tooManyRowsIssue(first: number, over: number, max: number, src: TableSource, where: string): Issue {
  return issue(
    'error',
    'E_TOO_MANY_ROWS',
    { file: src.file, row: first },
    `${where}数据超过每张表 ${max} 行的上限，从第 ${first} 行起的 ${over} 行未读取`,
    `请把台账拆成几个文件，每个不超过 ${max} 行（例如把已办结的旧事项移到另一个文件）。`,
  );
}
