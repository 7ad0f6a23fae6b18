/**
 * The nine ledger kinds of spec §2 as data: canonical columns (the names validate/ reads),
 * the aliases offices write, and the required columns that recognise a kind.
 * Aliases are per kind: 类别 is items' 来源 but disclosures' own 类别.
 */
import { LEDGER_KIND_NAMES, type LedgerKind } from '../model/ledger.ts';
import { normalizeHeader } from './header-normalize.ts';

export interface ColumnDef {
  name: string;
  aliases: readonly string[];
}

export interface KindDef {
  kind: LedgerKind;
  /** Chinese name for messages (督办事项). */
  label: string;
  columns: readonly ColumnDef[];
  /** Each group is satisfied by any one of its canonical columns (items: 编号 or 序号). */
  required: readonly (readonly string[])[];
  /**
   * Required columns a table may lack and still be recognised, because the reader supplies them:
   * a 督办事项 table without 编号 and 序号 numbers its rows (`<file>#r<row>`, W_NO_ID, spec §2.1).
   */
  implied?: readonly string[];
}

const col = (name: string, ...aliases: string[]): ColumnDef => ({ name, aliases });

/** 序号 is on nearly every office form; every kind knows it so it never tips the choice between kinds. */
const SEQ = col('序号', '编号序号');
const UNIT_AND_DATE = [col('填报单位', '填报部门', '报送单位'), col('填报日期', '填表日期', '报送日期')];

const DEFS: readonly Omit<KindDef, 'label'>[] = [
  {
    kind: 'items',
    columns: [
      col('编号', '事项编号', '督办编号', '督办事项编号'),
      SEQ,
      col('事项', '事项名称', '督办事项', '工作任务', '催办事项', '内容', '工作内容', '督办内容', '事项内容', '督办事项名称', '督办任务', '重点任务', '任务', '任务名称', '工作事项'),
      col(
        '承办单位',
        '承办部门',
        '牵头单位',
        '责任部门',
        '责任单位',
        '牵头部门',
        '主办单位',
        '主办部门',
        '承办处室',
        '责任处室',
        '负责单位',
        '负责部门',
        '主责单位',
        '主责部门',
        '落实单位',
        '实施单位',
        '责任科室',
      ),
      col('配合单位', '协办单位', '协办部门', '配合部门', '协同单位', '参与单位'),
      col('来源', '事项来源', '督办类别', '类别', '督办来源', '事项类别', '督办类型'),
      col('立项依据', '督办依据'),
      col('立项日期', '布置时间', '交办日期', '立项时间', '纪要印发日期', '交办时间', '布置日期', '下达日期', '下达时间'),
      col('责任人', '负责人', '具体责任人'),
      col('办结时限', '完成时限', '办结期限', '截止日期', '时限要求', '完成期限', '办理时限', '时限', '截止时间', '计划完成时间', '要求完成时间'),
      col('延期至', '延期办结时限'),
      col('延期申请日期'),
      col('延期批准', '延期审批'),
      col('状态', '办理状态', '是否落实'),
      col('办结日期', '完成日期', '落实日期', '实际完成日期', '实际完成时间', '实际办结日期', '办结时间'),
      col('落实情况', '办理结果', '进展情况', '办理情况', '完成情况', '工作进展', '落实进展', '推进情况', '当前进度', '目前进度', '工作进度', '完成进度', '进度情况'),
      col('时序进度', '进度安排', '时间节点', '阶段目标', '任务分解', '时间安排', '节点安排', '推进计划', '进度计划', '时间进度'),
      col('公开范围', '公开方式', '公开'),
    ],
    required: [['编号', '序号'], ['事项'], ['承办单位']],
    implied: ['编号', '序号'],
  },
  {
    kind: 'reminders',
    columns: [col('编号', '事项编号', '督办编号'), SEQ, col('催办日期', '催办时间'), col('催办方式', '方式'), col('催办人', '经办人'), col('签收人'), col('备注')],
    required: [['编号'], ['催办日期']],
  },
  {
    kind: 'units',
    columns: [
      col('单位', '单位名称', '部门名称', '单位全称'),
      SEQ,
      col('简称', '别名'),
      col('类别', '单位类别'),
      col('负责人', '主要负责人'),
      col('联络员'),
      col('联系电话', '办公电话'),
      col('分管校领导', '分管领导', '分管校长'),
    ],
    required: [['单位']],
  },
  {
    kind: 'holidays',
    columns: [col('日期'), SEQ, col('类型', '安排'), col('名称', '节日', '节假日名称', '说明')],
    required: [['日期'], ['类型']],
  },
  {
    kind: 'selfChecks',
    columns: [SEQ, col('制发单位'), col('制度名称'), col('执行现状'), col('整改措施', '具体执行情况和下一步整改措施', '具体执行情况及下一步整改措施'), col('整改时限'), ...UNIT_AND_DATE],
    required: [['制发单位'], ['制度名称'], ['执行现状']],
  },
  {
    kind: 'rectifications',
    columns: [SEQ, col('制发单位'), col('制度名称'), col('整改措施'), col('整改措施落实情况'), col('是否完成'), ...UNIT_AND_DATE],
    required: [['制发单位'], ['制度名称'], ['整改措施'], ['是否完成']],
  },
  {
    kind: 'regulations',
    columns: [col('制度名称'), SEQ, col('文号'), col('制发单位'), col('发布日期'), col('状态')],
    required: [['制度名称']],
  },
  {
    kind: 'disclosures',
    columns: [col('类别'), SEQ, col('事项'), col('公开范围'), col('责任单位'), col('公开形式'), col('应公开日期', '公开时限'), col('实际公开日期', '公开日期'), col('公开内容', '摘要'), col('链接')],
    required: [['类别'], ['事项'], ['公开范围']],
  },
  {
    kind: 'submissionRequirements',
    columns: [col('材料'), SEQ, col('截止日期'), col('报送单位'), col('说明')],
    required: [['材料'], ['截止日期']],
  },
  {
    kind: 'docRegister',
    columns: [
      SEQ,
      col('文号', '发文字号', '发文编号'),
      col('标题', '文件标题', '文件名称', '发文标题'),
      col('发文日期', '印发日期', '成文日期'),
      col('主送单位', '主送', '主送机关'),
      col('编号', '事项编号', '督办编号'),
    ],
    required: [['文号'], ['标题'], ['发文日期']],
  },
  {
    // The workbook duban sends each unit also shows 事项, 办结时限 and 下一节点 for reference;
    // they are known here only so that they never make the table look like another kind.
    kind: 'feedback',
    columns: [
      SEQ,
      col('编号', '事项编号', '督办编号'),
      col('反馈日期', '填报日期', '填表日期'),
      col('填报单位', '填报部门', '反馈单位'),
      col('本期进展', '进展情况', '落实情况', '办理情况', '本月进展'),
      col('办理状态', '反馈类型'),
      col('办结日期', '完成日期'),
      col('申请延期至', '延期至', '申请延期时限'),
      col('延期理由', '原因', '延期原因'),
      col('填报人', '联系人'),
      col('联系电话', '电话'),
      col('事项', '事项名称', '督办事项'),
      col('办结时限'),
      col('下一节点', '下一个节点', '下一时间节点'),
    ],
    required: [['编号'], ['反馈日期']],
  },
  {
    kind: 'reviews',
    columns: [
      SEQ,
      col('编号', '事项编号', '督办编号'),
      col('审核结果', '审核意见结果', '审批结果'),
      col('审核日期', '审批日期'),
      col('审核事项', '申请事项'),
      col('审核人', '审批人'),
      col('审核意见', '审批意见'),
      col('事项', '事项名称'),
      col('申请单位'),
      col('申请日期'),
      col('申请内容'),
    ],
    required: [['编号'], ['审核结果']],
  },
];

