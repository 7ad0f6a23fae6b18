/** Which items a unit still works on, and the stage of each it is asked about now. */
import type { AnalyzedItem, ItemMilestone, Status } from './analysis.ts';

/** The statuses of an item a unit still works on (the ones feedback is owed for). */
export const OPEN_STATUSES: ReadonlySet<Status> = new Set(['overdue', 'due_soon', 'on_track', 'ongoing', 'no_deadline']);

export function isOpen(item: Pick<AnalyzedItem, 'status'>): boolean {
  return OPEN_STATUSES.has(item.status);
}

/** The first milestone not yet done: the earliest deadline first, undated ones after, else in ledger order. */
export function nextMilestone(item: Pick<AnalyzedItem, 'milestones'>): ItemMilestone | null {
  const list = item.milestones;
  if (!Array.isArray(list)) return null;
  let best: ItemMilestone | null = null;
  for (const m of list) {
    if (!OPEN_STATUSES.has(m.status)) continue;
    if (best === null || (m.deadline !== null && (best.deadline === null || m.deadline < best.deadline))) best = m;
  }
  return best;
}
