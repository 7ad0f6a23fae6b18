/** analyze + aggregate: validated records as of date T → the Analysis written to analysis.json. */
import type { Analysis, AnalyzedItem } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import { compareIssues, type Issue } from '../model/issue.ts';
import type { Records } from '../model/records.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { unitStats } from '../aggregate/unit-stats.ts';
import { createCalendar, type WorkdayCalendar } from './workday-calendar.ts';
import { analyzeItem } from './item-analysis.ts';
import { planNotices } from './notices.ts';
import {
  analyzeDisclosures, analyzeRectifications, analyzeRegulations, analyzeSelfChecks, analyzeSubmissions,
} from './campaign-analysis.ts';

export function calendarFor(records: Records): WorkdayCalendar {
  return createCalendar(records.holidays.map((h) => ({ date: h.date, off: h.off })));
}

export function analyze(
  records: Records,
  asOf: IsoDate,
  config: Pick<OfficeConfig, 'dueSoonWorkdays'> & Partial<Pick<OfficeConfig, 'docNoPrefix' | 'nextDocNo'>>,
  earlierIssues: readonly Issue[] = [],
  cal: WorkdayCalendar = calendarFor(records),
): Analysis {
  const issues: Issue[] = [...earlierIssues];

  const reminders = new Map<string, IsoDate[]>();
  for (const r of records.reminders) {
    if (r.date > asOf) continue;
    const list = reminders.get(r.itemId);
    if (list) list.push(r.date);
    else reminders.set(r.itemId, [r.date]);
  }
  for (const list of reminders.values()) list.sort();

  const ctx = { asOf, cal, dueSoonWorkdays: config.dueSoonWorkdays, reminders };
  const items = records.items.map((rec) => analyzeItem(rec, ctx, issues)).sort(byPlace);

  const notices = planNotices(items, records.docRegister ?? [], asOf, { docNoPrefix: config.docNoPrefix ?? '', nextDocNo: config.nextDocNo ?? 1 }, issues);
  attachWarnings(items, issues);
  issues.sort(compareIssues);

  return {
    asOf,
    items,
    notices,
    units: unitStats(items, records.units),
    selfChecks: analyzeSelfChecks(records, ctx),
    rectifications: analyzeRectifications(records, ctx),
    regulations: analyzeRegulations(records, asOf),
    submissions: analyzeSubmissions(records, asOf),
    disclosures: analyzeDisclosures(records, asOf),
    issues,
  };
}

function byPlace(a: AnalyzedItem, b: AnalyzedItem): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.row - b.row;
}

/** Each item lists the codes of the warnings raised on its row, in code order. */
function attachWarnings(items: AnalyzedItem[], issues: readonly Issue[]): void {
  const byRow = new Map<string, Set<string>>();
  for (const i of issues) {
    if (i.severity !== 'warning' || i.row === null) continue;
    const key = `${i.file}\u0000${i.row}`;
    let set = byRow.get(key);
    if (!set) byRow.set(key, (set = new Set()));
    set.add(i.code);
  }
  for (const item of items) item.warnings = [...(byRow.get(`${item.file}\u0000${item.row}`) ?? [])].sort();
}
