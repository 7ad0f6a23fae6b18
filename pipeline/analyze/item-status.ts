/**
 * Status, light and day counts of spec §4, shared by 督办事项 and tracked campaign rows.
 * Ongoing work (常态化, 长期坚持) is never overdue: once its stated date passes it is simply ongoing.
 */
import type { Light, Status } from '../model/analysis.ts';
import { daysBetween, type IsoDate } from '../model/dates.ts';
import type { WorkdayCalendar } from './workday-calendar.ts';

export interface StatusInput {
  done: boolean;
  closedUnfinished: boolean;
  completedOn: IsoDate | null;
  /** Effective deadline (延期至 when given). */
  deadline: IsoDate | null;
  ongoing: boolean;
}

export interface StatusResult {
  status: Status;
  light: Light;
  /** Open and past the deadline only: working days in (deadline, T]. */
  overdueWorkdays: number | null;
  overdueDays: number | null;
  /** Open with a deadline on or after T only: working days in (T, deadline]. */
  workdaysLeft: number | null;
  /** done_late only: working days in (deadline, completion]. */
  lateWorkdays: number | null;
}

export const LIGHT_OF: Record<Status, Light> = {
  overdue: 'red',
  due_soon: 'yellow',
  on_track: 'green',
  ongoing: 'green',
  done_on_time: 'blue',
  done_late: 'blue',
  no_deadline: 'gray',
  closed_unfinished: 'gray',
};

export function statusOf(x: StatusInput, asOf: IsoDate, cal: WorkdayCalendar, dueSoonWorkdays: number): StatusResult {
  const r = (status: Status, extra: Partial<StatusResult> = {}): StatusResult => ({
    status,
    light: LIGHT_OF[status],
    overdueWorkdays: null,
    overdueDays: null,
    workdaysLeft: null,
    lateWorkdays: null,
    ...extra,
  });
  if (x.closedUnfinished) return r('closed_unfinished');
  if (x.done) {
    if (x.deadline === null || x.completedOn === null || x.completedOn <= x.deadline) return r('done_on_time');
    // The overdue counts describe open work; how late finished work was is counted to its completion.
    return r('done_late', { lateWorkdays: cal.workdaysBetween(x.deadline, x.completedOn) });
  }
  if (x.deadline === null) return r(x.ongoing ? 'ongoing' : 'no_deadline');
  if (asOf > x.deadline) {
    if (x.ongoing) return r('ongoing');
    return r('overdue', {
      overdueWorkdays: cal.workdaysBetween(x.deadline, asOf),
      overdueDays: daysBetween(x.deadline, asOf),
    });
  }
  const left = cal.workdaysBetween(asOf, x.deadline);
  return r(left <= dueSoonWorkdays ? 'due_soon' : 'on_track', { workdaysLeft: left });
}