export const LEDGER_KINDS: readonly KindDef[] = DEFS.map((d) => ({ ...d, label: LEDGER_KIND_NAMES[d.kind] }));

/** Keys of title lines that are file-level values whatever the kind (统计截至：11月30日). */
export const FILE_VALUE_KEYS: readonly ColumnDef[] = [...UNIT_AND_DATE, col('统计截至', '统计截止', '统计截至时间', '统计截止时间', '统计截至日期', '统计截止日期', '截至')];

type Lookup = ReadonlyMap<string, { name: string; exact: boolean }>;

function lookupOf(columns: readonly ColumnDef[]): Lookup {
  const m = new Map<string, { name: string; exact: boolean }>();
  for (const c of columns) {
    m.set(normalizeHeader(c.name), { name: c.name, exact: true });
    for (const a of c.aliases) if (!m.has(normalizeHeader(a))) m.set(normalizeHeader(a), { name: c.name, exact: false });
  }
  return m;
}

const LOOKUPS = new Map<LedgerKind, Lookup>(LEDGER_KINDS.map((d) => [d.kind, lookupOf(d.columns)]));
const FILE_KEY_LOOKUP = lookupOf(FILE_VALUE_KEYS);

/** A title key (normalised) → canonical name: the kind's own columns first, then the file-level keys. */
export function canonicalKey(kind: LedgerKind | null, normKey: string): string | null {
  return (kind ? LOOKUPS.get(kind)?.get(normKey)?.name : undefined) ?? FILE_KEY_LOOKUP.get(normKey)?.name ?? null;
}

