/**
 * Units' feedback and requests (spec §2.10–2.11, seed 003 §三(三)(五), seed 004 art. 22–23).
 *
 * Before the items are analyzed, the office's decisions are applied to their records: 通过 on a
 * 办结 request completes the item on the date asked for, 通过 on a 延期 request sets the new
 * deadline (approved by the 审核人); a completion or extension written in the ledger itself wins.
 * After analysis each open item gets its feedback month: the due day is `feedbackDay` of the as-of
 * month, moved back to a working day; the lead unit owes it (co-units report to the lead unit);
 * an item assigned after the due day owes its first feedback next month.
 */
import type { AnalyzedItem, FeedbackStatus, ItemRequest, UnitStats } from '../model/analysis.ts';
import { addDays, lastDayOfMonth, ymd, type IsoDate } from '../model/dates.ts';
import type { FeedbackRecord, ItemRecord, Records, ReviewRecord } from '../model/records.ts';
import { resolveDeadline } from './deadline-resolve.ts';
import { extensionProblems } from './extension-rules.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';

export const DEFAULT_FEEDBACK_DAY = 25;

interface Request {
  row: FeedbackRecord;
  review: ReviewRecord | null;
}

/** Latest first by date, then by place: the order in which rows supersede each other. */
function later(a: { on: IsoDate | null; file: string; row: number }, b: { on: IsoDate | null; file: string; row: number }, asOf: IsoDate): boolean {
  const da = a.on ?? asOf;
  const db = b.on ?? asOf;
  return da !== db ? da > db : a.file !== b.file ? a.file > b.file : a.row > b.row;
}

function latestBy<T extends { on: IsoDate | null; file: string; row: number }>(rows: readonly T[], asOf: IsoDate): T | null {
  let best: T | null = null;
  for (const r of rows) if (best === null || later(r, best, asOf)) best = r;
  return best;
}

function groupById<T extends { itemId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.itemId, [...(m.get(r.itemId) ?? []), r]);
  return m;
}

/** Each item's latest request and the decision on it (a decision dated before the request is about an earlier one). */
export function requestsOf(records: Records, asOf: IsoDate): Map<string, Request> {
  const reviews = groupById(records.reviews ?? []);
  const out = new Map<string, Request>();
  for (const [id, rows] of groupById((records.feedback ?? []).filter((f) => f.state !== '办理中'))) {
    const row = latestBy(rows, asOf)!;
    const kind = row.state === '申请办结' ? '办结' : '延期';
    const answers = (reviews.get(id) ?? []).filter((r) => (r.topic === null || r.topic === kind) && (r.on ?? asOf) >= row.on);
    out.set(id, { row, review: latestBy(answers, asOf) });
  }
  return out;
}

/** The ledger's records with approved requests applied (the ledger's own completion or extension wins). */
export function withDecisions(items: readonly ItemRecord[], requests: ReadonlyMap<string, Request>): ItemRecord[] {
  return items.map((rec) => {
    const q = requests.get(rec.id);
    if (q?.review?.result !== '通过') return rec;
    if (q.row.state === '申请办结') {
      return rec.state === '已办结' || rec.state === '无法办结' ? rec : { ...rec, state: '已办结', completedOn: q.row.completedOn };
    }
    if (rec.extensionSpec) return rec;
    return { ...rec, extensionText: q.row.extensionText, extensionSpec: q.row.extensionSpec, extensionAppliedOn: q.row.on, extensionApprovedBy: q.review.by || '党政办公室' };
  });
}

/**
 * The feedback due day of a month: `day` (clamped to the month), moved back to the working day
 * before; when no working day precedes it in that month (a 5th inside the National Day break), the
 * first working day after it, so a month's feedback is never due in the month before.
 */
export function feedbackDueOf(year: number, month: number, day: number, cal: WorkdayCalendar): IsoDate {
  const first = ymd(year, month, Math.min(day, Number(lastDayOfMonth(year, month).slice(8, 10))));
  const prefix = first.slice(0, 7);
  for (let d = first; d.startsWith(prefix); d = addDays(d, -1)) if (cal.isWorkday(d)) return d;
  for (let d = first, k = 0; k < 40; d = addDays(d, 1), k++) if (cal.isWorkday(d)) return d;
  return first;
}

