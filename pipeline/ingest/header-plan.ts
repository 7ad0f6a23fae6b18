/**
 * Which rows are the header and which cells feed which canonical column (spec §1):
 *   - the office's `columns` mapping (templates/office.json) first, then names and aliases;
 *   - a header written over two rows (责任单位 merged above 牵头单位 | 配合单位; 完成时限 above 起 | 止)
 *     read as one: the lower row's names where it has them, the upper row's elsewhere;
 *   - a header cell merged across columns (工作任务 over three levels of tasks) owns the empty
 *     header cells to its right;
 *   - a 督办事项 table with everything but 事项 takes the first unknown, mostly-text column as 事项
 *     (I_GUESSED_COLUMN);
 *   - an unknown column whose cells are all headings (大类: 一、…) gives the rows their section.
 * Pure; never throws on any cells.
 */
import { LEDGER_KINDS, recognizeHeader, matchKind, type HeaderHow, type HeaderMatch, type KindDef, type MappedCells, type Recognition } from './ledger-kinds.ts';
import { cleanValue, normalizeHeader } from './header-normalize.ts';
import { headingLevel } from './section-rows.ts';

export type ColumnMapping = Readonly<Record<string, string>>;

/** The office's mapping keyed by normalised header text; '' (ignore the column) becomes null. */
export function mappingLookup(columns: ColumnMapping | undefined): ReadonlyMap<string, string | null> {
  const m = new Map<string, string | null>();
  for (const [k, v] of Object.entries(columns ?? {})) {
    const key = normalizeHeader(k);
    if (key !== '' && !m.has(key)) m.set(key, typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  }
  return m;
}

/** Lower-row words under a deadline or a unit header (spec §1: 完成时限 above 起 | 止 → 止 is the deadline). */
const END_WORDS = new Set(['止', '截止', '结束', '完成', '止时间', '截止时间', '结束时间', '完成时间', '止日期', '截止日期', '结束日期', '完成日期', '终', '至']);
const START_WORDS = new Set(['起', '开始', '起始', '起时间', '开始时间', '起始时间', '起日期', '开始日期', '始']);
const LEAD_WORDS = new Set(['牵头', '牵头单位', '牵头部门', '主责', '主责单位', '主办', '主办单位', '主要责任单位', '责任单位', '承办单位', '主要']);
const CO_WORDS = new Set(['配合', '配合单位', '配合部门', '协办', '协办单位', '协同', '协同单位', '参与', '参与单位', '协同配合单位', '其他']);

export interface HeaderCell {
  /** As the secretary reads it: 「完成时限（止）」 for a two-row header. */
  text: string;
  /** What recognition compares. */
  norm: string;
}

/** Two header rows as one: the lower row's names where it has them, the upper row's elsewhere. */
export function combineHeaderRows(upper: readonly string[], lower: readonly string[]): HeaderCell[] {
  const width = Math.max(upper.length, lower.length);
  const out: HeaderCell[] = [];
  let span = '';
  for (let p = 0; p < width; p++) {
    const u = cleanValue(upper[p] ?? '');
    const l = cleanValue(lower[p] ?? '');
    if (u !== '') span = u;
    if (l === '' || l === u) {
      out.push({ text: u, norm: normalizeHeader(u) });
      continue;
    }
    if (span === '') {
      out.push({ text: l, norm: normalizeHeader(l) });
      continue;
    }
    out.push(subColumn(span, l));
  }
  return out;
}

function subColumn(upper: string, lower: string): HeaderCell {
  const items = LEDGER_KINDS[0]!;
  const u = matchKind(items, [normalizeHeader(upper)]).columns[0];
  const l = normalizeHeader(lower);
  // 「牵头单位」 says what it is; 「止」 needs the 「完成时限」 above it.
  const text = matchKind(items, [l]).columns[0] ? lower : `${upper}（${lower}）`;
  if (u === '办结时限' || u === '延期至') {
    if (END_WORDS.has(l)) return { text, norm: u };
    if (START_WORDS.has(l)) return { text, norm: normalizeHeader(`${upper}起`) };
  }
  // 牵头 | 配合 under 责任单位, 责任分工 or any header that names no other column.
  if (u === '承办单位' || u === '配合单位' || u === null || u === undefined) {
    if (LEAD_WORDS.has(l)) return { text, norm: '承办单位' };
    if (CO_WORDS.has(l)) return { text, norm: '配合单位' };
  }
  return { text: lower, norm: l };
}

/** A date, a number, a percentage or a long sentence is data, never a header cell. */
function headerLike(cell: string): boolean {
  const v = cleanValue(cell);
  if (v === '') return true;
  if (v.length > 16 || /\n/u.test(v)) return false;
  if (/^[\d\s.,%‰／/:：-]+$/u.test(v)) return false;
  if (/^\d{4}\s*[-/.年]/u.test(v) || /^\d{1,2}\s*月/u.test(v)) return false;
  return true;
}

/** The row below might be the lower half of a two-row header: it names something under a merged upper cell. */
export function mayBeLowerHeader(upper: readonly string[], lower: readonly string[]): boolean {
  if (!lower.every(headerLike) || !upper.every(headerLike)) return false;
  if (upper.filter((c) => cleanValue(c) !== '').length < 2 || upper.some((c) => /[:：]/u.test(c))) return false;
  let seen = false;
  for (let p = 0; p < lower.length; p++) {
    const u = cleanValue(upper[p] ?? '');
    const l = cleanValue(lower[p] ?? '');
    if (u !== '') seen = true;
    else if (seen && l !== '') return true;
  }
  return false;
}

/** A column's data cells, for guessing: the first rows below the header. */
export type ColumnSample = (cell: number) => string[];
const SAMPLE_ROWS = 200;

/** Remarks, notes and scoring columns are never the task. */
const NOT_TASK_HEADER = /^(?:备注|附注|说明|注|序号|编号|分值|得分|评分|打分|权重)/u;
const UNIT_NAME = /(?:办公室|委员会|中心|政府|集团|公司|学院|[处局委办室部厅院馆所站队科组])$/u;
/** A task starts with what is to be done: 建成县残疾人综合服务中心 is a task, not a unit. */
const TASK_VERB = /^(?:新建|建成|建设|建立|完成|开展|推进|启动|实施|加快|深化|提升|推动|落实|组织|制定|修订|开工|打通|新增|改造|举办|召开|完善|加强|强化|做好|扩建|迁建|打造|创建|健全)/u;

/** Mostly text: at least half the rows filled, and most filled cells are words (not dates, numbers or unit names). */
export function mostlyText(cells: readonly string[], rows: number): boolean {
  const filled = cells.map(cleanValue).filter((c) => c !== '');
  if (filled.length === 0 || filled.length * 2 < Math.min(rows, SAMPLE_ROWS)) return false;
  const words = filled.filter((c) => {
    const letters = c.replace(/[^\p{L}]/gu, '');
    if (letters.length < 4) return false;
    if (/^\d{4}\s*[-/.年]\s*\d/u.test(c)) return false;
    const tokens = c.split(/[，,、；;\s]+/u).filter(Boolean);
    if (tokens.length > 0 && tokens.every((t) => UNIT_NAME.test(t) && t.length <= 12 && !TASK_VERB.test(t))) return false;
    return headingLevel(c) === null;
  });
  return words.length * 5 >= filled.length * 3;
}

/** A column whose filled cells are all headings (大类: 一、继续提高底线民生保障水平) — its rows' section. */
export function headingColumn(cells: readonly string[]): boolean {
  const filled = cells.map(cleanValue).filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => headingLevel(c) !== null);
}

