/**
 * The tables of the supervision report, built on analyze/unit-stats.ts so 按期办结率 has one definition.
 * Only the lead unit is credited or blamed (牵头单位负责制, seed 003 art. 3); the items a unit
 * cooperates on are listed apart and never enter its rate.
 */
import type { AnalyzedItem, UnitStats } from '../model/analysis.ts';
import { ITEM_SOURCES } from '../model/records.ts';
import { countBy, countItems, type Counts } from '../analyze/unit-stats.ts';
import { compareZh } from '../model/text-order.ts';

/** Rows without a lead unit still count, so the by-unit table adds up to the total. */
export { NO_LEAD_UNIT } from '../model/analysis.ts';
import { NO_LEAD_UNIT } from '../model/analysis.ts';

export interface TallyRow {
  /** 来源 or 单位. */
  name: string;
  counts: Counts;
  /** Not yet done and not overdue: due soon, on track, ongoing or without a deadline. */
  inProgress: number;
}

export interface CoUnitRow {
  unit: string;
  /** Items the unit cooperates on, judged as the items themselves stand. */
  counts: Counts;
  inProgress: number;
}

export interface AssessmentRow {
  unit: string;
  /** Items the unit leads. */
  items: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  onTimeRate: number | null;
  /** Working days overdue summed over the unit's items (spec §4 overdueWorkdays). */
  overdueWorkdays: number;
  reminders: number;
  /** Items reminded 3 times or more (seed 003 art. 8: 督办3次以上, 从重问责). */
  escalations: number;
  coItems: number;
  /** Items of the unit drawn for 回访复查 this period. */
  rechecked: number;
}

export function inProgressOf(c: Counts): number {
  return c.dueSoon + c.onTrack + c.ongoing + c.noDeadline;
}

export function tallyBySource(items: readonly AnalyzedItem[]): TallyRow[] {
  const rows = toRows(countBy(items, (i) => i.source));
  const order = (name: string): number => {
    const k = (ITEM_SOURCES as readonly string[]).indexOf(name);
    return k < 0 ? ITEM_SOURCES.length : k;
  };
  return rows.sort((a, b) => order(a.name) - order(b.name) || compareZh(a.name, b.name));
}

export function tallyByLeadUnit(items: readonly AnalyzedItem[], units: readonly UnitStats[]): TallyRow[] {
  return sortUnits(toRows(countBy(items, leadKey)), units);
}

export function tallyCoUnits(items: readonly AnalyzedItem[], units: readonly UnitStats[]): CoUnitRow[] {
  const groups = new Map<string, AnalyzedItem[]>();
  for (const item of items) {
    // A unit named as both lead and co-unit of the same item is its lead; count it once.
    for (const u of new Set(item.coUnits)) {
      if (u === item.leadUnit) continue;
      let list = groups.get(u);
      if (!list) groups.set(u, (list = []));
      list.push(item);
    }
  }
  const rows = [...groups].map(([unit, list]) => {
    const counts = countItems(list);
    return { name: unit, unit, counts, inProgress: inProgressOf(counts) };
  });
  return sortUnits(rows, units).map(({ unit, counts, inProgress }) => ({ unit, counts, inProgress }));
}

export function assessmentRows(byUnit: readonly TallyRow[], coUnits: readonly CoUnitRow[], sample: readonly AnalyzedItem[], units: readonly UnitStats[]): AssessmentRow[] {
  const co = new Map(coUnits.map((r) => [r.unit, r.counts.total] as const));
  const rechecked = new Map<string, number>();
  for (const item of sample) {
    const k = leadKey(item);
    rechecked.set(k, (rechecked.get(k) ?? 0) + 1);
  }
  const rows: AssessmentRow[] = byUnit.map(({ name, counts: c }) => ({
    unit: name,
    items: c.total,
    done: c.done,
    doneOnTime: c.doneOnTime,
    doneLate: c.doneLate,
    overdue: c.overdue,
    onTimeRate: c.onTimeRate,
    overdueWorkdays: c.overdueWorkdays,
    reminders: c.reminders,
    escalations: c.escalations,
    coItems: co.get(name) ?? 0,
    rechecked: rechecked.get(name) ?? 0,
  }));
  // A unit that only cooperates still appears: its cooperation is part of its assessment.
  const listed = new Set(rows.map((r) => r.unit));
  for (const r of coUnits) {
    if (listed.has(r.unit)) continue;
    rows.push({
      unit: r.unit,
      items: 0,
      done: 0,
      doneOnTime: 0,
      doneLate: 0,
      overdue: 0,
      onTimeRate: null,
      overdueWorkdays: 0,
      reminders: 0,
      escalations: 0,
      coItems: r.counts.total,
      rechecked: 0,
    });
  }
  const order = directoryOrder(units);
  return rows.sort((a, b) => unitCompare(a.unit, b.unit, order));
}

function leadKey(item: AnalyzedItem): string {
  return item.leadUnit ?? NO_LEAD_UNIT;
}

function toRows(groups: Map<string, Counts>): TallyRow[] {
  return [...groups].map(([name, counts]) => ({ name, counts, inProgress: inProgressOf(counts) }));
}

/** Directory order (how the office lists its units), then pinyin; the no-unit row last. */
function sortUnits<T extends { name: string }>(rows: T[], units: readonly UnitStats[]): T[] {
  const order = directoryOrder(units);
  return rows.sort((a, b) => unitCompare(a.name, b.name, order));
}

function directoryOrder(units: readonly UnitStats[]): Map<string, number> {
  return new Map(units.filter((u) => u.inDirectory).map((u, k) => [u.unit, k] as const));
}

function unitCompare(a: string, b: string, order: Map<string, number>): number {
  const rank = (n: string): number => (n === NO_LEAD_UNIT ? Number.MAX_SAFE_INTEGER : (order.get(n) ?? Number.MAX_SAFE_INTEGER - 1));
  return rank(a) - rank(b) || compareZh(a, b);
}
