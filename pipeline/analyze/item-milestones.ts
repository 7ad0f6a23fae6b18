/**
 * Milestones (时序进度) and recurring work (每月, 每季度) of a 督办事项 as of date T.
 *
 * Milestones: each line's time resolves like a deadline (spec §3) from the item's base date; a
 * line whose start comes before the previous line's start is in the next year (`9月-12月：施工`
 * then `1月：主体完工`), except `全年`. Each gets a status of §4: an open item's milestone is
 * overdue once its date passes unless its line is marked done (`（已完成）`, `√`); a done item's
 * milestones are done (its last one late when the item was finished after it).
 *
 * Stages: a missed milestone makes the open item overdue for that stage (counted from the
 * milestone's date), and one due within `dueSoonWorkdays` makes it due_soon — whatever the item's
 * own deadline says, which stays as written. `dueMilestone` names the milestone that decided.
 *
 * Recurring work is ongoing with a periodic check: the due date for its progress is the end of
 * the period that holds T (每月10日前: the 10th of T's month, or of the next month once past).
 */
import type { ItemMilestone, Status } from '../model/analysis.ts';
import { addDays, daysBetween, lastDayOfMonth, toDayNumber, ymd, yearOf, daysInMonth, type IsoDate } from '../model/dates.ts';
import type { Recurrence } from '../validate/deadline-grammar.ts';
import type { MilestoneSpec } from '../validate/milestones.ts';
import { resolveDeadline } from './deadline-resolve.ts';
import { LIGHT_OF, statusOf, type StatusResult } from './item-status.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';

