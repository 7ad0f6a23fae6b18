/**
 * The tables of the campaign outputs (seed 000), computed once so the XLSX workbooks and the
 * 催报 letters cannot disagree: 自查 counts per unit, the 催报 list, the 制度清理目录.
 */
import type { RectificationEntry, RegulationEntry, SelfCheckEntry, SubmissionEntry, SubmissionStatus } from '../model/analysis.ts';
import { EXECUTION_STATES, type ExecutionState } from '../model/records.ts';
import { byCodePoint, compareZh } from '../model/text-order.ts';

/** Rows whose form named no 填报单位 (column, title line or file name) are grouped here. */
export const NO_REPORTING_UNIT = '（未注明填报单位）';
export const NO_ISSUER = '（未注明制发单位）';

export const SUBMISSION_WORDS: Record<SubmissionStatus, string> = {
  sent_on_time: '按时报送',
  sent_late: '逾期报送',
  missing: '未报送',
  pending: '未到期',
};

export const unitOf = (row: { unit: string | null }): string => row.unit ?? NO_REPORTING_UNIT;

export interface SelfCheckUnitRow {
  unit: string;
  byState: Record<ExecutionState, number>;
  total: number;
  /** Rows other than 比较好. */
  tracked: number;
  overdue: number;
}

/** 自查情况汇总: one row per reporting unit (pinyin order, the unnamed last) and a 合计 row. */
export function selfCheckByUnit(entries: readonly SelfCheckEntry[]): { rows: SelfCheckUnitRow[]; total: SelfCheckUnitRow } {
  const byUnit = new Map<string, SelfCheckUnitRow>();
  const total = emptyRow('合计');
  for (const e of entries) {
    const unit = unitOf(e);
    let row = byUnit.get(unit);
    if (!row) byUnit.set(unit, (row = emptyRow(unit)));
    for (const r of [row, total]) {
      r.byState[e.state] += 1;
      r.total += 1;
      if (e.state !== '比较好') r.tracked += 1;
      if (e.status === 'overdue') r.overdue += 1;
    }
  }
  return { rows: [...byUnit.values()].sort((a, b) => unitOrder(a.unit, b.unit)), total };
}

function emptyRow(unit: string): SelfCheckUnitRow {
  return { unit, byState: Object.fromEntries(EXECUTION_STATES.map((s) => [s, 0])) as Record<ExecutionState, number>, total: 0, tracked: 0, overdue: 0 };
}

/** Detail lists: by unit, then file and row, as the forms were filled in. */
export function byUnitThenPlace<T extends { unit: string | null; file: string; row: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => unitOrder(unitOf(a), unitOf(b)) || byCodePoint(a.file, b.file) || a.row - b.row);
}

export function sortedRectifications(rows: readonly RectificationEntry[]): RectificationEntry[] {
  return byUnitThenPlace(rows);
}

export interface MissingSubmissions {
  unit: string;
  /** What the unit still owes, earliest due first. */
  owed: SubmissionEntry[];
}

/** 催报名单: units that have not sent a required form by its due date (status missing). */
export function missingSubmissions(entries: readonly SubmissionEntry[]): MissingSubmissions[] {
  const byUnit = new Map<string, SubmissionEntry[]>();
  for (const e of entries) {
    if (e.status !== 'missing') continue;
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }
  return [...byUnit.keys()].sort(compareZh).map((unit) => ({ unit, owed: byUnit.get(unit)!.sort((a, b) => byCodePoint(a.due, b.due) || compareZh(a.material, b.material)) }));
}

export interface ReviewGroup {
  issuer: string;
  regulations: RegulationEntry[];
}

/**
 * 制度清理目录: 现行 regulations 10 years old or more (reviewDue), per issuing unit, oldest first,
 * so each unit sees the list it must justify or repeal (seed 000: 10年以上制度…需要说明理由).
 */
export function regulationsForReview(entries: readonly RegulationEntry[]): ReviewGroup[] {
  const byIssuer = new Map<string, RegulationEntry[]>();
  for (const r of entries) {
    if (!r.reviewDue) continue;
    const issuer = r.issuer || NO_ISSUER;
    const list = byIssuer.get(issuer);
    if (list) list.push(r);
    else byIssuer.set(issuer, [r]);
  }
  return [...byIssuer.keys()].sort(unitOrderIssuer).map((issuer) => ({
    issuer,
    regulations: byIssuer.get(issuer)!.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || byCodePoint(a.docNo, b.docNo) || compareZh(a.name, b.name)),
  }));
}

function unitOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_REPORTING_UNIT) return 1;
  if (b === NO_REPORTING_UNIT) return -1;
  return compareZh(a, b);
}

function unitOrderIssuer(a: string, b: string): number {
  if (a === NO_ISSUER) return 1;
  if (b === NO_ISSUER) return -1;
  return compareZh(a, b);
}