export interface HeaderCandidate {
  cells: HeaderCell[];
  mapped: MappedCells;
  rec: Recognition;
}

export function candidateOf(cells: HeaderCell[], mapping: ReadonlyMap<string, string | null>, given: ReadonlySet<string>): HeaderCandidate {
  const mapped = cells.map((c) => {
    if (c.text === '') return undefined;
    const k = normalizeHeader(c.text);
    if (mapping.has(k)) return mapping.get(k);
    return mapping.has(c.norm) ? mapping.get(c.norm) : undefined;
  });
  return {
    cells,
    mapped,
    rec: recognizeHeader(
      cells.map((c) => c.norm),
      { mapped, given },
    ),
  };
}

/**
 * The 事项 guess (spec §1): a 督办事项 header that lacks only 事项 (and no other kind is complete)
 * takes the first unknown column, left to right, whose cells are mostly text. Returns the match
 * with that column as 事项, and its index; null when no column qualifies.
 */
export function guessTask(c: HeaderCandidate, given: ReadonlySet<string>, sample: ColumnSample, rows: number): { match: HeaderMatch; cell: number } | null {
  if (c.rec.complete) return null;
  const items: KindDef = LEDGER_KINDS[0]!;
  const m = matchKind(
    items,
    c.cells.map((x) => x.norm),
    { mapped: c.mapped, given },
  );
  if (m.missing.length !== 1 || m.missing[0]![0] !== '事项') return null;
  if (!m.columns.some((n) => n === '承办单位') && !given.has('承办单位')) return null;
  // A header row: it names a column besides 序号 itself, and its cells read as names, not as title lines or data.
  if (!m.columns.some((n) => n !== null && n !== '序号') || !c.cells.every((x) => headerLike(x.text) && !/[:：]/u.test(x.text))) return null;
  for (let i = 0; i < c.cells.length; i++) {
    const cell = c.cells[i]!;
    if (m.columns[i] !== null || c.mapped[i] === null || cell.text === '' || NOT_TASK_HEADER.test(cell.norm)) continue;
    if (m.duplicates.some(([lost]) => lost === i)) continue;
    const cells = sample(i);
    if (headingColumn(cells) || !mostlyText(cells, rows)) continue;
    const columns = [...m.columns];
    const how = [...m.how] as (HeaderHow | null)[];
    columns[i] = '事项';
    how[i] = 'guessed';
    return { match: { ...m, columns, how, matched: m.matched + 1, missing: [] }, cell: i };
  }
  return null;
}

