/**
 * Every deadline phrase of the seeds (000, 001, 003, 004), and the rest of spec §3's grammar,
 * table-driven: text → time expression → date for a stated base date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline, type TimeExpr } from '../../pipeline/validate/deadline-grammar.ts';
import { resolveDeadline, defaultDeadline } from '../../pipeline/analyze/deadline-resolve.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import { parseDate } from '../../pipeline/validate/date-parse.ts';

const cal = createCalendar();

type Row = [text: string, base: string, time: TimeExpr | null, ongoing: boolean, deadline: string | null];

const mp = (month: number, part: 'early' | 'mid' | 'end', year: number | null = null): TimeExpr => ({ kind: 'monthPart', year, month, part });

const SEEDS: Row[] = [
  // seed 001 (实施方案 二、工作任务 and 附件2), base = the plan's date 2020-06-04
  ['2020年5月底前', '2020-06-04', mp(5, 'end', 2020), false, '2020-05-31'],
  ['2020年6月-9月', '2020-06-04', { kind: 'monthRange', year: 2020, fromMonth: 6, toYear: 2020, toMonth: 9 }, false, '2020-09-30'],
  ['2020年6月中旬前', '2020-06-04', mp(6, 'mid', 2020), false, '2020-06-20'],
  ['2020年11月中旬前', '2020-06-04', mp(11, 'mid', 2020), false, '2020-11-20'],
  ['2020年11月底前', '2020-06-04', mp(11, 'end', 2020), false, '2020-11-30'],
  ['2020年12月底前', '2020-06-04', mp(12, 'end', 2020), false, '2020-12-31'],
  ['12月底前', '2020-06-04', mp(12, 'end'), false, '2020-12-31'],
  ['12月底前，长期坚持', '2020-06-04', mp(12, 'end'), true, '2020-12-31'],
  ['常态化推进', '2020-06-04', null, true, null],
  ['长期坚持', '2020-06-04', null, true, null],
  // seed 000 (自查表 整改时限, 整改表 完成时限, submission dates), base = 填报日期 2022-11-10
  ['11月底', '2022-11-10', mp(11, 'end'), false, '2022-11-30'],
  ['12月中旬', '2022-11-10', mp(12, 'mid'), false, '2022-12-20'],
  ['12月底', '2022-11-10', mp(12, 'end'), false, '2022-12-31'],
  ['23年2月', '2022-11-10', mp(2, 'end', 2023), false, '2023-02-28'],
  ['11月12日前', '2022-11-01', { kind: 'date', year: null, month: 11, day: 12 }, false, '2022-11-12'],
  ['12月1日前', '2022-11-01', { kind: 'date', year: null, month: 12, day: 1 }, false, '2022-12-01'],
  ['12月7日前', '2022-11-01', { kind: 'date', year: null, month: 12, day: 7 }, false, '2022-12-07'],
  ['2022年11月1日—11月30日', '2022-11-01', { kind: 'date', year: 2022, month: 11, day: 1 }, false, '2022-11-01'],
  // seed 002: 11月底前
  ['11月底前', '2023-04-07', mp(11, 'end'), false, '2023-11-30'],
  // seed 004 art. 22: 10个工作日 from the minutes, 当年年底, extension 3个月
  ['10个工作日', '2026-09-24', { kind: 'workdays', n: 10 }, false, '2026-10-15'],
  ['当年年底', '2026-03-02', { kind: 'yearEnd', year: null }, false, '2026-12-31'],
  ['3个月内', '2026-11-30', { kind: 'months', n: 3 }, false, '2027-02-28'],
];

const GRAMMAR: Row[] = [
  ['2025-11-03', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['2025/11/3', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['2025.11.3', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['2025年11月3日', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['20251103', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['2025/11/3 9:30', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['２０２５年１１月３日', '2025-01-01', { kind: 'date', year: 2025, month: 11, day: 3 }, false, '2025-11-03'],
  ['11月30日', '2025-12-01', { kind: 'date', year: null, month: 11, day: 30 }, false, '2026-11-30'],
  ['11月', '2025-03-01', mp(11, 'end'), false, '2025-11-30'],
  ['11月份', '2025-03-01', mp(11, 'end'), false, '2025-11-30'],
  ['11月末', '2025-03-01', mp(11, 'end'), false, '2025-11-30'],
  ['11月下旬', '2025-03-01', mp(11, 'end'), false, '2025-11-30'],
  ['11月以前', '2025-03-01', mp(11, 'end'), false, '2025-11-30'],
  ['11月上旬之前', '2025-03-01', mp(11, 'early'), false, '2025-11-10'],
  ['十二月底前', '2025-03-01', mp(12, 'end'), false, '2025-12-31'],
  ['2月底', '2024-01-05', mp(2, 'end'), false, '2024-02-29'],
  ['6至9月', '2025-03-01', { kind: 'monthRange', year: null, fromMonth: 6, toYear: null, toMonth: 9 }, false, '2025-09-30'],
  ['6月-9月', '2025-10-01', { kind: 'monthRange', year: null, fromMonth: 6, toYear: null, toMonth: 9 }, false, '2026-09-30'],
  ['2022年11月-2023年2月', '2022-11-01', { kind: 'monthRange', year: 2022, fromMonth: 11, toYear: 2023, toMonth: 2 }, false, '2023-02-28'],
  ['年底', '2025-03-01', { kind: 'yearEnd', year: null }, false, '2025-12-31'],
  ['年底前', '2025-03-01', { kind: 'yearEnd', year: null }, false, '2025-12-31'],
  ['年内', '2025-03-01', { kind: 'yearEnd', year: null }, false, '2025-12-31'],
  ['2026年底', '2025-03-01', { kind: 'yearEnd', year: 2026 }, false, '2026-12-31'],
  ['10个工作日内', '2026-02-09', { kind: 'workdays', n: 10 }, false, '2026-02-28'],
  ['十个工作日内', '2026-02-09', { kind: 'workdays', n: 10 }, false, '2026-02-28'],
  ['30日内', '2026-01-31', { kind: 'days', n: 30 }, false, '2026-03-02'],
  ['30天内', '2026-01-31', { kind: 'days', n: 30 }, false, '2026-03-02'],
  ['5天', '2026-01-31', { kind: 'days', n: 5 }, false, '2026-02-05'],
  ['2周内', '2026-01-31', { kind: 'weeks', n: 2 }, false, '2026-02-14'],
  ['两周内', '2026-01-31', { kind: 'weeks', n: 2 }, false, '2026-02-14'],
  ['3个月内', '2026-01-31', { kind: 'months', n: 3 }, false, '2026-04-30'],
  ['1个月内', '2026-01-31', { kind: 'months', n: 1 }, false, '2026-02-28'],
  ['5月底前动工', '2026-03-01', mp(5, 'end'), false, '2026-05-31'],
  ['9月投入使用', '2026-03-01', mp(9, 'end'), false, '2026-09-30'],
  ['12月底前完成并上报', '2026-03-01', mp(12, 'end'), false, '2026-12-31'],
  ['于11月30日前完成', '2026-03-01', { kind: 'date', year: null, month: 11, day: 30 }, false, '2026-11-30'],
  ['持续推进', '2026-03-01', null, true, null],
  ['长期坚持，每年12月底前总结', '2026-03-01', mp(12, 'end'), true, '2026-12-31'],
];

describe.each([
  ['seeds', SEEDS],
  ['grammar', GRAMMAR],
] as const)('%s', (_name, rows) => {
  it.each(rows)('「%s」 (base %s)', (text, base, time, ongoing, deadline) => {
    const p = parseDeadline(text);
    expect(p.ok, text).toBe(true);
    if (!p.ok) return;
    expect(p.spec.time).toEqual(time);
    expect(p.spec.ongoing).toBe(ongoing);
    expect(p.spec.text).toBe(text);
    expect(resolveDeadline(p.spec, base, cal).deadline).toBe(deadline);
  });
});

describe('ranges keep their start', () => {
  it('2020年6月-9月 starts 2020-06-01', () => {
    const p = parseDeadline('2020年6月-9月');
    expect(p.ok && resolveDeadline(p.spec, '2020-06-04', cal)).toEqual({ deadline: '2020-09-30', start: '2020-06-01' });
  });
});

describe('defaults of seed 004', () => {
  it.each([
    ['会议决策', '2026-09-24', '2026-10-15'],
    ['会议决策', '2026-02-09', '2026-02-28'],
    ['年度重点工作', '2026-03-02', '2026-12-31'],
    ['领导批示', '2026-03-02', null],
    ['其他', '2026-03-02', null],
  ])('%s from %s → %s', (source, base, due) => {
    expect(defaultDeadline(source, base, cal)).toBe(due);
  });
});

describe('texts nobody can read', () => {
  it.each(['尽快', '按要求', '待定', '0个工作日', '下周', '', '   '])('「%s」 is an error naming the text and the accepted forms', (text) => {
    const p = parseDeadline(text);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    if (text.trim()) expect(p.message).toContain(text.trim());
    expect(p.hint).toContain('10个工作日内');
  });
});

describe('dates that do not exist', () => {
  it.each([
    ['13月底', '没有13月'],
    ['2月30日', '2月没有30日'],
  ])('「%s」 says %s', (text, what) => {
    const p = parseDeadline(text);
    expect(!p.ok && p.message.includes(text) && p.message.endsWith(what)).toBe(true);
  });
});

describe('never throws', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('2020-01-01', '2026-11-25', '2026-12-31'), (s, base) => {
        const p = parseDeadline(s);
        if (p.ok && p.spec.time) {
          const d = resolveDeadline(p.spec, base, cal).deadline;
          expect(d === null || parseDate(d) === d).toBe(true);
        }
        parseDate(s);
      }),
      { numRuns: 3000 },
    );
  });
  it('on strings built from the grammar’s own pieces', () => {
    const piece = fc.constantFrom(
      '2026',
      '年',
      '23',
      '11',
      '月',
      '底',
      '前',
      '中旬',
      '上旬',
      '-',
      '至',
      '日',
      '30',
      '个',
      '工作日',
      '内',
      '常态化',
      '，',
      '十二',
      '两',
      '周',
      '天',
      '半年',
      '（',
      '）',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const p = parseDeadline(parts.join(''));
        if (p.ok && p.spec.time) {
          const d = resolveDeadline(p.spec, '2026-11-25', cal).deadline;
          expect(d === null || parseDate(d) === d).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('workday arithmetic is consistent', () => {
  it('workdaysBetween(d, addWorkdays(d, n)) = n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 8 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const d = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        expect(cal.workdaysBetween(d, cal.addWorkdays(d, n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