/** A column name of `kind` (canonical or alias, normalised or not) → its canonical name. */
export function canonicalColumn(kind: LedgerKind, name: string): string | null {
  return LOOKUPS.get(kind)?.get(normalizeHeader(name))?.name ?? null;
}

/** Every name a `columns` mapping of office.json may point to: canonical names and aliases of any kind. */
export function isKnownColumnName(name: string): boolean {
  const key = normalizeHeader(name);
  for (const l of LOOKUPS.values()) if (l.has(key)) return true;
  return false;
}

/**
 * How a header cell came to name its column, strongest first: through the office's `columns`
 * mapping (templates/office.json), by the canonical name, by an alias, or (督办事项 only) by a
 * looser reading of an alias — `主要责任单位` ends in the alias 责任单位, `牵头单位及主要负责人`
 * joins 牵头单位 and 负责人. When two cells name one column, the stronger wins, else the first.
 */
export type HeaderHow = 'mapped' | 'name' | 'alias' | 'similar' | 'guessed';
const RANK: Record<HeaderHow, number> = { mapped: 3, name: 2, alias: 1, similar: 0, guessed: 0 };

interface Hit {
  name: string;
  how: HeaderHow;
  /** A compound header's second column (牵头单位及主要负责人 → 责任人). */
  also?: string;
}

/** A modifier before an alias (主要, 协同, 重点, 落实) is at most this long; the alias at least 3 characters (or the canonical 事项). */
const MAX_MODIFIER = 4;
const MIN_SUFFIX = 3;
const MAX_SIMILAR_CELL = 12;
/** Words that join two column names in one header: 任务分解/时序进度, 牵头单位及主要负责人, 责任单位和责任人. */
const COMPOUND = /[/、]|及|和|与|以及|或/u;

function similarHit(lookup: Lookup, cell: string): Hit | null {
  if (cell.length > MAX_SIMILAR_CELL * 2) return null;
  const parts = cell.split(COMPOUND).filter((p) => p !== '');
  if (parts.length > 1) {
    const hits = parts.map((p) => lookup.get(p) ?? suffixHit(lookup, p)).filter((h): h is { name: string; exact: boolean } => h !== undefined && h !== null);
    const first = hits[0];
    if (!first) return null;
    const other = hits.find((h) => h.name !== first.name);
    return other ? { name: first.name, how: 'similar', also: other.name } : { name: first.name, how: 'similar' };
  }
  const s = suffixHit(lookup, cell);
  return s ? { name: s.name, how: 'similar' } : null;
}

function suffixHit(lookup: Lookup, cell: string): { name: string; exact: boolean } | null {
  if (cell.length > MAX_SIMILAR_CELL) return null;
  for (let start = 1; start <= MAX_MODIFIER && start < cell.length; start++) {
    const tail = cell.slice(start);
    const hit = lookup.get(tail);
    if (hit && (tail.length >= MIN_SUFFIX || (hit.exact && tail === '事项'))) return hit;
  }
  return null;
}

/**
 * Per header cell, what the office's `columns` mapping says: undefined = not mapped, null = mapped
 * to '' (ignore the column), else the name it maps to (a canonical column or an alias).
 */
export type MappedCells = readonly (string | null | undefined)[];

function hitFor(def: KindDef, cell: string, mapped: string | null | undefined): Hit | null {
  if (cell === '') return null;
  const lookup = LOOKUPS.get(def.kind)!;
  if (mapped === null) return null;
  if (mapped !== undefined) {
    const target = lookup.get(normalizeHeader(mapped));
    // Mapped to a column this kind does not have: for this kind the cell names nothing.
    return target ? { name: target.name, how: 'mapped' } : null;
  }
  const hit = lookup.get(cell);
  if (hit) return { name: hit.name, how: hit.exact ? 'name' : 'alias' };
  return def.kind === 'items' ? similarHit(lookup, cell) : null;
}

export interface HeaderMatch {
  def: KindDef;
  /** Per header cell: the canonical column it fills, or null (unknown, or a duplicate that lost). */
  columns: (string | null)[];
  /** Per header cell: how it names its column (null where `columns` is null). */
  how: (HeaderHow | null)[];
  /** Per header cell: the second column of a compound header (牵头单位及主要负责人 → 责任人), when the table has no column of its own for it. */
  also: (string | null)[];
  /** Cells that name a column of the kind (duplicates not counted). */
  matched: number;
  /** Cells matched by the canonical name rather than an alias. */
  exact: number;
  /** Required groups with no column. */
  missing: (readonly string[])[];
  /** Cells that name an already-filled column: [cell index, canonical, index of the winning cell]. */
  duplicates: [number, string, number][];
}

