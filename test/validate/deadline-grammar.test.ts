/**
 * The deadline grammar against every deadline phrase of seeds 000, 001, 003 and 004, and the
 * spec §3 table; each row also resolves against a stated base date with the real calendar.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDeadline, type TimeExpr } from '../../pipeline/validate/deadline-grammar.ts';
import { resolveDeadline } from '../../pipeline/analyze/deadline-resolve.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';
import { isValidYmd, type IsoDate } from '../../pipeline/model/dates.ts';

const cal = createCalendar();

type Row = [text: string, time: TimeExpr | null, ongoing: boolean, base: IsoDate, deadline: IsoDate | null, start?: IsoDate];

const mp = (year: number | null, month: number, part: 'early' | 'mid' | 'end'): TimeExpr => ({ kind: 'monthPart', year, month, part });
const dt = (year: number | null, month: number, day: number): TimeExpr => ({ kind: 'date', year, month, day });
const range = (year: number | null, fromMonth: number, toYear: number | null, toMonth: number, toPart?: 'early' | 'mid'): TimeExpr => ({
  kind: 'monthRange',
  year,
  fromMonth,
  toYear,
  toMonth,
  ...(toPart ? { toPart } : {}),
});

function check([text, time, ongoing, base, deadline, start]: Row): void {
  const r = parseDeadline(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  expect(r.spec.time).toEqual(time);
  expect(r.spec.ongoing).toBe(ongoing);
  expect(r.spec.text).toBe(text.trim());
  const resolved = resolveDeadline(r.spec, base, cal);
  expect(resolved.deadline).toBe(deadline);
  expect(resolved.start).toBe(start ?? null);
}

// Seed 001 (辽宁科技学院, 2020年6月4日): the 完成时限 of its task list, base = the plan's date.
const SEED_001: Row[] = [
  ['2020年5月底前', mp(2020, 5, 'end'), false, '2020-06-04', '2020-05-31'],
  ['2020年6月-9月', range(2020, 6, 2020, 9), false, '2020-06-04', '2020-09-30', '2020-06-01'],
  ['2020年6月中旬前', mp(2020, 6, 'mid'), false, '2020-06-04', '2020-06-20'],
  ['2020年11月中旬前', mp(2020, 11, 'mid'), false, '2020-06-04', '2020-11-20'],
  ['2020年11月底前', mp(2020, 11, 'end'), false, '2020-06-04', '2020-11-30'],
  ['2020年12月底前', mp(2020, 12, 'end'), false, '2020-06-04', '2020-12-31'],
  ['长期坚持', null, true, '2020-06-04', null],
  ['常态化推进', null, true, '2020-06-04', null],
  ['12月底前，长期坚持', mp(null, 12, 'end'), true, '2020-06-04', '2020-12-31'],
  ['12月底前', mp(null, 12, 'end'), false, '2020-06-04', '2020-12-31'],
  ['12月底前  ', mp(null, 12, 'end'), false, '2020-06-04', '2020-12-31'],
];

// Seed 000 (辽宁科技大学, 2022): 整改时限 "具体到月", 是否完成 times, and the submission deadlines.
const SEED_000: Row[] = [
  ['11月底', mp(null, 11, 'end'), false, '2022-11-10', '2022-11-30'],
  ['12月中旬', mp(null, 12, 'mid'), false, '2022-11-10', '2022-12-20'],
  ['12月底', mp(null, 12, 'end'), false, '2022-11-10', '2022-12-31'],
  ['23年2月', mp(2023, 2, 'end'), false, '2022-11-10', '2023-02-28'],
  ['11月12日前', dt(null, 11, 12), false, '2022-11-01', '2022-11-12'],
  ['12月1日前', dt(null, 12, 1), false, '2022-11-01', '2022-12-01'],
  ['12月7日前', dt(null, 12, 7), false, '2022-11-01', '2022-12-07'],
];

// Seed 004 (武汉理工大学) art. 22–23 and seed 003 (广西科技大学) art. 9: relative terms.
const SEED_003_004: Row[] = [
  // 2025-09-26 (Fri) + 10 working days: 9/28 补班, 9/29, 9/30, 10/9, 10/10, 10/11 补班, 10/13–10/16.
  ['10个工作日', { kind: 'workdays', n: 10 }, false, '2025-09-26', '2025-10-16'],
  ['当年年底', { kind: 'yearEnd', year: null }, false, '2025-09-26', '2025-12-31'],
  ['3个月', { kind: 'months', n: 3 }, false, '2025-09-26', '2025-12-26'],
  ['3个月内', { kind: 'months', n: 3 }, false, '2025-11-30', '2026-02-28'],
  ['5个工作日', { kind: 'workdays', n: 5 }, false, '2026-02-12', '2026-02-26'],
  ['1个月内', { kind: 'months', n: 1 }, false, '2025-01-31', '2025-02-28'],
];

// The rest of the spec §3 table.
const SPEC: Row[] = [
  ['2025-11-03', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['2025/11/3', dt(2025, 11, 3), false, '2025-12-01', '2025-11-03'],
  ['2025.11.3', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['2025年11月3日', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['20251103', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['2025/11/3 9:30', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['2025-11-03 09:30:00', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['2025年11月3日前', dt(2025, 11, 3), false, '2025-01-01', '2025-11-03'],
  ['二〇二六年十二月三十一日', dt(2026, 12, 31), false, '2026-01-01', '2026-12-31'],
  ['11月30日', dt(null, 11, 30), false, '2025-11-30', '2025-11-30'],
  ['11月30日前', dt(null, 11, 30), false, '2025-12-01', '2026-11-30'],
  ['2月29日前', dt(null, 2, 29), false, '2025-03-01', '2028-02-29'],
  ['11月', mp(null, 11, 'end'), false, '2025-11-03', '2025-11-30'],
  ['11月份', mp(null, 11, 'end'), false, '2025-12-15', '2026-11-30'],
  ['11月底', mp(null, 11, 'end'), false, '2025-11-30', '2025-11-30'],
  ['11月末', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月下旬', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月前', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月以前', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月之前', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月内', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月底前', mp(null, 11, 'end'), false, '2025-01-01', '2025-11-30'],
  ['11月上旬', mp(null, 11, 'early'), false, '2025-01-01', '2025-11-10'],
  ['11月上旬前', mp(null, 11, 'early'), false, '2025-11-11', '2026-11-10'],
  ['11月中旬前', mp(null, 11, 'mid'), false, '2025-01-01', '2025-11-20'],
  ['2月', mp(null, 2, 'end'), false, '2027-12-01', '2028-02-29'],
  ['2020年5月底前', mp(2020, 5, 'end'), false, '2020-06-04', '2020-05-31'],
  ['2023年2月', mp(2023, 2, 'end'), false, '2022-11-10', '2023-02-28'],
  ['2024年2月底', mp(2024, 2, 'end'), false, '2024-01-01', '2024-02-29'],
  ['6月-9月', range(null, 6, null, 9), false, '2025-03-01', '2025-09-30', '2025-06-01'],
  ['6月-9月', range(null, 6, null, 9), false, '2025-10-01', '2026-09-30', '2026-06-01'],
  ['6月-9月', range(null, 6, null, 9), false, '2025-07-15', '2025-09-30', '2025-06-01'],
  ['2020年6月—9月', range(2020, 6, 2020, 9), false, '2020-06-04', '2020-09-30', '2020-06-01'],
  ['6至9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6月至9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6—9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6–9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6~9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6～9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6到9月', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6月到9月底', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6月底-9月底', range(null, 6, null, 9), false, '2025-01-01', '2025-09-30', '2025-06-01'],
  ['6月中旬至7月上旬', range(null, 6, null, 7, 'early'), false, '2025-07-10', '2025-07-10', '2025-06-01'],
  ['6月至7月中旬', range(null, 6, null, 7, 'mid'), false, '2025-07-21', '2026-07-20', '2026-06-01'],
  ['2022年11月-2023年2月', range(2022, 11, 2023, 2), false, '2022-11-10', '2023-02-28', '2022-11-01'],
  ['2022年11月-2月', range(2022, 11, 2023, 2), false, '2022-11-10', '2023-02-28', '2022-11-01'],
  ['11月-2月', range(null, 11, null, 2), false, '2022-10-10', '2023-02-28', '2022-11-01'],
  // Written in January, the range that started in November is still running.
  ['11月-2月', range(null, 11, null, 2), false, '2023-01-15', '2023-02-28', '2022-11-01'],
  ['年底', { kind: 'yearEnd', year: null }, false, '2025-03-01', '2025-12-31'],
  ['年底前', { kind: 'yearEnd', year: null }, false, '2025-03-01', '2025-12-31'],
  ['年内', { kind: 'yearEnd', year: null }, false, '2025-03-01', '2025-12-31'],
  ['2026年底', { kind: 'yearEnd', year: 2026 }, false, '2025-03-01', '2026-12-31'],
  ['2026年年底前', { kind: 'yearEnd', year: 2026 }, false, '2025-03-01', '2026-12-31'],
  ['10个工作日内', { kind: 'workdays', n: 10 }, false, '2026-09-28', '2026-10-16'],
  ['十个工作日', { kind: 'workdays', n: 10 }, false, '2026-02-09', '2026-02-28'],
  ['30日内', { kind: 'days', n: 30 }, false, '2025-12-15', '2026-01-14'],
  ['30天内', { kind: 'days', n: 30 }, false, '2025-12-15', '2026-01-14'],
  ['5天', { kind: 'days', n: 5 }, false, '2025-12-30', '2026-01-04'],
  ['2周内', { kind: 'weeks', n: 2 }, false, '2025-12-25', '2026-01-08'],
  ['两周内', { kind: 'weeks', n: 2 }, false, '2025-12-25', '2026-01-08'],
  ['3个月内', { kind: 'months', n: 3 }, false, '2025-11-30', '2026-02-28'],
  ['三个月内', { kind: 'months', n: 3 }, false, '2023-11-30', '2024-02-29'],
  ['半年内', { kind: 'months', n: 6 }, false, '2025-08-31', '2026-02-28'],
  ['5月底前动工', mp(null, 5, 'end'), false, '2025-01-01', '2025-05-31'],
  ['9月投入使用', mp(null, 9, 'end'), false, '2025-01-01', '2025-09-30'],
  ['12月底前完成并上报', mp(null, 12, 'end'), false, '2025-01-01', '2025-12-31'],
  ['十二月底前', mp(null, 12, 'end'), false, '2025-01-01', '2025-12-31'],
  ['１２月底前', mp(null, 12, 'end'), false, '2025-01-01', '2025-12-31'],
  ['（12月底前）', mp(null, 12, 'end'), false, '2025-01-01', '2025-12-31'],
  ['请于11月30日前报送', dt(null, 11, 30), false, '2025-01-01', '2025-11-30'],
  // Beyond the table: forms secretaries write that the grammar also reads.
  ['2022-12', mp(2022, 12, 'end'), false, '2022-11-10', '2022-12-31'],
  ['2022/12', mp(2022, 12, 'end'), false, '2022-11-10', '2022-12-31'],
  ['2022.12', mp(2022, 12, 'end'), false, '2022-11-10', '2022-12-31'],
  ['2026年第一季度', mp(2026, 3, 'end'), false, '2025-11-10', '2026-03-31'],
  ['三季度末', mp(null, 9, 'end'), false, '2025-11-10', '2026-09-30'],
  ['今年底', { kind: 'yearEnd', year: null }, false, '2025-11-10', '2025-12-31'],
  ['本年度内', { kind: 'yearEnd', year: null }, false, '2025-11-10', '2025-12-31'],
  ['上半年', mp(null, 6, 'end'), false, '2025-11-10', '2026-06-30'],
  ['2026年下半年', { kind: 'yearEnd', year: 2026 }, false, '2025-11-10', '2026-12-31'],
  ['5个自然日', { kind: 'days', n: 5 }, false, '2025-11-10', '2025-11-15'],
  ['即日起至12月31日', dt(null, 12, 31), false, '2025-11-10', '2025-12-31'],
  ['12月底前（长期坚持）', mp(null, 12, 'end'), true, '2025-11-10', '2025-12-31'],
  ['持续推进', null, true, '2025-01-01', null],
  ['长期坚持，每年12月底前报告', mp(null, 12, 'end'), true, '2025-01-01', '2025-12-31'],
  ['常态化，2026年6月底前见效', mp(2026, 6, 'end'), true, '2025-01-01', '2026-06-30'],
];

describe.each([
  ['seed 001', SEED_001],
  ['seed 000', SEED_000],
  ['seeds 003/004', SEED_003_004],
  ['spec §3', SPEC],
] as const)('%s', (_name, rows) => {
  it.each(rows)('%s (base %s)', (...row) => check(row as Row));
});

describe('what is refused', () => {
  it.each(['尽快', '马上', '待定', '0个工作日', '2023年11月-2022年2月', '9999年12月底', '2022-13', '底', 'abc', '？'])('%j', (text) => {
    const r = parseDeadline(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`「${text}」`);
      expect(r.hint).toMatch(/11月底/u);
      expect(r.hint).toMatch(/工作日/u);
    }
  });

  it.each([
    ['2026-02-30', '2026年2月没有30日'],
    ['13月底', '没有13月'],
    ['11月32日', '11月没有32日'],
    ['2026年13月', '没有13月'],
  ])('%j: says which part of the date does not exist instead of listing the forms', (text, what) => {
    const r = parseDeadline(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe(`时限「${text}」中的日期不存在：${what}`);
      expect(r.hint).not.toMatch(/工作日/u);
    }
  });

  it('returns ok:false for empty text, which the caller fills from defaults', () => {
    for (const text of ['', '   ', '\u3000']) expect(parseDeadline(text).ok).toBe(false);
  });
});

describe('never throws', () => {
  const phrase = fc.string({ unit: fc.constantFrom(...'0123456789年月日号底末内前旬上中下个工作天周至到-—~～，（）长期常态化持续十二〇两半份当'.split('')), maxLength: 20 });
  const validResolution = (s: string) => {
    const r = parseDeadline(s);
    if (!r.ok || r.spec.time === null) return;
    for (const base of ['2025-01-01', '2025-12-31', '2028-02-29'] as const) {
      const { deadline, start } = resolveDeadline(r.spec, base, cal);
      for (const d of [deadline, start]) {
        if (d === null) continue;
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
        expect(isValidYmd(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))), `${s} → ${d}`).toBe(true);
      }
      if (start !== null && deadline !== null) expect(start <= deadline, s).toBe(true);
    }
  };
  it('on any string, and every resolved deadline is a real date', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), validResolution), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), validResolution), { numRuns: 500 });
    fc.assert(fc.property(phrase, validResolution), { numRuns: 3000 });
  });
  it('on strings that are not strings at all', () => {
    expect(parseDeadline(undefined as unknown as string).ok).toBe(false);
    expect(parseDeadline(42 as unknown as string).ok).toBe(false);
  });
});
