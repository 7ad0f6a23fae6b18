/**
 * Everything the monthly (quarterly, half-yearly, yearly) supervision report shows, computed once
 * so the XLSX and the PDF cannot disagree. Pure: the Analysis is taken as given — the CLI re-runs
 * the analysis with asOf = min(period end, today) first, so statuses are those at the period's end.
 *
 * Which items belong to a period [start, end]:
 *   - assigned on or before `end` (an item without 立项日期 is assumed to have been open all along),
 *   - and not completed before `start` (completedOn is null or ≥ start).
 * So the report shows what was on the office's desk during the period: items carried over from
 * earlier months, items assigned in it, and items completed in it. An item completed after the
 * period is still shown, because during the period it was open. A wider period is simply a wider
 * range, so a quarter report is the same computation over three months.
 */
import type { AnalyzedItem, Analysis } from '../model/analysis.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { labelsNeedFile } from '../model/item-labels.ts';
import type { Period } from './period.ts';
import { countItems, type Counts } from '../analyze/unit-stats.ts';
import { drawRecheckSample, type RecheckSample } from './report-sample.ts';
import { campaignCounts, type CampaignCounts } from './campaign-counts.ts';
import { feedbackTally, hasFeedbackData, type FeedbackInputs, type FeedbackTally } from './feedback-tally.ts';
import { assessmentRows, tallyByLeadUnit, tallyBySource, tallyCoUnits, inProgressOf, type AssessmentRow, type CoUnitRow, type TallyRow } from './report-tally.ts';

export type ReportConfig = Pick<OfficeConfig, 'organization' | 'recheckRate' | 'recheckMin'> & Partial<Pick<OfficeConfig, 'recheckSalt'>>;

export interface ReportData {
  period: Period;
  /** The as-of date of the analysis the statuses come from. */
  asOf: IsoDate;
  /** 统计截至: the earlier of the period end and the as-of date. */
  cutoff: IsoDate;
  organization: string;
  /** The period's items in 布置时间 order (undated last), then by id. */
  items: AnalyzedItem[];
  totals: Counts;
  /** totals' due soon + on track + ongoing + no deadline. */
  inProgress: number;
  /** Assigned within the period. */
  assignedInPeriod: number;
  /** Carried over from before the period (or undated). */
  carriedOver: number;
  /** Completed (按期 or 逾期) within the period. */
  closedInPeriod: number;
  bySource: TallyRow[];
  byUnit: TallyRow[];
  coUnits: CoUnitRow[];
  /** Overdue items, most overdue first (working days, then id). */
  overdue: AnalyzedItem[];
  recheck: RecheckSample;
  assessment: AssessmentRow[];
  /**
   * 专项活动 (seed 000 campaign ledgers), counts only, as of the same date as the items; null when
   * the data folder holds no campaign ledger. Not limited to the period: a campaign runs across months.
   */
  campaign: CampaignCounts | null;
  /**
   * 进展反馈 and 审核 (spec §2.10–2.11): 按时反馈率 per lead unit and the requests of the period;
   * null when the data folder holds no returned 进展反馈 or 审核记录 (the office does not run the loop).
   */
  feedback: FeedbackTally | null;
  /** Items are named with their ledger's name (model/item-labels.ts, itemLabel), as the 催办通知 of the same ledgers are. */
  labelsWithFile: boolean;
  /**
   * 本年累计 for the units' annual assessment (seed 004 art. 25): each lead unit's 按期办结率 over the
   * items open at any time from 1 January to the period's end, as of the same date. Null when the
   * period starts on 1 January, being the year to date itself.
   */
  yearToDate: { label: string; onTimeRate: ReadonlyMap<string, number | null> } | null;
}

/** `returns`: the units' feedback and the office's decisions (Records), to count 按时反馈率 and requests. */
export function buildReportData(analysis: Analysis, period: Period, config: ReportConfig, returns?: FeedbackInputs): ReportData {
  const items = analysis.items.filter((i) => inPeriod(i, period)).sort(byAssignedThenId);
  const totals = countItems(items);
  const completed = items.filter((i) => isDone(i) && within(i.completedOn, period));
  const recheck = drawRecheckSample(completed, period.id, config.recheckRate, config.recheckMin, config.recheckSalt ?? '');
  const byUnit = tallyByLeadUnit(items, analysis.units);
  const coUnits = tallyCoUnits(items, analysis.units);
  const cutoff = analysis.asOf < period.end ? analysis.asOf : period.end;
  return {
    period,
    asOf: analysis.asOf,
    cutoff,
    organization: config.organization,
    items,
    totals,
    inProgress: inProgressOf(totals),
    assignedInPeriod: items.filter((i) => within(i.assignedOn, period)).length,
    carriedOver: items.filter((i) => i.assignedOn === null || i.assignedOn < period.start).length,
    closedInPeriod: completed.length,
    bySource: tallyBySource(items),
    byUnit,
    coUnits,
    overdue: items.filter((i) => i.status === 'overdue').sort(mostOverdueFirst),
    recheck,
    assessment: assessmentRows(byUnit, coUnits, recheck.items, analysis.units),
    campaign: campaignCounts(analysis),
    feedback: returns && hasFeedbackData(returns) ? feedbackTally(items, period, cutoff, analysis.asOf, returns) : null,
    labelsWithFile: labelsNeedFile(analysis.items),
    yearToDate: yearToDate(analysis, period),
  };
}

function yearToDate(analysis: Analysis, period: Period): ReportData['yearToDate'] {
  const year = period.start.slice(0, 4);
  if (period.start === `${year}-01-01`) return null;
  const span: Period = { ...period, start: `${year}-01-01` };
  const rows = tallyByLeadUnit(
    analysis.items.filter((i) => inPeriod(i, span)),
    analysis.units,
  );
  return {
    label: `${year}年1月—${Number(period.end.slice(5, 7))}月`,
    onTimeRate: new Map(rows.map((r) => [r.name, r.counts.onTimeRate])),
  };
}

/** The membership rule documented at the top of this module. */
export function inPeriod(item: AnalyzedItem, period: Period): boolean {
  if (item.assignedOn !== null && item.assignedOn > period.end) return false;
  return item.completedOn === null || item.completedOn >= period.start;
}

function isDone(item: AnalyzedItem): boolean {
  return item.status === 'done_on_time' || item.status === 'done_late';
}

function within(date: IsoDate | null, period: Period): boolean {
  return date !== null && date >= period.start && date <= period.end;
}

const idCollator = new Intl.Collator('en', { numeric: true });

function byAssignedThenId(a: AnalyzedItem, b: AnalyzedItem): number {
  if (a.assignedOn !== b.assignedOn) {
    if (a.assignedOn === null) return 1;
    if (b.assignedOn === null) return -1;
    return a.assignedOn < b.assignedOn ? -1 : 1;
  }
  return idCollator.compare(a.id, b.id);
}

function mostOverdueFirst(a: AnalyzedItem, b: AnalyzedItem): number {
  return (b.overdueWorkdays ?? 0) - (a.overdueWorkdays ?? 0) || idCollator.compare(a.id, b.id);
}
