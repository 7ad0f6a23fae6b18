/** 常态化 / 长期坚持 (seed 001) are ongoing, never overdue — with or without a stated date. */
import { describe, expect, it } from 'vitest';
import { statusOf, type StatusInput } from '../../pipeline/analyze/item-status.ts';
import { weekdayCalendar } from './weekday-calendar.ts';

const cal = weekdayCalendar();
const open = (deadline: string | null, ongoing: boolean): StatusInput => ({ done: false, closedUnfinished: false, completedOn: null, deadline, ongoing });

describe('statusOf for campaign tasks', () => {
  it('常态化推进 / 长期坚持 (no date) is ongoing, green, at any date', () => {
    for (const asOf of ['2020-06-04', '2020-11-20', '2021-01-15', '2030-01-01']) {
      expect(statusOf(open(null, true), asOf, cal, 3)).toMatchObject({ status: 'ongoing', light: 'green', overdueDays: null, overdueWorkdays: null });
    }
  });

  it('12月底前，长期坚持: tracked to 2020-12-31, then ongoing instead of overdue', () => {
    expect(statusOf(open('2020-12-31', true), '2020-11-20', cal, 3)).toMatchObject({ status: 'on_track', light: 'green' });
    expect(statusOf(open('2020-12-31', true), '2020-12-29', cal, 3)).toMatchObject({ status: 'due_soon', light: 'yellow' });
    expect(statusOf(open('2020-12-31', true), '2021-01-15', cal, 3)).toMatchObject({ status: 'ongoing', light: 'green', overdueDays: null });
  });

  it('12月底前 alone is overdue once the date passes', () => {
    expect(statusOf(open('2020-12-31', false), '2021-01-15', cal, 3)).toMatchObject({ status: 'overdue', light: 'red', overdueDays: 15, overdueWorkdays: 11 });
  });

  it('a done ongoing task is done, not ongoing', () => {
    expect(statusOf({ ...open('2020-12-31', true), done: true, completedOn: '2020-12-20' }, '2021-01-15', cal, 3).status).toBe('done_on_time');
  });
});
