import { describe, expect, it } from 'vitest';
import { defaultDeadline, resolveDeadline, resolveTime, uncoveredYears } from '../../pipeline/analyze/deadline-resolve.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import type { DeadlineSpec, TimeExpr } from '../../pipeline/validate/deadline-grammar.ts';

const cal = createCalendar();
const spec = (time: TimeExpr | null, ongoing = false): DeadlineSpec => ({ time, ongoing, text: '' });

describe('resolveDeadline', () => {
  it('leaves a purely ongoing text without a deadline', () => {
    expect(resolveDeadline(spec(null, true), '2025-03-01', cal)).toEqual({ deadline: null, start: null });
  });

  it('takes the first yearless date on or after the base date, the base date itself included', () => {
    const t: TimeExpr = { kind: 'date', year: null, month: 3, day: 1 };
    expect(resolveTime(t, '2025-03-01', cal).deadline).toBe('2025-03-01');
    expect(resolveTime(t, '2025-03-02', cal).deadline).toBe('2026-03-01');
    expect(resolveTime({ kind: 'date', year: null, month: 2, day: 29 }, '2024-02-29', cal).deadline).toBe('2024-02-29');
    expect(resolveTime({ kind: 'date', year: null, month: 2, day: 29 }, '2024-03-01', cal).deadline).toBe('2028-02-29');
  });

  it('does the same for month parts', () => {
    const mid: TimeExpr = { kind: 'monthPart', year: null, month: 12, part: 'mid' };
    expect(resolveTime(mid, '2025-12-20', cal).deadline).toBe('2025-12-20');
    expect(resolveTime(mid, '2025-12-21', cal).deadline).toBe('2026-12-20');
    const early: TimeExpr = { kind: 'monthPart', year: null, month: 1, part: 'early' };
    expect(resolveTime(early, '2025-11-10', cal).deadline).toBe('2026-01-10');
  });

  it('keeps an explicit year even when it lies before the base date', () => {
    expect(resolveTime({ kind: 'monthPart', year: 2020, month: 5, part: 'end' }, '2020-06-04', cal).deadline).toBe('2020-05-31');
    expect(resolveTime({ kind: 'yearEnd', year: 2024 }, '2025-06-01', cal).deadline).toBe('2024-12-31');
  });

  it('resolves month ranges to the end of the last month and keeps the start', () => {
    const r = (t: TimeExpr, base: string) => resolveTime(t, base, cal);
    expect(r({ kind: 'monthRange', year: null, fromMonth: 6, toYear: null, toMonth: 9 }, '2025-09-30')).toEqual({ deadline: '2025-09-30', start: '2025-06-01' });
    expect(r({ kind: 'monthRange', year: null, fromMonth: 6, toYear: null, toMonth: 9 }, '2025-10-01')).toEqual({ deadline: '2026-09-30', start: '2026-06-01' });
    expect(r({ kind: 'monthRange', year: null, fromMonth: 11, toYear: null, toMonth: 2 }, '2024-12-01')).toEqual({ deadline: '2025-02-28', start: '2024-11-01' });
    expect(r({ kind: 'monthRange', year: null, fromMonth: 11, toYear: null, toMonth: 2 }, '2025-03-01')).toEqual({ deadline: '2026-02-28', start: '2025-11-01' });
    expect(r({ kind: 'monthRange', year: 2022, fromMonth: 11, toYear: 2023, toMonth: 2 }, '2022-11-10')).toEqual({ deadline: '2023-02-28', start: '2022-11-01' });
  });

  it('counts working days, days, weeks and months from the base date, and never moves a deadline off a day off', () => {
    // 2026-09-30 + 1 working day skips the whole National Day holiday.
    expect(resolveTime({ kind: 'workdays', n: 1 }, '2026-09-30', cal).deadline).toBe('2026-10-08');
    // 2026-09-26 + 5 days = 10-01, a holiday: kept as it is.
    expect(resolveTime({ kind: 'days', n: 5 }, '2026-09-26', cal).deadline).toBe('2026-10-01');
    expect(resolveTime({ kind: 'weeks', n: 2 }, '2026-02-08', cal).deadline).toBe('2026-02-22');
    expect(resolveTime({ kind: 'months', n: 1 }, '2024-01-31', cal).deadline).toBe('2024-02-29');
    expect(resolveTime({ kind: 'months', n: 12 }, '2024-02-29', cal).deadline).toBe('2025-02-28');
    expect(resolveTime({ kind: 'yearEnd', year: null }, '2026-01-01', cal).deadline).toBe('2026-12-31');
  });
});

describe('defaultDeadline (seed 004 art. 22)', () => {
  it('gives a meeting decision 10 working days from the minutes', () => {
    expect(defaultDeadline('会议决策', '2025-09-26', cal)).toBe('2025-10-16');
    expect(defaultDeadline('会议决策', '2026-02-09', cal)).toBe('2026-02-28');
  });
  it('gives annual key work the end of its year', () => {
    expect(defaultDeadline('年度重点工作', '2026-03-15', cal)).toBe('2026-12-31');
  });
  it('gives nothing otherwise, or without an assignment date', () => {
    for (const source of ['领导批示', '上级交办', '提案信访', '其他', '']) expect(defaultDeadline(source, '2026-03-15', cal)).toBeNull();
    expect(defaultDeadline('会议决策', null, cal)).toBeNull();
    expect(defaultDeadline('年度重点工作', null, cal)).toBeNull();
  });
});

describe('uncoveredYears', () => {
  it('names the years the calendar does not know, in either order', () => {
    expect(uncoveredYears(cal, '2025-03-01', '2026-12-31')).toEqual([]);
    expect(uncoveredYears(cal, '2026-11-01', '2027-01-10')).toEqual([2027]);
    expect(uncoveredYears(cal, '2028-01-10', '2026-11-01')).toEqual([2027, 2028]);
    expect(uncoveredYears(cal, '2003-12-01', '2004-01-10')).toEqual([2003]);
  });
  it('takes the overrides into account', () => {
    const withNext = createCalendar([{ date: '2027-01-01', off: true }]);
    expect(uncoveredYears(withNext, '2026-11-01', '2027-01-10')).toEqual([]);
  });
});
