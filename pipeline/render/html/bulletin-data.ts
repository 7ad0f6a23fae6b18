/**
 * One month's 督查通报 (seed 003 art. 7: 通报制度) as an edition may show it: the numbers, the
 * units praised, the units named for overdue items, and the item list. Built only from the
 * edition's items, so neither a count nor a unit name can betray an item the edition hides.
 *
 * Period membership is the internal report's rule (aggregate/report-data.ts inPeriod): assigned
 * on or before the period's end, and not completed before its start.
 */
import type { IsoDate } from '../../model/dates.ts';
import { chineseDate } from '../../model/dates.ts';
import type { EditionFeedback, EditionView, PublicItem } from './edition.ts';
import { compareZh, countEdition, type EditionCounts } from './counts.ts';
import { byUrgency, itemRow, leadUnitOf, NO_LEAD_UNIT, type ItemRow } from './item-rows.ts';
import { unitPage } from './paths.ts';

export interface BulletinPeriod {
  id: string;
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export interface PraisedUnit {
  unit: string;
  href: string;
  /** Items due or done in the period, all done on time. */
  doneOnTime: number;
}

export interface NamedUnit {
  unit: string;
  href: string;
  overdue: number;
  /** The longest delay among its overdue items, in working days. */
  maxOverdueWorkdays: number;
  /** '完成本科教学质量年度报告编制……' titles of its overdue items, for the sentence in the 通报. */
  titles: string[];
}

export interface BulletinData {
  period: BulletinPeriod;
  /** 统计截止: the earlier of the period end and the analysis date. */
  cutoff: string;
  /** The month is not over yet: its numbers are as of the cutoff, not final. */
  underWay: boolean;
  counts: EditionCounts;
  assignedInPeriod: number;
  praised: PraisedUnit[];
  named: NamedUnit[];
  rows: ItemRow[];
  /** Campus edition: counts of feedback and requests (edition.ts), else null. */
  feedback: EditionFeedback | null;
}

export function buildBulletin(view: EditionView, period: BulletinPeriod): BulletinData {
  const items = view.items.filter((i) => inPeriod(i, period)).sort(byUrgency);
  const cutoff = view.asOf < period.end ? view.asOf : period.end;
  return {
    period,
    cutoff: chineseDate(cutoff),
    underWay: view.asOf < period.end,
    counts: countEdition(items),
    assignedInPeriod: items.filter((i) => i.assignedOn !== null && i.assignedOn >= period.start && i.assignedOn <= period.end).length,
    praised: praisedUnits(items),
    named: namedUnits(items),
    rows: items.map(itemRow),
    feedback: view.feedback,
  };
}

export function inPeriod(item: PublicItem, period: BulletinPeriod): boolean {
  if (item.assignedOn !== null && item.assignedOn > period.end) return false;
  return item.completedOn === null || item.completedOn >= period.start;
}

/**
 * 表扬: a lead unit with at least one item judged in the period (done, or overdue) and every
 * judged item 按期办结. Only the lead unit is credited (牵头单位负责制, seed 003 art. 3).
 */
function praisedUnits(items: readonly PublicItem[]): PraisedUnit[] {
  const judged = groupByLead(items.filter((i) => ['done_on_time', 'done_late', 'overdue'].includes(i.status)));
  const out: PraisedUnit[] = [];
  for (const [unit, list] of judged) {
    if (unit === NO_LEAD_UNIT || !list.every((i) => i.status === 'done_on_time')) continue;
    out.push({ unit, href: unitPage(unit), doneOnTime: list.length });
  }
  return out;
}

/** 点名: lead units with items overdue at the cutoff, the longest delay first. */
function namedUnits(items: readonly PublicItem[]): NamedUnit[] {
  const overdue = groupByLead(items.filter((i) => i.status === 'overdue'));
  const out: NamedUnit[] = [];
  for (const [unit, list] of overdue) {
    out.push({
      unit,
      href: unitPage(unit),
      overdue: list.length,
      maxOverdueWorkdays: Math.max(0, ...list.map((i) => i.overdueWorkdays ?? 0)),
      titles: list.map((i) => i.title),
    });
  }
  return out.sort((a, b) => b.maxOverdueWorkdays - a.maxOverdueWorkdays || compareZh(a.unit, b.unit));
}

function groupByLead(items: readonly PublicItem[]): Map<string, PublicItem[]> {
  const groups = new Map<string, PublicItem[]>();
  for (const item of items) {
    const unit = leadUnitOf(item);
    const list = groups.get(unit);
    if (list) list.push(item);
    else groups.set(unit, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => compareZh(a, b)));
}
