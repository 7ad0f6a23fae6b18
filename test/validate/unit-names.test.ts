import { describe, expect, it } from 'vitest';
import { splitUnits, unitLookup } from '../../pipeline/validate/unit-names.ts';
import type { UnitRecord } from '../../pipeline/model/records.ts';

const unit = (name: string, aliases: string[] = []): UnitRecord => ({
  name,
  aliases,
  category: '',
  head: '',
  liaison: '',
  phone: '',
  leader: '',
  file: 'u.csv',
  row: 2,
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

/** A university's directory as offices keep it: full names with their 简称. */
const UNIVERSITY = [
  unit('党政办公室', ['党办', '校办']),
  unit('党委组织部', ['组织部']),
  unit('党委宣传部', ['宣传部']),
  unit('纪委办公室', ['纪委']),
  unit('网络与信息中心', ['网信中心', '信息中心']),
  unit('教务处', ['教务']),
  unit('人事处', ['人事']),
  unit('财务处', ['财务']),
  unit('学生工作部（处）', ['学工部', '学生处']),
  unit('科研处', ['科技处']),
  unit('后勤管理处', ['后勤处', '后勤']),
  unit('马克思主义学院', ['马院']),
  unit('国际交流与合作处', ['国际处', '外事处']),
  unit('图书馆'),
  unit('研究生院'),
  unit('继续教育学院'),
  unit('保卫处', ['保卫部']),
  unit('资产管理处', ['资产处']),
  unit('工会'),
  unit('团委'),
  unit('校医院'),
];

describe('closest: meaningful characters and 简称 over edit distance', () => {
  const lookup = unitLookup(UNIVERSITY);
  it.each([
    ['信息办', '网络与信息中心'], // not 党政办公室, which only shares 办
    ['网络信息中心', '网络与信息中心'],
    ['网信办', '网络与信息中心'],
    ['教物处', '教务处'],
    ['人士处', '人事处'],
    ['财物处', '财务处'],
    ['学工处', '学生工作部（处）'], // through the 简称 学工部
    ['后勤集团', '后勤管理处'],
    ['马院办', '马克思主义学院'],
    ['国际合作处', '国际交流与合作处'],
    ['党政办', '党政办公室'],
    ['纪检办', '纪委办公室'],
    ['研究生处', '研究生院'],
    ['保卫科', '保卫处'],
    ['资产管理科', '资产管理处'],
    ['组织处', '党委组织部'],
    ['宣传处', '党委宣传部'],
    ['完全无关的名称', null],
    ['办公室', null], // only generic words: nothing meaningful to go by
    ['中心', null],
    ['委员会', null],
  ])('%s → %s', (name, want) => expect(lookup.closest(name)).toBe(want));

  it('returns null rather than a unit that only shares generic characters', () => {
    const small = unitLookup([unit('党政办公室', ['党办', '校办']), unit('教务处')]);
    expect(small.closest('信息办')).toBeNull();
    expect(small.closest('人事处')).toBeNull();
  });

  it('gives the same hint for a name repeated, and compares only the first 40 characters', () => {
    const long = '网络与信息中心' + '甲'.repeat(10_000);
    expect(lookup.closest(long)).toBe(lookup.closest(long));
    expect(lookup.closest('教物处' + '乙'.repeat(37))).toBe(lookup.closest('教物处' + '乙'.repeat(37) + '网络与信息中心'.repeat(100)));
  });
});

describe('closest: cheap whatever the input', () => {
  /** A 100-unit directory, and a deterministic pseudo-random stream (no Math.random: the same run every time). */
  const WORDS = ['教务', '人事', '财务', '科研', '后勤', '资产', '保卫', '国际', '网络', '信息', '宣传', '组织', '统战', '招生', '就业', '档案', '审计', '监察', '基建', '实验'];
  const KINDS = ['处', '部', '中心', '办公室', '学院'];
  const directory = Array.from({ length: 100 }, (_, k) => unit(`${WORDS[k % 20]}${WORDS[(k * 7 + 3) % 20]}${KINDS[k % 5]}`, [`${WORDS[k % 20]}${k}`]));
  const POOL = Array.from(
    new Set(
      WORDS.join('') +
        '的一是不了人在有我他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现',
    ),
  );
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const randomName = (length: number) => Array.from({ length }, () => POOL[Math.floor(next() * POOL.length)]!).join('');

  it('5,000 distinct long unknown names against 100 units in well under 2 s', () => {
    const lookup = unitLookup(directory);
    // Half start with a known name (a hint to find), half are noise sharing characters with many units.
    const names = Array.from({ length: 5_000 }, (_, k) => `${k % 2 ? directory[k % 100]!.name : k}${randomName(60 + (k % 200))}`);
    const t0 = performance.now();
    let hinted = 0;
    for (const n of names) if (lookup.closest(n) !== null) hinted++;
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1_000);
    expect(hinted).toBeGreaterThanOrEqual(2_500);
  });

  it('660 KB of long unknown names in well under a second', () => {
    const lookup = unitLookup(directory);
    const names = Array.from({ length: 100 }, () => randomName(6_600));
    const t0 = performance.now();
    for (const n of names) lookup.closest(n);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
