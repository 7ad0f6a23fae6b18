/**
 * A page per unit: the items it leads and those it cooperates on, as of the current analysis,
 * and its record month by month. Only units that lead or cooperate on an item of the edition
 * get a page, so the list of pages is itself derived from the edition's items.
 */
import type { EditionView, PublicItem } from './edition.ts';
import { inPeriod, type BulletinPeriod } from './bulletin-data.ts';
import { compareZh, countEdition, type EditionCounts } from './counts.ts';
import { byUrgency, itemRow, leadUnitOf, type ItemRow } from './item-rows.ts';
import { bulletinPage, unitPage } from './paths.ts';

export interface UnitMonth {
  label: string;
  href: string;
  counts: EditionCounts;
}

export interface UnitData {
  unit: string;
  path: string;
  counts: EditionCounts;
  coItems: number;
  lead: ItemRow[];
  cooperating: ItemRow[];
  /** Newest month first; months in which the unit led no item of the edition are left out. */
  months: UnitMonth[];
}

export interface MonthView {
  period: BulletinPeriod;
  view: EditionView;
}

export function buildUnits(current: EditionView, months: readonly MonthView[]): UnitData[] {
  const names = new Set<string>();
  for (const item of current.items) {
    names.add(leadUnitOf(item));
    for (const u of item.coUnits) names.add(u);
  }
  return [...names].sort(compareZh).map((unit) => buildUnit(unit, current.items, months));
}

function buildUnit(unit: string, items: readonly PublicItem[], months: readonly MonthView[]): UnitData {
  const lead = items.filter((i) => leadUnitOf(i) === unit).sort(byUrgency);
  const cooperating = items.filter((i) => leadUnitOf(i) !== unit && i.coUnits.includes(unit)).sort(byUrgency);
  const history: UnitMonth[] = [];
  for (const m of [...months].reverse()) {
    const led = m.view.items.filter((i) => leadUnitOf(i) === unit && inPeriod(i, m.period));
    if (led.length > 0) history.push({ label: m.period.label, href: bulletinPage(m.period.id), counts: countEdition(led) });
  }
  return {
    unit,
    path: unitPage(unit),
    counts: countEdition(lead),
    coItems: cooperating.length,
    lead: lead.map(itemRow),
    cooperating: cooperating.map(itemRow),
    months: history,
  };
}
