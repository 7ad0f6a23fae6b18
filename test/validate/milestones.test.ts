/** 时序进度 lines → milestones (spec §2.1), table-driven; the recogniser never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMilestones } from '../../pipeline/validate/milestones.ts';

// [cell, [deadlineText, text, done][]]
const CELLS: [string, [string, string, boolean?][]][] = [
  ['3月：召开研讨会', [['3月', '召开研讨会']]],
  ['4月—12月：组织实施', [['4月—12月', '组织实施']]],
  ['4-12月：完成建设', [['4-12月', '完成建设']]],
  ['3~6月：制定方案', [['3~6月', '制定方案']]],
  ['3月～4月上旬：制定方案', [['3月～4月上旬', '制定方案']]],
  ['9到12月推进施工', [['9到12月', '推进施工']]],
  ['5月、10月：开展督查', [['5月、10月', '开展督查']]],
  ['全年：设备招标前期准备工作', [['全年', '设备招标前期准备工作']]],
  ['4月初完成方案', [['4月初', '完成方案']]],
  ['6月完成相关制度修订', [['6月', '完成相关制度修订']]],
  ['3月 启动青年教师境外研修计划', [['3月', '启动青年教师境外研修计划']]],
  ['8月:开工', [['8月', '开工']]],
  ['3月——9月：开展征文活动', [['3月——9月', '开展征文活动']]],
  ['6月底前，确定方案', [['6月底前', '确定方案']]],
  ['十二月：总结', [['十二月', '总结']]],
  [
    '3月：启动，12月：组织验收',
    [
      ['3月', '启动'],
      ['12月', '组织验收'],
    ],
  ],
  [
    '3月：制定方案；6月：组织实施；12月：总结验收',
    [
      ['3月', '制定方案'],
      ['6月', '组织实施'],
      ['12月', '总结验收'],
    ],
  ],
  ['3月:\n1.做好筹备工作；\n2.召开培训会', [['3月', '1.做好筹备工作\n2.召开培训会']]],
  [
    '1. 3月：调研\n2. 6月：出台办法',
    [
      ['3月', '调研'],
      ['6月', '出台办法'],
    ],
  ],
  [
    '3月：召开研讨会（已完成）\n6月：形成方案',
    [
      ['3月', '召开研讨会', true],
      ['6月', '形成方案'],
    ],
  ],
  ['4月：召开专题会议，布置2017年学院关工委工作；', [['4月', '召开专题会议，布置2017年学院关工委工作']]],
  ['每月：报送进展', [['每月', '报送进展']]],
  ['春季开学前完成教材征订', [['春季开学前', '完成教材征订']]],
];

describe('parseMilestones', () => {
  it.each(CELLS)('%j', (cell, expected) => {
    const p = parseMilestones(cell);
    expect(p.milestones.map((m) => [m.deadlineText, m.text, ...(m.done ? [true] : [])])).toEqual(expected);
    expect(p.undated).toEqual([]);
    for (const m of p.milestones) expect(m.spec).not.toBeNull();
  });

  it('keeps lines before any time as milestones without a date, and says which', () => {
    const p = parseMilestones('按计划推进\n6月：中期检查');
    expect(p.milestones.map((m) => [m.deadlineText, m.text, m.spec === null])).toEqual([
      ['', '按计划推进', true],
      ['6月', '中期检查', false],
    ]);
    expect(p.undated).toEqual(['按计划推进']);
  });

  it('takes the last time of a list: 5月、10月 is due at the end of October', () => {
    const m = parseMilestones('5月、10月：开展督查').milestones[0]!;
    expect(m.spec?.time).toEqual({ kind: 'monthPart', year: null, month: 10, part: 'end' });
  });

  it('never throws, on any text or on the grammar’s own pieces', () => {
    const pieces = fc.string({ unit: fc.constantFrom(...'0123456789年月日底初上中下旬至到-—~～、，；：:\n（已完成）全年每季度春秋开学前1.'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), pieces), (s) => {
        const p = parseMilestones(s);
        for (const m of p.milestones) expect(typeof m.text).toBe('string');
      }),
      { numRuns: 2000 },
    );
    expect(parseMilestones(undefined as unknown as string).milestones).toEqual([]);
  });
});
