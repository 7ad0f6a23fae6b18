/**
 * 回访复查 (seed 004 art. 17): the office re-checks a random share of the items completed in the
 * period. The draw must be reproducible — rebuilding the November report next spring has to show
 * the same sample, or the re-check record stops matching the report it was filed with — so it is
 * a keyed random permutation rather than Math.random():
 *   rank(item) = SHA-256(salt ‖ period id ‖ item id); the sample is the `size` lowest ranks.
 * Ranking each item independently (instead of shuffling the list) also means the draw does not
 * depend on the order of rows in the ledger, and correcting one unrelated row does not reshuffle
 * the whole sample. The optional salt (office.json `recheckSalt`) keeps units from computing the
 * sample in advance from the public period id.
 */
import { createHash } from 'node:crypto';
import type { AnalyzedItem } from '../model/analysis.ts';

export interface RecheckSample {
  /** Items completed within the period: the population drawn from. */
  population: number;
  rate: number;
  min: number;
  /** The drawn items, in 办结日期 order. */
  items: AnalyzedItem[];
}

/**
 * rate of the population rounded up, but at least `min`; everything when the population is
 * that small. Rounding up because the rule reads "不少于10%".
 */
export function recheckSize(population: number, rate: number, min: number): number {
  if (population <= min) return population;
  // toFixed guards against 30 × 0.1 = 3.0000000000000004 rounding up to 4.
  const share = Math.ceil(Number((population * rate).toFixed(9)));
  return Math.min(population, Math.max(min, share));
}

export function drawRecheckSample(completed: readonly AnalyzedItem[], periodId: string, rate: number, min: number, salt = ''): RecheckSample {
  const size = recheckSize(completed.length, rate, min);
  const ranked = completed.map((item) => ({ item, rank: rankOf(salt, periodId, item.id) })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.item.id < b.item.id ? -1 : 1));
  const items = ranked
    .slice(0, size)
    .map((r) => r.item)
    .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { population: completed.length, rate, min, items };
}

function rankOf(salt: string, periodId: string, id: string): string {
  // NUL separators so ('2026-1', '1x') and ('2026-11', 'x') cannot collide.
  return createHash('sha256').update(`${salt}\u0000${periodId}\u0000${id}`).digest('hex');
}
