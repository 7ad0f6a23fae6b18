/**
 * Deadline phrases seen in real published task tables (issue 14), table-driven: text → the date
 * it resolves to from a stated base date; recurring ones (每月, 每季度) → the due date of their
 * progress as of T; phrases still not understood stay row errors that quote them.
 */
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../pipeline/validate/deadline-grammar.ts';
import { resolveDeadline } from '../../pipeline/analyze/deadline-resolve.ts';
import { periodDue } from '../../pipeline/analyze/item-milestones.ts';
import { createCalendar } from '../../pipeline/analyze/workday-calendar.ts';

const cal = createCalendar();

// [text, base date, resolved deadline (null: ongoing without a date), ongoing]
const PHRASES: [string, string, string | null, boolean][] = [
  ['5月底前动工', '2026-03-01', '2026-05-31', false],
  ['9月投入使用', '2026-03-01', '2026-09-30', false],
  ['年内', '2026-03-01', '2026-12-31', false],
  ['2018年7月底前', '2018-01-01', '2018-07-31', false],
  ['上半年', '2026-03-01', '2026-06-30', false],
  ['下半年', '2026-03-01', '2026-12-31', false],
  ['一季度', '2026-01-05', '2026-03-31', false],
  ['第三季度末', '2026-03-01', '2026-09-30', false],
  ['春季开学前', '2026-11-02', '2027-02-28', false],
  ['秋季开学前', '2026-03-01', '2026-08-31', false],
  ['春季学期', '2026-01-05', '2026-07-31', false],
  ['秋季学期', '2026-03-01', '2027-01-31', false],
  ['2026年秋季学期末', '2026-03-01', '2027-01-31', false],
  ['暑假前', '2026-03-01', '2026-07-20', false],
  ['寒假前', '2026-03-01', '2027-01-20', false],
  ['全年', '2026-03-01', '2026-12-31', false],
  ['年中', '2026-03-01', '2026-06-30', false],
  ['2025年—2027年', '2025-03-01', '2027-12-31', false],
  ['3月——9月', '2026-01-01', '2026-09-30', false],
  ['持续推进', '2026-03-01', null, true],
  ['长期坚持', '2026-03-01', null, true],
];

describe('phrases of real task tables', () => {
  it.each(PHRASES)('「%s」 (base %s) → %s', (text, base, deadline, ongoing) => {
    const p = parseDeadline(text);
    expect(p.ok, text).toBe(true);
    if (!p.ok) return;
    expect(p.spec.ongoing).toBe(ongoing);
    expect(p.spec.text).toBe(text);
    expect(resolveDeadline(p.spec, base, cal).deadline).toBe(deadline);
  });
});

// [text, as-of date, the period the check recurs in, the due date of its progress]
const RECURRING: [string, string, string, string][] = [
  ['每月', '2026-11-25', 'month', '2026-11-30'],
  ['每月10日前', '2026-11-05', 'month', '2026-11-10'],
  ['每月10日前', '2026-11-25', 'month', '2026-12-10'],
  ['每月10日前', '2026-12-25', 'month', '2027-01-10'],
  ['每季度', '2026-11-25', 'quarter', '2026-12-31'],
  ['每季度', '2026-04-01', 'quarter', '2026-06-30'],
  ['按季度报送', '2026-02-10', 'quarter', '2026-03-31'],
  ['每半年', '2026-03-01', 'half', '2026-06-30'],
  ['每年', '2026-03-01', 'year', '2026-12-31'],
  ['每周', '2026-11-25', 'week', '2026-11-27'],
  ['每学期', '2026-11-25', 'term', '2027-01-31'],
];

describe('recurring work: ongoing, with a periodic check', () => {
  it.each(RECURRING)('「%s」 on %s → every %s, due %s', (text, asOf, period, due) => {
    const p = parseDeadline(text);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.spec.ongoing).toBe(true);
    expect(p.spec.every?.period).toBe(period);
    expect(periodDue(p.spec.every!, asOf)).toBe(due);
  });
});

describe('still not understood', () => {
  it.each(['尽快', '按上级要求', '视情况而定', '开学前后'])('「%s」 is a row error that quotes it', (text) => {
    const p = parseDeadline(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain(text);
  });
});
