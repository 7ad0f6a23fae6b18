import { describe, expect, it } from 'vitest';
import { isPeriodError, parsePeriod, periodOfMonth, type Period } from '../../pipeline/aggregate/period.ts';
import { reportKindWord } from '../../pipeline/render/words.ts';

function ok(text: string): Period {
  const p = parsePeriod(text);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

describe('parsePeriod', () => {
  it.each([
    ['2026-11', '2026-11', 'month', '2026年11月', '2026-11-01', '2026-11-30', 1],
    ['2026-1', '2026-01', 'month', '2026年1月', '2026-01-01', '2026-01-31', 1],
    ['2026/02', '2026-02', 'month', '2026年2月', '2026-02-01', '2026-02-28', 1],
    ['2028-02', '2028-02', 'month', '2028年2月', '2028-02-01', '2028-02-29', 1],
    ['202612', '2026-12', 'month', '2026年12月', '2026-12-01', '2026-12-31', 1],
    [' 2026q4 ', '2026Q4', 'quarter', '2026年第四季度', '2026-10-01', '2026-12-31', 3],
    ['2026Q1', '2026Q1', 'quarter', '2026年第一季度', '2026-01-01', '2026-03-31', 3],
    ['2026Q2', '2026Q2', 'quarter', '2026年第二季度', '2026-04-01', '2026-06-30', 3],
    ['2026Q3', '2026Q3', 'quarter', '2026年第三季度', '2026-07-01', '2026-09-30', 3],
    ['2026H1', '2026H1', 'half', '2026年上半年', '2026-01-01', '2026-06-30', 6],
    ['2026h2', '2026H2', 'half', '2026年下半年', '2026-07-01', '2026-12-31', 6],
    ['2026', '2026', 'year', '2026年', '2026-01-01', '2026-12-31', 12],
    ['２０２６－１１', '2026-11', 'month', '2026年11月', '2026-11-01', '2026-11-30', 1],
  ])('%s', (text, id, kind, label, start, end, monthCount) => {
    const p = ok(text);
    expect(p).toMatchObject({ id, kind, label, start, end });
    expect(p.months).toHaveLength(monthCount);
    expect(p.months[0]).toBe(start.slice(0, 7));
    expect(p.months.at(-1)).toBe(end.slice(0, 7));
  });

  it.each(['', '2026-13', '2026-00', '2026Q5', '2026Q0', '2026H3', '26-11', '2026-11-01', '十一月', '1899', '20261', 'abc', '2026 11'])('rejects %j with a Chinese message', (text) => {
    const p = parsePeriod(text);
    expect(isPeriodError(p)).toBe(true);
    if (isPeriodError(p)) expect(p.error).toMatch(/统计期间/);
  });

  it('lists the accepted forms for unknown input', () => {
    const p = parsePeriod('下个月');
    expect(isPeriodError(p) && p.error).toContain('2026Q4');
  });
});

describe('periodOfMonth', () => {
  it.each([
    ['2026-11-25', '2026-11', '2026-11-30'],
    ['2026-12-31', '2026-12', '2026-12-31'],
    ['2027-01-01', '2027-01', '2027-01-31'],
  ])('%s', (asOf, id, end) => {
    expect(periodOfMonth(asOf)).toMatchObject({ id, end });
  });
});

it('names the report after its period kind', () => {
  expect(['2026-11', '2026Q4', '2026H2', '2026'].map((t) => reportKindWord(ok(t).kind))).toEqual(['月报', '季报', '半年报', '年报']);
});
