/**
 * Per-unit and overall counts. One definition of 按期办结率 for every output:
 *   按期办结 / 应办结, where 应办结 = items done (on time or late) plus items overdue.
 * Items still on track, ongoing, without a deadline or closed as 无法办结 are not yet judged.
 * Only the lead unit is credited or blamed (牵头单位负责制, seed 003); co-units are counted apart.
 */
import type { AnalyzedItem, UnitStats } from '../model/analysis.ts';
import type { UnitRecord } from '../model/records.ts';
import { compareZh } from '../model/text-order.ts';

export interface Counts {
  total: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  ongoing: number;
  noDeadline: number;
  closedUnfinished: number;
  reminders: number;
  escalations: number;
  overdueWorkdays: number;
  /** null when nothing is due yet. */
  onTimeRate: number | null;
}

export function emptyCounts(): Counts {
  return {
    total: 0,
    done: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    dueSoon: 0,
    onTrack: 0,
    ongoing: 0,
    noDeadline: 0,
    closedUnfinished: 0,
    reminders: 0,
    escalations: 0,
    overdueWorkdays: 0,
    onTimeRate: null,
  };
}

export function addItem(c: Counts, item: AnalyzedItem): void {
  c.total += 1;
  switch (item.status) {
    case 'done_on_time':
      c.done += 1;
      c.doneOnTime += 1;
      break;
    case 'done_late':
      c.done += 1;
      c.doneLate += 1;
      break;
    case 'overdue':
      c.overdue += 1;
      break;
    case 'due_soon':
      c.dueSoon += 1;
      break;
    case 'on_track':
      c.onTrack += 1;
      break;
    case 'ongoing':
      c.ongoing += 1;
      break;
    case 'no_deadline':
      c.noDeadline += 1;
      break;
    case 'closed_unfinished':
      c.closedUnfinished += 1;
      break;
  }
  c.reminders += item.reminders;
  if (item.escalate) c.escalations += 1;
  c.overdueWorkdays += item.overdueWorkdays ?? 0;
}

export function finishCounts(c: Counts): Counts {
  const due = c.done + c.overdue;
  c.onTimeRate = due === 0 ? null : round4(c.doneOnTime / due);
  return c;
}

export function countItems(items: Iterable<AnalyzedItem>): Counts {
  const c = emptyCounts();
  for (const item of items) addItem(c, item);
  return finishCounts(c);
}

/** Groups items by a key; keys come back sorted so output order is stable. */
export function countBy(items: Iterable<AnalyzedItem>, key: (item: AnalyzedItem) => string | null): Map<string, Counts> {
  const groups = new Map<string, Counts>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    let c = groups.get(k);
    if (!c) groups.set(k, (c = emptyCounts()));
    addItem(c, item);
  }
  const sorted = new Map<string, Counts>();
  for (const k of [...groups.keys()].sort(compareZh)) sorted.set(k, finishCounts(groups.get(k)!));
  return sorted;
}

/**
 * analysis.json `units`: every unit of the directory (even with no items, so a report can say so)
 * plus every unit named by an item, in directory order then by name.
 */
export function unitStats(items: readonly AnalyzedItem[], directory: readonly UnitRecord[]): UnitStats[] {
  const lead = countBy(items, (i) => i.leadUnit);
  const coItems = new Map<string, number>();
  for (const item of items) {
    // Counted once per item; a single co-unit needs no Set.
    const co = item.coUnits.length > 1 ? new Set(item.coUnits) : item.coUnits;
    for (const u of co) coItems.set(u, (coItems.get(u) ?? 0) + 1);
  }

  const byName = new Map(directory.map((u) => [u.name, u] as const));
  const names = [...directory.map((u) => u.name)];
  const extra = [...new Set([...lead.keys(), ...coItems.keys()])].filter((n) => !byName.has(n)).sort(compareZh);
  names.push(...extra);

  return names.map((name) => {
    const c = lead.get(name) ?? finishCounts(emptyCounts());
    const d = byName.get(name);
    return {
      unit: name,
      // Filled in by analyze once feedback statuses are known (analyze/feedback.ts).
      feedbackMissing: 0,
      total: c.total,
      done: c.done,
      doneOnTime: c.doneOnTime,
      overdue: c.overdue,
      dueSoon: c.dueSoon,
      onTimeRate: c.onTimeRate,
      reminders: c.reminders,
      coItems: coItems.get(name) ?? 0,
      ongoing: c.ongoing,
      onTrack: c.onTrack,
      doneLate: c.doneLate,
      escalations: c.escalations,
      overdueWorkdays: c.overdueWorkdays,
      inDirectory: d !== undefined,
      category: d?.category ?? '',
      head: d?.head ?? '',
      liaison: d?.liaison ?? '',
      phone: d?.phone ?? '',
      leader: d?.leader ?? '',
    };
  });
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
