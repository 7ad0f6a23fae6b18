/**
 * A date in the right form that does not exist gets a message saying which part does not exist,
 * not the list of accepted forms; the issue still names file, row and column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateProblem, leadingDateProblem, parseDate } from '../../pipeline/validate/date-parse.ts';
import { parseDeadline } from '../../pipeline/validate/deadline-grammar.ts';
import { validateItemTable } from '../../pipeline/validate/item-rows.ts';
import { validateSubmissionRequirements } from '../../pipeline/validate/campaign-rows.ts';
import { daysInMonth } from '../../pipeline/model/dates.ts';
import { rawTable } from '../support/raw-table.ts';

describe('dateProblem', () => {
  it.each([
    ['2026-13-01', '没有13月'],
    ['2026-00-10', '没有0月'],
    ['2026-11-31', '2026年11月没有31日'],
    ['2026/11/31', '2026年11月没有31日'],
    ['2026.4.31', '2026年4月没有31日'],
    ['2026年2月30日', '2026年2月没有30日'],
    ['2026年2月29日', '2026年2月没有29日（2026年不是闰年）'],
    ['２０２６－１１－３１', '2026年11月没有31日'],
    ['二〇二六年十一月三十一日', '2026年11月没有31日'],
    ['20261131', '2026年11月没有31日'],
    ['2026-11-31 09:30', '2026年11月没有31日'],
    ['2026-11-00', '没有0日'],
  ])('%s → %s', (text, message) => {
    expect(parseDate(text)).toBeNull();
    expect(dateProblem(text)?.message).toBe(message);
    expect(dateProblem(text)?.hint).not.toMatch(/2026\/11\/3、/); // not the list of forms
  });
  it('names the last day of the month in the hint', () => {
    expect(dateProblem('2026-11-31')?.hint).toContain('2026-11-30');
    expect(dateProblem('2026年2月30日')?.hint).toContain('2026-02-28');
  });
  it.each(['2026-11-30', '2024-02-29', '尽快', '2026/11', '11月3日', '', 'abc', '2026-11-3x'])('%j: no problem to explain', (text) => {
    expect(dateProblem(text)).toBeNull();
  });
  it('explains every impossible day and no real one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 39 }), (y, m, d) => {
        const text = `${y}-${m}-${d}`;
        const last = daysInMonth(y, m);
        if (d <= last) expect(dateProblem(text)).toBeNull();
        else expect(dateProblem(text)?.message.startsWith(`${y}年${m}月没有${d}日`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('deadlines starting with a date that does not exist', () => {
  it.each([
    ['2026-11-31', '2026年11月没有31日'],
    ['2026年2月30日前', '2026年2月没有30日'],
    ['请于2026/11/31前完成', '2026年11月没有31日'],
    ['11月31日前', '11月没有31日'],
    ['13月底前', '没有13月'],
    ['2026年13月', '没有13月'],
  ])('%s → %s', (text, message) => {
    const r = parseDeadline(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`中的日期不存在：${message}`);
      expect(r.hint).not.toContain('10个工作日内'); // not the list of accepted forms
    }
  });
  it.each(['尽快', '下阶段'])('%s still lists the accepted forms', (text) => {
    const r = parseDeadline(text);
    expect(!r.ok && r.hint.includes('10个工作日内')).toBe(true);
  });
  it.each(['2月29日', '11月30日前', '12月底前', '2026-11-30'])('%s is still a deadline', (text) => {
    expect(parseDeadline(text).ok).toBe(true);
    expect(leadingDateProblem(text)).toBeNull();
  });
});

describe('E_DATE and E_DEADLINE issues in a ledger', () => {
  const H = ['编号', '事项', '承办单位', '立项日期', '办结时限'];
  it.each([
    ['2026-13-01', '', 'E_DATE', '立项日期', '「立项日期」的日期不存在：「2026-13-01」，没有13月'],
    ['2026-11-31', '', 'E_DATE', '立项日期', '「立项日期」的日期不存在：「2026-11-31」，2026年11月没有31日'],
    ['2026年2月30日', '', 'E_DATE', '立项日期', '「立项日期」的日期不存在：「2026年2月30日」，2026年2月没有30日'],
    ['2026-11-01', '2026-11-31', 'E_DEADLINE', '办结时限', '2026年11月没有31日'],
    ['十一月三号', '', 'E_DATE', '立项日期', '「立项日期」不是有效日期：「十一月三号」'],
  ])('立项日期 %j, 办结时限 %j → %s in %s', (assigned, deadline, code, column, message) => {
    const r = validateItemTable(rawTable('items', H, [['DB-1', '事项', '教务处', assigned, deadline]]), '2026-11-25');
    const i = r.issues.find((x) => x.code === code)!;
    expect([i.file, i.row, i.column]).toEqual(['台账.csv', 2, column]);
    expect(i.message).toContain(message);
    if (code === 'E_DATE' && message.includes('不存在')) expect(i.hint).not.toContain('2026/11/3、');
    if (message.includes('不是有效日期')) expect(i.hint).toContain('2026/11/3、'); // the forms, where the form is wrong
  });
});

describe('报送要求 截止日期', () => {
  it.each([
    ['2026-11-31', '「截止日期」的日期不存在：「2026-11-31」，2026年11月没有31日'],
    ['11月31日', '「截止日期」的日期不存在：「11月31日」，11月没有31日'],
    ['下个月', '「截止日期」不是有效日期：「下个月」'],
  ])('%s → %s', (due, message) => {
    const r = validateSubmissionRequirements(rawTable('submissionRequirements', ['材料', '截止日期'], [['自查表', due]]), '2026-11-25');
    const i = r.issues.find((x) => x.code === 'E_DATE')!;
    expect([i.file, i.row, i.column, i.message]).toEqual(['台账.csv', 2, '截止日期', message]);
  });
});
