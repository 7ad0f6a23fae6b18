/**
 * Counts over an edition's items. The same 按期办结率 as the internal report
 * (analyze/unit-stats.ts: 按期办结 / (办结 + 逾期未办结)), recomputed here because the
 * internal numbers include items an edition must not reveal, even as a count.
 */
import { rateWord } from '../words.ts';
import type { Counts } from '../../analyze/unit-stats.ts';
import type { PublicItem } from './edition.ts';

/** The internal report's counts an edition shows (no reminders or escalations), plus these two. */
export interface EditionCounts extends Pick<Counts, 'total' | 'done' | 'doneOnTime' | 'doneLate' | 'overdue' | 'dueSoon' | 'closedUnfinished'> {
  /** due soon + on track + ongoing + without deadline. */
  inProgress: number;
  /** '85.7%', or '—' when nothing is due yet. */
  onTimeRate: string;
}

export function countEdition(items: readonly PublicItem[]): EditionCounts {
  const n = (pred: (i: PublicItem) => boolean): number => items.filter(pred).length;
  const doneOnTime = n((i) => i.status === 'done_on_time');
  const doneLate = n((i) => i.status === 'done_late');
  const overdue = n((i) => i.status === 'overdue');
  const due = doneOnTime + doneLate + overdue;
  return {
    total: items.length,
    done: doneOnTime + doneLate,
    doneOnTime,
    doneLate,
    overdue,
    dueSoon: n((i) => i.status === 'due_soon'),
    inProgress: n((i) => ['due_soon', 'on_track', 'ongoing', 'no_deadline'].includes(i.status)),
    closedUnfinished: n((i) => i.status === 'closed_unfinished'),
    onTimeRate: rateWord(due === 0 ? null : doneOnTime / due),
  };
}

/** Pinyin order, then code points, so pages are byte-identical across runs: the one shared order. */
export { compareZh } from '../../model/text-order.ts';

const idCollator = new Intl.Collator('en', { numeric: true });
export function compareIds(a: string, b: string): number {
  return idCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
