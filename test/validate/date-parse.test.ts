import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../pipeline/validate/date-parse.ts';
import { chineseNumber, arabicNumerals } from '../../pipeline/validate/chinese-numerals.ts';

describe('parseDate', () => {
  it.each([
    ['2025-11-03', '2025-11-03'],
    ['2025/11/3', '2025-11-03'],
    ['2025.11.3', '2025-11-03'],
    ['2025年11月3日', '2025-11-03'],
    ['20251103', '2025-11-03'],
    ['2025/11/3 9:30', '2025-11-03'],
    ['2025-11-03 09:30:00', '2025-11-03'],
    ['2025-11-03T09:30', '2025-11-03'],
    ['２０２５／１１／３', '2025-11-03'],
    ['2025－11－03', '2025-11-03'],
    [' 2025年 11月 3号 ', '2025-11-03'],
    ['二〇二五年十一月三日', '2025-11-03'],
    ['2024-02-29', '2024-02-29'],
  ])('%j → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['2026-02-30', '2025-13-01', '2025/11', '11月3日', '2025-11-3x', 'abc', '', '2025-11-03 25', '2023-02-29'])('%j → null', (text) => {
    expect(parseDate(text)).toBeNull();
  });
  it('never throws', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => void parseDate(s)),
      { numRuns: 3000 },
    ));
});

describe('Chinese numerals', () => {
  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['两', 2],
    ['一百零五', 105],
    ['二〇二六', 2026],
    ['廿三', 23],
  ])('%s = %i', (s, n) => {
    expect(chineseNumber(s)).toBe(n);
  });
  it('replaces runs inside text', () => expect(arabicNumerals('十二月底前，十个工作日')).toBe('12月底前，10个工作日'));
});
