import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arabicNumerals, chineseNumber } from '../../pipeline/validate/chinese-numerals.ts';

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['三十', 30],
    ['三十一', 31],
    ['一十', 10],
    ['一百', 100],
    ['一百二十', 120],
    ['廿', 20],
    ['廿五', 25],
    ['卅', 30],
    ['两', 2],
    ['零', 0],
    ['〇', 0],
    ['二〇二六', 2026],
    ['二〇二五', 2025],
    ['二三', 23],
    ['一二', 12],
  ])('%s → %i', (run, n) => expect(chineseNumber(run)).toBe(n));

  it('refuses what is not a numeral run', () => {
    expect(chineseNumber('')).toBeNull();
    expect(chineseNumber('十a')).toBeNull();
    expect(chineseNumber('月')).toBeNull();
  });
});

describe('arabicNumerals', () => {
  it.each([
    ['十二月底前', '12月底前'],
    ['十个工作日', '10个工作日'],
    ['十个工作日内', '10个工作日内'],
    ['二〇二六年', '2026年'],
    ['二〇二五年十一月三日', '2025年11月3日'],
    ['两周内', '2周内'],
    ['三个月内', '3个月内'],
    ['六月至九月', '6月至9月'],
    ['二十三年二月', '23年2月'],
    ['廿三日', '23日'],
    ['12月底前', '12月底前'],
    ['常态化推进', '常态化推进'],
  ])('%s → %s', (text, expected) => expect(arabicNumerals(text)).toBe(expected));

  it('never throws and leaves strings without numerals alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = arabicNumerals(s);
        if (!/[零〇○一二两三四五六七八九十百廿卅]/u.test(s)) expect(out).toBe(s);
      }),
    );
  });
});
