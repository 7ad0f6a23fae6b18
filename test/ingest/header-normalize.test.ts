import { describe, expect, it } from 'vitest';
import { cleanValue, normalizeHeader } from '../../pipeline/ingest/header-normalize.ts';

describe('normalizeHeader', () => {
  it.each([
    ['整改时限 (比较好不用填)', '整改时限'],
    ['具体执行情况和下一步整改措施 (比较好不用填)', '具体执行情况和下一步整改措施'],
    ['是否完成（完成时限）', '是否完成'],
    ['是否完成 （完成时限）（必填）', '是否完成'],
    ['  承办　单位 ', '承办单位'],
    ['*编号', '编号'],
    ['＊事项', '事项'],
    ['事项*', '事项'],
    ['编号：', '编号'],
    ['办结时限【选填】', '办结时限'],
    ['ＯＡ编号', 'OA编号'],
    ['\u200b编号\u00a0', '编号'],
    ['(备注)', '(备注)'],
  ])('%j → %j', (cell, key) => {
    expect(normalizeHeader(cell)).toBe(key);
  });
});

describe('cleanValue', () => {
  it('trims, drops zero-width characters and turns NBSP into a space, but keeps full-width digits', () => {
    expect(cleanValue('  教务处\u200b ')).toBe('教务处');
    expect(cleanValue('\u3000甲\u00a0乙\u3000')).toBe('甲 乙');
    expect(cleanValue('２０２５年１１月')).toBe('２０２５年１１月');
    expect(cleanValue('\ufeff')).toBe('');
  });
});
