import { describe, expect, it } from 'vitest';
import { splitUnits, unitLookup } from '../../pipeline/validate/unit-names.ts';
import type { UnitRecord } from '../../pipeline/model/records.ts';

const unit = (name: string, aliases: string[] = []): UnitRecord => ({
  name, aliases, category: '', head: '', liaison: '', phone: '', leader: '', file: 'u.csv', row: 2,
});

describe('splitUnits', () => {
  it.each([
    ['党委组织部，党委宣传统战部,各党总支、直属党支部', ['党委组织部', '党委宣传统战部', '各党总支', '直属党支部']],
    ['教务处；人事处;财务处/科技处', ['教务处', '人事处', '财务处', '科技处']],
    ['  教务处   人事处 ', ['教务处', '人事处']],
    ['党委组织部(人才办)', ['党委组织部（人才办）']],
    ['', []],
  ])('%s', (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });
});

describe('unitLookup', () => {
  const lookup = unitLookup([unit('教务处', ['教务']), unit('网络与信息中心', ['网信中心', '信息中心']), unit('人事处')]);
  it('maps 简称 and full names to the full name', () => {
    expect(lookup.resolve('教务')).toBe('教务处');
    expect(lookup.resolve('网信中心')).toBe('网络与信息中心');
    expect(lookup.resolve(' 人事处 ')).toBe('人事处');
    expect(lookup.resolve('财务处')).toBeNull();
  });
  it('suggests the closest known name for a typo', () => {
    expect(lookup.closest('教物处')).toBe('教务处');
    expect(lookup.closest('网络信息中心')).toBe('网络与信息中心');
    expect(lookup.closest('完全无关的单位名称很长')).toBeNull();
  });
});