export interface MatchOptions {
  mapped?: MappedCells;
  /** Columns the file gives for every row (a title line `责任单位：教务处`, a unit in the file name): present for recognition. */
  given?: ReadonlySet<string>;
}

/** Fits one header row (cells already normalised) to one kind. A stronger naming beats a weaker one (HeaderHow); otherwise the first cell wins. */
export function matchKind(def: KindDef, normCells: readonly string[], o: MatchOptions = {}): HeaderMatch {
  const columns: (string | null)[] = normCells.map(() => null);
  const how: (HeaderHow | null)[] = normCells.map(() => null);
  const also: (string | null)[] = normCells.map(() => null);
  const at = new Map<string, { index: number; how: HeaderHow }>();
  const duplicates: [number, string, number][] = [];
  normCells.forEach((cell, i) => {
    const hit = hitFor(def, cell, o.mapped?.[i]);
    if (!hit) return;
    const prev = at.get(hit.name);
    if (prev && RANK[prev.how] >= RANK[hit.how]) {
      duplicates.push([i, hit.name, prev.index]);
      return;
    }
    if (prev) {
      columns[prev.index] = null;
      how[prev.index] = null;
      also[prev.index] = null;
      duplicates.push([prev.index, hit.name, i]);
    }
    at.set(hit.name, { index: i, how: hit.how });
    columns[i] = hit.name;
    how[i] = hit.how;
    if (hit.also) also[i] = hit.also;
  });
  // A compound header's second column counts only where the table has no column of that name.
  also.forEach((a, i) => {
    if (a !== null && at.has(a)) also[i] = null;
  });
  let exact = 0;
  for (const v of at.values()) if (v.how === 'name' || v.how === 'mapped') exact++;
  const present = (n: string) => at.has(n) || o.given?.has(n) === true;
  const missing = def.required.filter((g) => !g.some(present) && !g.every((n) => def.implied?.includes(n)));
  return { def, columns, how, also, matched: at.size, exact, missing, duplicates };
}

export interface Recognition {
  complete: HeaderMatch | null;
  partial: HeaderMatch | null;
}

/**
 * Complete = every required group present. The best complete kind matches the most cells;
 * ties go to the kind with more required columns (more specific), then to more cells named
 * by canonical name rather than alias (序号,类别,事项,公开范围,责任单位 is a 公开事项 table,
 * not 督办事项 through the aliases 类别→来源, 责任单位→承办单位), then to the order of spec §2.
 * A partial match counts when it hits a required column and two columns besides 序号.
 */
export function recognizeHeader(normCells: readonly string[], o: MatchOptions = {}): Recognition {
  let complete: HeaderMatch | null = null;
  let partial: HeaderMatch | null = null;
  for (const def of LEDGER_KINDS) {
    const m = matchKind(def, normCells, o);
    if (m.matched === 0) continue;
    if (m.missing.length === 0 && hitsRequired(m)) {
      if (!complete || betterComplete(m, complete)) complete = m;
    } else if (m.missing.length < def.required.length && significant(m) >= 2) {
      if (!partial || betterPartial(m, partial)) partial = m;
    }
  }
  return { complete, partial };
}

/** A kind is only recognised from a column of its own: a title line alone does not make a table. */
function hitsRequired(m: HeaderMatch): boolean {
  return m.def.required.some((g) => g.some((n) => m.columns.includes(n)));
}

/** Matched columns other than 序号 (which every kind knows). */
export function significant(m: HeaderMatch): number {
  return m.columns.reduce((n, c) => (c !== null && c !== '序号' ? n + 1 : n), 0);
}

function betterComplete(a: HeaderMatch, b: HeaderMatch): boolean {
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.def.required.length !== b.def.required.length) return a.def.required.length > b.def.required.length;
  return a.exact > b.exact;
}

function betterPartial(a: HeaderMatch, b: HeaderMatch): boolean {
  if (a.matched !== b.matched) return a.matched > b.matched;
  return a.missing.length < b.missing.length;
}

/** 「编号（或序号）」「事项」「承办单位」 — the required columns as a user reads them. */
export function describeRequired(def: KindDef): string {
  return def.required.map((g) => `「${g[0]}${g.length > 1 ? `（或${g.slice(1).join('、')}）` : ''}」`).join('');
}

/** Names accepted for one required group: canonical names and their aliases. */
export function acceptedNames(def: KindDef, group: readonly string[]): string[] {
  return group.flatMap((n) => {
    const c = def.columns.find((x) => x.name === n);
    return c ? [c.name, ...c.aliases] : [n];
  });
}
