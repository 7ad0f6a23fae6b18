/**
 * The report's 进展反馈 and 审核 numbers (spec §2.10–2.11, seed 004 art. 23): each lead unit's
 * 按时反馈率 and the requests received and decided in the period.
 *
 * 按时反馈率 = feedback received by the due day ÷ feedback owed. A lead unit owes one feedback per
 * item and month for every month of the period whose due day (feedbackDay, moved back to a working
 * day, analyze/feedback.ts) has passed by the cutoff, when the item was assigned by that day and not
 * yet done or closed on it. It is received on time when the lead unit (or a row naming no unit) fed
 * back between the 1st of the month and the due day — co-units report to the lead unit, so their
 * rows do not count. Only the lead unit is credited, as with 按期办结率.
 */
import type { AnalyzedItem } from '../model/analysis.ts';
import { addMonths, type IsoDate } from '../model/dates.ts';
import type { FeedbackRecord, ReviewRecord } from '../model/records.ts';
import { feedbackDueOf } from '../analyze/feedback.ts';
import type { WorkdayCalendar } from '../analyze/workday-calendar.ts';
import type { Period } from './period.ts';

export interface FeedbackInputs {
  feedback: readonly FeedbackRecord[];
  reviews: readonly ReviewRecord[];
  cal: WorkdayCalendar;
  feedbackDay: number;
}

export interface FeedbackRate {
  /** Feedback owed (items × months). */
  owed: number;
  onTime: number;
  /** onTime / owed; null when nothing was owed yet. */
  rate: number | null;
}

export interface FeedbackTally {
  /** Due days of the period counted (passed by the cutoff). */
  dueDays: IsoDate[];
  totals: FeedbackRate;
  /** Per lead unit with anything owed. */
  byUnit: ReadonlyMap<string, FeedbackRate>;
  /** Requests received in the period, and decisions made in it. */
  requests: { received: number; completion: number; extension: number; approved: number; returned: number };
  /** Items of the period with a request still waiting for a decision at the cutoff. */
  pending: number;
}

function rateOf(owed: number, onTime: number): FeedbackRate {
  return { owed, onTime, rate: owed === 0 ? null : onTime / owed };
}

/** Whether the data folder takes part in the loop at all: without any returned row there is nothing to report. */
export function hasFeedbackData(inputs: Pick<FeedbackInputs, 'feedback' | 'reviews'>): boolean {
  return inputs.feedback.length > 0 || inputs.reviews.length > 0;
}

export function feedbackTally(items: readonly AnalyzedItem[], period: Period, cutoff: IsoDate, asOf: IsoDate, inputs: FeedbackInputs): FeedbackTally {
  const dueDays: { start: IsoDate; due: IsoDate }[] = [];
  for (let m = `${period.start.slice(0, 7)}-01`; m <= period.end; m = addMonths(m, 1)) {
    const due = feedbackDueOf(Number(m.slice(0, 4)), Number(m.slice(5, 7)), inputs.feedbackDay, inputs.cal);
    if (due >= period.start && due < cutoff) dueDays.push({ start: m, due });
  }
  const rows = new Map<string, FeedbackRecord[]>();
  for (const r of inputs.feedback) {
    if (r.on > cutoff) continue;
    const list = rows.get(r.itemId);
    if (list) list.push(r);
    else rows.set(r.itemId, [r]);
  }
  const owed = new Map<string, [owed: number, onTime: number]>();
  for (const item of items) {
    if (item.leadUnit === null || item.status === 'closed_unfinished') continue;
    for (const { start, due } of dueDays) {
      if (item.assignedOn !== null && item.assignedOn > due) continue;
      if (item.completedOn !== null && item.completedOn <= due) continue;
      const fed = (rows.get(item.id) ?? []).some((r) => r.on >= start && r.on <= due && (r.unit === null || r.unit === item.leadUnit));
      const n = owed.get(item.leadUnit) ?? [0, 0];
      owed.set(item.leadUnit, [n[0] + 1, n[1] + (fed ? 1 : 0)]);
    }
  }
  let all = 0;
  let onTime = 0;
  for (const [o, t] of owed.values()) {
    all += o;
    onTime += t;
  }

  const inPeriod = (d: IsoDate) => d >= period.start && d <= cutoff;
  // The same row saved twice (a returned workbook kept in two folders) is one request, one decision.
  const received = new Set<string>();
  const kinds = { completion: 0, extension: 0 };
  for (const r of inputs.feedback) {
    if (r.state === '办理中' || !inPeriod(r.on)) continue;
    const key = `${r.itemId}\u0000${r.state}\u0000${r.on}`;
    if (received.has(key)) continue;
    received.add(key);
    if (r.state === '申请办结') kinds.completion++;
    else kinds.extension++;
  }
  const decided = new Map<string, '通过' | '退回'>();
  for (const r of inputs.reviews) {
    const on = r.on ?? asOf;
    if (r.result === null || !inPeriod(on)) continue;
    decided.set(`${r.itemId}\u0000${r.topic}\u0000${r.result}\u0000${on}`, r.result);
  }
  const results = [...decided.values()];
  return {
    dueDays: dueDays.map((d) => d.due),
    totals: rateOf(all, onTime),
    byUnit: new Map([...owed].map(([unit, [o, t]]) => [unit, rateOf(o, t)])),
    requests: {
      received: received.size,
      ...kinds,
      approved: results.filter((r) => r === '通过').length,
      returned: results.filter((r) => r === '退回').length,
    },
    pending: items.filter((i) => i.request !== null && i.request.decision === 'pending').length,
  };
}