/** The due date of a recurring item's progress as of T: the end of T's period (or the given day of T's month). */
export function periodDue(every: Recurrence, asOf: IsoDate): IsoDate {
  const y = yearOf(asOf);
  const m = Number(asOf.slice(5, 7));
  switch (every.period) {
    case 'month': {
      if (every.day === undefined) return lastDayOfMonth(y, m);
      const day = (yy: number, mm: number) => ymd(yy, mm, Math.min(every.day!, daysInMonth(yy, mm)));
      const here = day(y, m);
      return here >= asOf ? here : m === 12 ? day(y + 1, 1) : day(y, m + 1);
    }
    case 'quarter':
      return lastDayOfMonth(y, Math.ceil(m / 3) * 3);
    case 'half':
      return m <= 6 ? ymd(y, 6, 30) : ymd(y, 12, 31);
    case 'year':
      return ymd(y, 12, 31);
    case 'week': {
      // The week's check is its Friday (the last working day of an ordinary week).
      const weekday = (toDayNumber(asOf) + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
      const toFriday = (5 - weekday + 7) % 7;
      return addDays(asOf, toFriday);
    }
    case 'term':
      // 春季学期 ends with July, 秋季学期 with January.
      return m === 1 ? ymd(y, 1, 31) : m <= 7 ? ymd(y, 7, 31) : ymd(y + 1, 1, 31);
  }
}

export interface MilestoneContext {
  asOf: IsoDate;
  cal: WorkdayCalendar;
  dueSoonWorkdays: number;
  /** The item's base date (立项日期, else 1 January of the as-of year). */
  base: IsoDate;
  /** The item is done as of T (on this date), closed unfinished, or open. */
  item: { done: boolean; completedOn: IsoDate | null; closedUnfinished: boolean };
}

/** Milestones with their dates and statuses, in the order written. */
export function analyzeMilestones(specs: readonly MilestoneSpec[], c: MilestoneContext): ItemMilestone[] {
  if (specs.length === 0) return [];
  const dated: { deadline: IsoDate | null; start: IsoDate | null }[] = [];
  let previousStart: IsoDate | null = null;
  for (const m of specs) {
    if (!m.spec) {
      dated.push({ deadline: null, start: null });
      continue;
    }
    if (m.spec.every) {
      dated.push({ deadline: periodDue(m.spec.every, c.asOf), start: null });
      continue;
    }
    if (!m.spec.time) {
      dated.push({ deadline: null, start: null });
      continue;
    }
    let r = resolveDeadline(m.spec, c.base, c.cal);
    const explicitYear = 'year' in m.spec.time && m.spec.time.year !== null;
    const start = r.start ?? r.deadline;
    if (m.spec.time.kind !== 'yearEnd' && !explicitYear && previousStart !== null && start !== null && start < previousStart) {
      r = resolveDeadline(m.spec, addDays(previousStart, 1), c.cal);
    }
    dated.push(r);
    if (m.spec.time.kind !== 'yearEnd') previousStart = r.start ?? r.deadline ?? previousStart;
  }
  const last = lastIndex(dated.map((d) => d.deadline));
  return specs.map((m, i) => {
    const deadline = dated[i]!.deadline;
    const status = milestoneStatus(m, deadline, i === last, c);
    return { text: m.text, deadlineText: m.deadlineText, deadline, status, light: LIGHT_OF[status] };
  });
}

/** Index of the latest date (the last of equal ones); -1 when none. */
function lastIndex(dates: readonly (IsoDate | null)[]): number {
  let at = -1;
  dates.forEach((d, i) => {
    if (d !== null && (at < 0 || d >= dates[at]!)) at = i;
  });
  return at;
}

function milestoneStatus(m: MilestoneSpec, deadline: IsoDate | null, isLast: boolean, c: MilestoneContext): Status {
  if (c.item.done) return isLast && deadline !== null && c.item.completedOn !== null && c.item.completedOn > deadline ? 'done_late' : 'done_on_time';
  if (m.done) return 'done_on_time';
  if (c.item.closedUnfinished) return 'closed_unfinished';
  const ongoing = m.spec?.ongoing === true && m.spec.time === null && !m.spec.every;
  const s = statusOf({ done: false, closedUnfinished: false, completedOn: null, deadline, ongoing }, c.asOf, c.cal, c.dueSoonWorkdays).status;
  // A periodic check never lapses: it is due, or ongoing until it is.
  return m.spec?.every && s === 'on_track' ? 'ongoing' : s;
}

/** The latest milestone date: the item's deadline when 办结时限 is empty (spec §2.1). */
export function lastMilestoneDeadline(ms: readonly ItemMilestone[]): IsoDate | null {
  const at = lastIndex(ms.map((m) => m.deadline));
  return at < 0 ? null : ms[at]!.deadline;
}

const OPEN: ReadonlySet<Status> = new Set(['overdue', 'due_soon', 'on_track', 'ongoing', 'no_deadline']);

/**
 * The stage rule: an open item whose earliest open milestone has passed is overdue for it; one
 * whose next milestone is due within `dueSoonWorkdays` is due_soon. Returns the new status (or
 * null when the milestones change nothing) and the milestone that decided.
 */
export function stageStatus(item: StatusResult, ms: readonly ItemMilestone[], c: Pick<MilestoneContext, 'asOf' | 'cal'>): { result: StatusResult; milestone: ItemMilestone } | null {
  if (!OPEN.has(item.status)) return null;
  let missed: ItemMilestone | null = null;
  let next: ItemMilestone | null = null;
  for (const m of ms) {
    if (m.deadline === null) continue;
    if (m.status === 'overdue' && (missed === null || m.deadline < missed.deadline!)) missed = m;
    if (m.status === 'due_soon' && (next === null || m.deadline < next.deadline!)) next = m;
  }
  const make = (status: Status, extra: Partial<StatusResult>): StatusResult => ({
    status,
    light: LIGHT_OF[status],
    overdueWorkdays: null,
    overdueDays: null,
    workdaysLeft: null,
    lateWorkdays: null,
    ...extra,
  });
  if (missed && item.status !== 'overdue') {
    return {
      result: make('overdue', { overdueWorkdays: c.cal.workdaysBetween(missed.deadline!, c.asOf), overdueDays: daysBetween(missed.deadline!, c.asOf) }),
      milestone: missed,
    };
  }
  if (!missed && next && item.status !== 'overdue' && item.status !== 'due_soon') {
    return { result: make('due_soon', { workdaysLeft: c.cal.workdaysBetween(c.asOf, next.deadline!) }), milestone: next };
  }
  return null;
}
