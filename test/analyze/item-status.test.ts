/** Spec §4 statuses and day counts, table-driven, as of Wednesday 2026-11-25. */
import { describe, expect, it } from 'vitest';
import { statusOf, type StatusInput } from '../../pipeline/analyze/item-status.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';

const cal = createCalendar();
const T = '2026-11-25';
const open = (deadline: string | null, ongoing = false): StatusInput => ({ done: false, closedUnfinished: false, completedOn: null, deadline, ongoing });

describe('statusOf', () => {
  it.each([
    // 10/8, 10/9, 10/10 (补班), then six weeks of five to 11/20, plus 11/23–25: 3 + 30 + 3 = 36.
    ['overdue across 国庆', open('2026-09-30'), { status: 'overdue', light: 'red', overdueWorkdays: 36, overdueDays: 56, workdaysLeft: null }],
    ['overdue by a weekend only', open('2026-11-21'), { status: 'overdue', light: 'red', overdueWorkdays: 3, overdueDays: 4, workdaysLeft: null }],
    ['due today', open('2026-11-25'), { status: 'due_soon', light: 'yellow', workdaysLeft: 0 }],
    ['due in 3 working days', open('2026-11-30'), { status: 'due_soon', light: 'yellow', workdaysLeft: 3 }],
    ['due in 4 working days', open('2026-12-01'), { status: 'on_track', light: 'green', workdaysLeft: 4 }],
    ['deadline on a Sunday', open('2026-11-29'), { status: 'due_soon', workdaysLeft: 2 }],
    ['ongoing, no date', open(null, true), { status: 'ongoing', light: 'green' }],
    ['ongoing whose date passed', open('2026-06-30', true), { status: 'ongoing', light: 'green', overdueWorkdays: null }],
    ['ongoing before its date', open('2026-12-31', true), { status: 'on_track' }],
    ['no deadline', open(null), { status: 'no_deadline', light: 'gray' }],
    ['done on time', { ...open('2026-10-30'), done: true, completedOn: '2026-10-30' }, { status: 'done_on_time', light: 'blue', overdueWorkdays: null }],
    ['done late', { ...open('2026-10-30'), done: true, completedOn: '2026-11-03' }, { status: 'done_late', light: 'blue', overdueWorkdays: null, lateWorkdays: 2 }],
    ['done, no deadline', { ...open(null), done: true, completedOn: '2026-11-03' }, { status: 'done_on_time' }],
    ['无法办结', { ...open('2026-10-30'), closedUnfinished: true }, { status: 'closed_unfinished', light: 'gray', overdueWorkdays: null }],
  ] as const)('%s', (_name, input, want) => {
    expect(statusOf(input, T, cal, 3)).toMatchObject(want);
  });
  it('the due-soon window is configurable', () => {
    expect(statusOf(open('2026-12-01'), T, cal, 4).status).toBe('due_soon');
    expect(statusOf(open('2026-11-26'), T, cal, 0).status).toBe('on_track');
  });
});
