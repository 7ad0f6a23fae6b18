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

/**
 * Items are grouped by unit once (per month for the history), not filtered per unit: with 50
 * units, 12 months and 10,000 items the filters were six million calls. Groups keep the items'
 * order, so each list is what the filter gave.
 */
export function buildUnits(current: EditionView, months: readonly MonthView[]): UnitData[] {
  const names = new Set<string>();
  const led = new Map<string, PublicItem[]>();
  const co = new Map<string, PublicItem[]>();
  for (const item of current.items) {
    const lead = leadUnitOf(item);
    names.add(lead);
    push(led, lead, item);
    for (const u of item.coUnits) {
      names.add(u);
      if (u !== lead && co.get(u)?.at(-1) !== item) push(co, u, item);
    }
  }
  const history = [...months].reverse().map((m) => {
    const byLead = new Map<string, PublicItem[]>();
    for (const i of m.view.items) if (inPeriod(i, m.period)) push(byLead, leadUnitOf(i), i);
    return { period: m.period, byLead };
  });
  return [...names].sort(compareZh).map((unit) => buildUnit(unit, led.get(unit) ?? [], co.get(unit) ?? [], history));
}

function push<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

function buildUnit(
  unit: string,
  ownItems: readonly PublicItem[],
  coItems: readonly PublicItem[],
  months: ReadonlyArray<{ period: BulletinPeriod; byLead: ReadonlyMap<string, PublicItem[]> }>,
): UnitData {
  const lead = [...ownItems].sort(byUrgency);
  const cooperating = [...coItems].sort(byUrgency);
  const history: UnitMonth[] = [];
  for (const m of months) {
    const items = m.byLead.get(unit);
    if (items) history.push({ label: m.period.label, href: bulletinPage(m.period.id), counts: countEdition(items) });
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
