/**
 * The ledgers of one build seen at an earlier date, analyzed once per date: the site's month-ends,
 * the period report and the office's desk ask for the same days. The analyses live as long as the
 * build's Analyzed does.
 */
import type { Analysis } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { reanalyze, type Analyzed } from './ledgers.ts';

const seen = new WeakMap<Analyzed, { config: OfficeConfig; byDate: Map<IsoDate, Analysis> }>();

/** `a` as of `asOf`: its own analysis on its own date, else a re-analysis remembered for the build. */
export function analysisOn(a: Analyzed, asOf: IsoDate, config: OfficeConfig): Analysis {
  if (asOf === a.analysis.asOf) return a.analysis;
  let memo = seen.get(a);
  if (!memo || memo.config !== config) seen.set(a, (memo = { config, byDate: new Map() }));
  let analysis = memo.byDate.get(asOf);
  if (!analysis) memo.byDate.set(asOf, (analysis = reanalyze(a, asOf, config)));
  return analysis;
}
