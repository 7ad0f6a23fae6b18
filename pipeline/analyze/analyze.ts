/** analyze + aggregate: validated records as of date T → the Analysis written to analysis.json. */
import type { Analysis, AnalyzedItem } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import { compareIssues, type Issue } from '../model/issue.ts';
import type { Records } from '../model/records.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { unitStats } from './unit-stats.ts';
import { createCalendar, type WorkdayCalendar } from './workday-calendar.ts';
import { analyzeItem } from './item-analysis.ts';
import { planNotices } from './notices.ts';
import { attachFeedback, requestsOf, withDecisions } from './feedback.ts';
import { analyzeDisclosures, analyzeRectifications, analyzeRegulations, analyzeSelfChecks, analyzeSubmissions } from './campaign-analysis.ts';

export function calendarFor(records: Records): WorkdayCalendar {
  return createCalendar(records.holidays.map((h) => ({ date: h.date, off: h.off })));
}

export function analyze(
  records: Records,
  asOf: IsoDate,
  config: Pick<OfficeConfig, 'dueSoonWorkdays'> & Partial<Pick<OfficeConfig, 'docNoPrefix' | 'nextDocNo' | 'feedbackDay'>>,
  earlierIssues: readonly Issue[] = [],
  cal: WorkdayCalendar = calendarFor(records),
): Analysis {
  const issues: Issue[] = [...earlierIssues];

  // One reminder per item and day: the same 催办记录 saved twice (催办记录-2026-11-25.csv copied
  // into two folders, or kept after its rows were pasted into the main ledger) counts once.
  const reminderDays = new Map<string, Set<IsoDate>>();
  for (const r of records.reminders) {
    if (r.date > asOf) continue;
    const days = reminderDays.get(r.itemId);
    if (days) days.add(r.date);
    else reminderDays.set(r.itemId, new Set([r.date]));
  }
  const reminders = new Map<string, IsoDate[]>([...reminderDays].map(([id, days]) => [id, [...days].sort()]));

  const ctx = { asOf, cal, dueSoonWorkdays: config.dueSoonWorkdays, reminders };
  // Seen from an earlier date (a past month's report, a letter drawn again for the archive),
  // feedback and decisions dated later had not happened yet; validation already dropped those after T.
  const until: Records = {
    ...records,
    feedback: (records.feedback ?? []).filter((f) => f.on <= asOf),
    reviews: (records.reviews ?? []).filter((r) => r.on === null || r.on <= asOf),
  };
  const requests = requestsOf(until, asOf);
  const items = withDecisions(records.items, requests)
    .map((rec) => analyzeItem(rec, ctx, issues))
    .sort(byPlace);

  const notices = planNotices(items, records.docRegister ?? [], asOf, { docNoPrefix: config.docNoPrefix ?? '', nextDocNo: config.nextDocNo ?? 1 }, issues);
  attachWarnings(items, issues);
  issues.sort(compareIssues);
  const units = unitStats(items, records.units);
  attachFeedback(items, units, until, requests, asOf, cal, config.feedbackDay);

  return {
    asOf,
    items,
    notices,
    units,
    selfChecks: analyzeSelfChecks(records, ctx),
    rectifications: analyzeRectifications(records, ctx),
    regulations: analyzeRegulations(records, asOf),
    submissions: analyzeSubmissions(records, asOf, cal),
    disclosures: analyzeDisclosures(records, asOf),
    issues,
  };
}

function byPlace(a: AnalyzedItem, b: AnalyzedItem): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.row - b.row;
}

/** Each item lists the codes of the warnings raised on its row, in code order. */
function attachWarnings(items: AnalyzedItem[], issues: readonly Issue[]): void {
  // By file, then row: no key string built per item.
  const byFile = new Map<string, Map<number, Set<string>>>();
  for (const i of issues) {
    if (i.severity !== 'warning' || i.row === null) continue;
    let rows = byFile.get(i.file);
    if (!rows) byFile.set(i.file, (rows = new Map()));
    let set = rows.get(i.row);
    if (!set) rows.set(i.row, (set = new Set()));
    set.add(i.code);
  }
  for (const item of items) {
    const set = byFile.get(item.file)?.get(item.row);
    item.warnings = set ? [...set].sort() : [];
  }
}