const OPEN = new Set(['overdue', 'due_soon', 'on_track', 'ongoing', 'no_deadline']);

/** Sets feedback, feedbackDue, feedbackStatus and request on analyzed items, and feedbackMissing on units. */
export function attachFeedback(
  items: AnalyzedItem[],
  units: UnitStats[],
  records: Records,
  requests: ReadonlyMap<string, Request>,
  asOf: IsoDate,
  cal: WorkdayCalendar,
  feedbackDay: number = DEFAULT_FEEDBACK_DAY,
): void {
  const byItem = groupById(records.feedback ?? []);
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const due = feedbackDueOf(y, m, feedbackDay, cal);
  const nextDue = m === 12 ? feedbackDueOf(y + 1, 1, feedbackDay, cal) : feedbackDueOf(y, m + 1, feedbackDay, cal);
  const monthStart = ymd(y, m, 1);
  const missing = new Map<string, number>();
  for (const item of items) {
    const rows = byItem.get(item.id) ?? [];
    const last = latestBy(rows, asOf);
    item.feedback = last && { on: last.on, unit: last.unit, progress: last.progress, state: last.state };
    const q = requests.get(item.id);
    item.request = q ? requestView(q, item, cal, asOf) : null;
    if (!OPEN.has(item.status)) {
      item.feedbackDue = null;
      item.feedbackStatus = null;
      continue;
    }
    const owesThisMonth = item.assignedOn === null || item.assignedOn <= due;
    item.feedbackDue = owesThisMonth ? due : nextDue;
    // Co-units report to the lead unit, so only the lead unit's feedback (or an unnamed one) counts.
    const fromLead = rows.filter((r) => r.on >= monthStart && (r.unit === null || item.leadUnit === null || r.unit === item.leadUnit));
    const status: FeedbackStatus = fromLead.length > 0 ? 'received' : owesThisMonth && asOf > due ? 'missing' : 'pending';
    item.feedbackStatus = status;
    if (status === 'missing' && item.leadUnit) missing.set(item.leadUnit, (missing.get(item.leadUnit) ?? 0) + 1);
  }
  for (const u of units) u.feedbackMissing = missing.get(u.unit) ?? 0;
}

function requestView(q: Request, item: AnalyzedItem, cal: WorkdayCalendar, asOf: IsoDate): ItemRequest {
  const kind = q.row.state === '申请办结' ? '办结' : '延期';
  const base = item.deadline ?? item.assignedOn ?? `${asOf.slice(0, 4)}-01-01`;
  const date = kind === '办结' ? q.row.completedOn : q.row.extensionSpec ? resolveDeadline(q.row.extensionSpec, base, cal).deadline : null;
  const decision = q.review === null || q.review.result === null ? 'pending' : q.review.result === '通过' ? 'approved' : 'returned';
  const checks =
    kind === '延期' && item.deadline && date
      ? extensionProblems({ deadline: item.deadline, to: date, appliedOn: q.row.on, approvedBy: q.review?.by ?? '', alreadyExtended: item.extendedTo !== null && decision !== 'approved' }, cal).map(
          (p) => p.message,
        )
      : [];
  return {
    kind,
    on: q.row.on,
    date,
    decision,
    decidedOn: decision === 'pending' ? null : (q.review!.on ?? asOf),
    by: decision === 'pending' ? null : q.review!.by || '党政办公室',
    text: joinSentences(q.row.progress, q.row.reason),
    unit: q.row.unit,
    checks,
    opinion: q.review?.opinion ?? '',
  };
}

/** 进展 and 理由 as one text: 「…衔接；需待…」, not 「…衔接。；需待…」. */
function joinSentences(...parts: string[]): string {
  const kept = parts.map((t) => t.trim()).filter((t) => t !== '');
  return kept.map((t, k) => (k < kept.length - 1 ? t.replace(/[。；;，,、\s]+$/u, '') : t)).join('；');
}
