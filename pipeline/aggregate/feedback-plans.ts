/**
 * What the feedback loop sends out (spec §2.10–2.11; seed 003 §三(三)(五), seed 004 art. 22–23),
 * decided once so the workbooks, the review list and the 催报通知 agree:
 *   - a 进展反馈表 per unit with open items, one row per item it leads or co-owns;
 *   - the requests (申请办结, 申请延期) the office has not decided yet;
 *   - the units whose feedback is missing after this month's due day, with the items.
 * Pure: built from the Analysis only.
 */
import type { AnalyzedItem, Analysis, ItemMilestone, ItemRequest } from '../model/analysis.ts';
import { isOpen, nextMilestone } from '../model/open-items.ts';
import type { IsoDate } from '../model/dates.ts';
import { compareZh } from '../model/text-order.ts';

/** A 时间节点 of an item (spec §5 `milestones`). */
export type Milestone = ItemMilestone;

export interface FeedbackFormRow {
  item: AnalyzedItem;
  /** lead: the unit feeds back to the office; co: it reports to the lead unit (seed 004 art. 23). */
  role: 'lead' | 'co';
  milestone: Milestone | null;
}

export interface FeedbackForm {
  unit: string;
  /** Items it leads first, then those it co-owns, each in 编号 order. */
  rows: FeedbackFormRow[];
  /** This month's due date of the items it leads (the earliest), else of any row; null when none has one. */
  due: IsoDate | null;
  /** Some row has a milestone: the workbook then shows the 下一节点 column. */
  milestones: boolean;
}

const idCollator = new Intl.Collator('en', { numeric: true });
const byId = (a: AnalyzedItem, b: AnalyzedItem): number => idCollator.compare(a.id, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One form per unit that leads or co-owns an open item, in pinyin order of the unit. */
export function feedbackForms(analysis: Pick<Analysis, 'items'>): FeedbackForm[] {
  const byUnit = new Map<string, FeedbackFormRow[]>();
  const add = (unit: string, row: FeedbackFormRow) => {
    const list = byUnit.get(unit);
    if (list) list.push(row);
    else byUnit.set(unit, [row]);
  };
  for (const item of [...analysis.items].filter(isOpen).sort(byId)) {
    const milestone = nextMilestone(item);
    if (item.leadUnit !== null) add(item.leadUnit, { item, role: 'lead', milestone });
    for (const u of new Set(item.coUnits)) if (u !== item.leadUnit) add(u, { item, role: 'co', milestone });
  }
  return [...byUnit.keys()].sort(compareZh).map((unit) => {
    const rows = byUnit.get(unit)!;
    rows.sort((a, b) => (a.role === b.role ? byId(a.item, b.item) : a.role === 'lead' ? -1 : 1));
    const lead = rows.filter((r) => r.role === 'lead');
    const dues = (lead.length > 0 ? lead : rows)
      .map((r) => r.item.feedbackDue)
      .filter((d): d is IsoDate => d !== null)
      .sort();
    return { unit, rows, due: dues[0] ?? null, milestones: rows.some((r) => r.milestone !== null) };
  });
}

export interface PendingRequest {
  item: AnalyzedItem;
  request: ItemRequest;
}

/** Requests without a decision yet, the oldest first (then by 编号). */
export function pendingRequests(analysis: Pick<Analysis, 'items'>): PendingRequest[] {
  return analysis.items
    .filter((i): i is AnalyzedItem & { request: ItemRequest } => i.request !== null && i.request.decision === 'pending')
    .map((item) => ({ item, request: item.request }))
    .sort((a, b) => (a.request.on < b.request.on ? -1 : a.request.on > b.request.on ? 1 : byId(a.item, b.item)));
}

export interface MissingFeedback {
  unit: string;
  /** Items it leads whose feedback for this month is missing, in 编号 order. */
  items: AnalyzedItem[];
  /** The due day that passed. */
  due: IsoDate;
}

/** 催报名单 of the feedback loop: lead units with feedback missing after the due day (units[].feedbackMissing). */
export function missingFeedback(analysis: Pick<Analysis, 'items' | 'units'>): MissingFeedback[] {
  const owing = new Set(analysis.units.filter((u) => u.feedbackMissing > 0).map((u) => u.unit));
  const byUnit = new Map<string, AnalyzedItem[]>();
  for (const item of analysis.items) {
    if (item.feedbackStatus !== 'missing' || item.leadUnit === null || !owing.has(item.leadUnit)) continue;
    const list = byUnit.get(item.leadUnit);
    if (list) list.push(item);
    else byUnit.set(item.leadUnit, [item]);
  }
  return [...byUnit.keys()].sort(compareZh).map((unit) => {
    const items = byUnit.get(unit)!.sort(byId);
    return { unit, items, due: items.map((i) => i.feedbackDue!).sort()[0]! };
  });
}

/** Everything the feedback outputs send, decided once (render/feedback-outputs.ts draws it). */
export interface FeedbackPlans {
  forms: FeedbackForm[];
  missing: MissingFeedback[];
  pending: PendingRequest[];
}

export function feedbackPlans(analysis: Analysis): FeedbackPlans {
  return { forms: feedbackForms(analysis), missing: missingFeedback(analysis), pending: pendingRequests(analysis) };
}