/** How one canonical column is read from its cells. */
export interface PlanColumn {
  name: string;
  /** Cell indexes, left to right (several when a header cell is merged across columns). */
  cells: number[];
  /** path: levels of a task (校舍改造 — 宿舍改造 — 防火门翻新); last: the last filled (a deadline); lines: filled cells on separate lines. */
  join: 'single' | 'path' | 'last' | 'lines';
  /** A compound header's second column (牵头单位及主要负责人 → 责任人): its words are split off the cell. */
  also: string | null;
}

const LAST_COLUMNS = new Set(['办结时限', '延期至', '立项日期', '办结日期', '延期申请日期']);

/**
 * Canonical columns and their cells. An empty header cell right of a named one, inside the
 * header, belongs to that column when cells below it are filled (a header merged across columns).
 */
export function planColumns(match: HeaderMatch, headerTexts: readonly string[], width: number, filledBelow: (cell: number) => boolean): PlanColumn[] {
  const plan: PlanColumn[] = [];
  let owner: PlanColumn | null = null;
  for (let i = 0; i < width; i++) {
    const name = match.columns[i] ?? null;
    if (name !== null) {
      owner = { name, cells: [i], join: 'single', also: match.also[i] ?? null };
      plan.push(owner);
      continue;
    }
    if (cleanValue(headerTexts[i] ?? '') !== '') {
      owner = null;
      continue;
    }
    if (owner && filledBelow(i)) owner.cells.push(i);
  }
  for (const p of plan) {
    if (p.cells.length > 1) p.join = p.name === '事项' ? 'path' : LAST_COLUMNS.has(p.name) ? 'last' : 'lines';
  }
  return plan;
}
