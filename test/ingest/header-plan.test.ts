/**
 * Headers as offices write them (spec §1): the `columns` mapping, the 事项 guess, looser names,
 * two-row headers, headers merged across columns, section rows and section columns, the unit of a
 * department's own table; and the header recogniser never throws on any grid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable, type GridRow, type ReadTableResult } from '../../pipeline/ingest/read-table.ts';
import { headingLevel, seqStyle } from '../../pipeline/ingest/section-rows.ts';
import { unitInName } from '../../pipeline/ingest/unit-in-name.ts';
import { officeConfigSchema } from '../../pipeline/config/office-config.ts';

const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
const read = (lines: string[][], columns?: Record<string, string>, file = '台账.csv') => readTable(grid(lines), { file }, { columns });
function table(r: ReadTableResult) {
  if (r.status !== 'table') throw new Error(JSON.stringify(r));
  return r;
}

describe('the office’s columns mapping', () => {
  it('maps its own names, wins over the aliases, and "" ignores a column', () => {
    const r = table(
      read(
        [
          ['序号', '民生实事', '牵头领导', '责任单位', '协同单位', '备注'],
          ['1', '新建农贸市场', '王副县长', '县商务局', '县财政局', '县重点'],
        ],
        { 民生实事: '事项', 牵头领导: '责任人', 协同单位: '', ' 备注 ': '落实情况' },
      ),
    );
    expect(r.table.rows[0]!.values).toEqual({ 序号: '1', 事项: '新建农贸市场', 责任人: '王副县长', 承办单位: '县商务局', 落实情况: '县重点' });
    expect(r.table.columns).toContainEqual({ header: '民生实事', column: '事项', how: 'mapped' });
    expect(r.issues.filter((i) => i.code === 'I_GUESSED_COLUMN')).toEqual([]);
  });

  it('beats an alias for the same column: the mapped cell is read, the other is a duplicate', () => {
    const r = table(
      read(
        [
          ['编号', '工作任务', '改革举措', '承办单位'],
          ['1', '旧', '新', '教务处'],
        ],
        { 改革举措: '事项' },
      ),
    );
    expect(r.table.rows[0]!.values.事项).toBe('新');
    expect(r.issues).toMatchObject([{ code: 'W_DUPLICATE_COLUMN', column: '工作任务' }]);
  });

  it('is checked when office.json is read: an unknown target is an error naming it', () => {
    expect(officeConfigSchema.safeParse({ columns: { 民生实事: '事项', 牵头领导: '负责人', 备注: '' } }).success).toBe(true);
    const bad = officeConfigSchema.safeParse({ columns: { 民生实事: '任务名' + '称呼' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.message).toContain('不是台账的列名');
  });
});

describe('the 事项 guess', () => {
  it.each(['民生实事', '改革举措', '目标任务', '考核项目', '项目内容'])('takes 「%s」 as 事项, with I_GUESSED_COLUMN at the header', (name) => {
    const r = table(
      read([
        ['序号', name, '责任单位', '完成时限'],
        ['1', '建成县残疾人综合服务中心', '县残联', '5月底前动工'],
        ['2', '新建2座人行天桥', '县住建局', '9月投入使用'],
      ]),
    );
    expect(r.table.rows.map((x) => x.values.事项)).toEqual(['建成县残疾人综合服务中心', '新建2座人行天桥']);
    expect(r.issues).toMatchObject([{ code: 'I_GUESSED_COLUMN', severity: 'info', row: 1, column: name }]);
    expect(r.issues[0]!.hint).toContain('columns');
    expect(r.table.columns).toContainEqual({ header: name, column: '事项', how: 'guessed' });
  });

  it('skips columns that are not mostly text: numbers, dates, unit names, remarks', () => {
    const r = table(
      read([
        ['序号', '分值', '责任单位', '备注', '考核项目'],
        ['1', '10', '县残联', '重点', '建成县残疾人综合服务中心'],
        ['2', '5', '县住建局', '', '新建2座人行天桥'],
      ]),
    );
    expect(r.table.headerText.事项).toBe('考核项目');
  });

  it('does not guess when another kind is complete, or without a unit', () => {
    expect(
      read([
        ['序号', '民生实事', '完成时限'],
        ['1', '新建2座人行天桥', '9月'],
      ]).status,
    ).not.toBe('table');
    expect(
      table(
        read([
          ['类别', '事项', '公开范围', '项目内容'],
          ['校务', '招生章程', '社会公开', '按规定公开招生章程全文'],
        ]),
      ).table.kind,
    ).toBe('disclosures');
  });
});

describe('looser names of 督办事项 columns', () => {
  it.each<[string[], string, string]>([
    [['序号', '工作任务', '主要责任单位'], '主要责任单位', '承办单位'],
    [['序号', '工作任务', '责任单位', '协同配合单位'], '协同配合单位', '配合单位'],
    [['序号', '重点工作任务', '责任单位'], '重点工作任务', '事项'],
    [['序号', '民生事项', '责任单位'], '民生事项', '事项'],
    [['序号', '工作任务', '责任单位', '落实进展情况'], '落实进展情况', '落实情况'],
    [['序号', '工作任务', '责任单位', '任务分解/时序进度'], '任务分解/时序进度', '时序进度'],
    [['序号', '工作任务', '责任单位', '计划完成时限'], '计划完成时限', '办结时限'],
  ])('%j: 「%s」 → %s', (header, name, column) => {
    const r = table(read([header, header.map((_, i) => (i === 0 ? '1' : `值${i}`))]));
    expect(r.table.headerText[column]).toBe(name);
    expect(r.table.columns).toContainEqual({ header: name, column, how: 'similar' });
  });

  it('「牵头单位及主要负责人」 holds unit and person: the person is the 责任人', () => {
    const r = table(
      read([
        ['序号', '工作任务', '牵头单位及 主要负责人'],
        ['1', '提高低保标准', '市民政局 伍泽国'],
      ]),
    );
    expect(r.table.rows[0]!.values).toMatchObject({ 承办单位: '市民政局', 责任人: '伍泽国' });
  });
});

describe('two-row headers', () => {
  it('责任单位 over 牵头单位 | 配合单位 and 完成时限 over 起 | 止 (止 is the deadline); the upper names where the lower is empty', () => {
    const r = table(
      read([
        ['2026年重点工作任务分解表', '', '', '', '', ''],
        ['序号', '重点任务', '责任单位', '', '完成时限', ''],
        ['', '', '牵头单位', '配合单位', '起', '止'],
        ['1', '完善知识产权保护制度', '科技处', '法务办', '2026-03', '2026年6月底前'],
      ]),
    );
    expect(r.table.headerRow).toBe(2);
    expect(r.table.rows).toEqual([{ row: 4, values: { 序号: '1', 事项: '完善知识产权保护制度', 承办单位: '科技处', 配合单位: '法务办', 办结时限: '2026年6月底前' } }]);
    expect(r.table.headerText).toMatchObject({ 办结时限: '完成时限（止）', 承办单位: '牵头单位', 配合单位: '配合单位' });
  });

  it('with the upper cells copied down (a workbook’s vertical merges)', () => {
    const r = table(
      read([
        ['序号', '工作任务', '责任分工', ''],
        ['序号', '工作任务', '牵头', '配合'],
        ['1', '甲', '教务处', '人事处'],
      ]),
    );
    expect(r.table.rows[0]!.values).toEqual({ 序号: '1', 事项: '甲', 承办单位: '教务处', 配合单位: '人事处' });
  });

  it('a title line above a header is not its upper half, nor is a data row its lower half', () => {
    expect(table(read([['督办时间： 年 月'], ['序号', '事项', '承办单位'], ['1', '甲', '教务处']])).table.headerRow).toBe(2);
    const r = table(
      read([
        ['序号', '事项', '承办单位', '', '办结时限'],
        ['1', '甲', '教务处', '人事处', '12月底前'],
      ]),
    );
    expect(r.table.rows).toHaveLength(1);
  });
});

describe('a header merged across columns', () => {
  it('owns the empty header cells to its right; a task over three levels joins them, higher levels carried down', () => {
    const r = table(
      read(
        [
          ['工作任务', '', '', '时序进度', '考核要点'],
          ['校舍改造', '食堂改造', '', '3月～5月：制定方案', '根据完成情况考核'],
          ['', '', '', '6月：确定方案', ''],
          ['', '宿舍改造', '防火门翻新', '3月～4月上旬：制定方案', ''],
          ['', '', '厕所改造', '3月：制定方案', ''],
          ['', '涂料翻新', '', '4月：招标', ''],
        ],
        undefined,
        '后勤处重点工作.csv',
      ),
    );
    expect(r.table.rows.map((x) => x.values.事项)).toEqual(['校舍改造—食堂改造', '', '校舍改造—宿舍改造—防火门翻新', '校舍改造—宿舍改造—厕所改造', '校舍改造—涂料翻新']);
  });
});

describe('section rows', () => {
  it('become the section of the rows below, with I_SECTION_ROW, and nest by level', () => {
    const r = table(
      read([
        ['序号', '事项', '承办单位'],
        ['第一部分 党的建设', '', ''],
        ['一、知识产权保护方面（共2项）', '', ''],
        ['1', '完善制度', '科技处'],
        ['（一）专利转化', '', ''],
        ['2', '建设平台', '科技处'],
        ['二、人才培养', '', ''],
        ['3', '课程改革', '教务处'],
      ]),
    );
    expect(r.table.rows.map((x) => [x.row, x.section])).toEqual([
      [4, '第一部分 党的建设 / 一、知识产权保护方面（共2项）'],
      [6, '第一部分 党的建设 / 一、知识产权保护方面（共2项） / （一）专利转化'],
      [8, '第一部分 党的建设 / 二、人才培养'],
    ]);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['I_SECTION_ROW', 2],
      ['I_SECTION_ROW', 3],
      ['I_SECTION_ROW', 5],
      ['I_SECTION_ROW', 7],
    ]);
  });

  it('a row with only 序号 「一」 and 事项 under items numbered 1, 2 is a heading too', () => {
    const r = table(
      read([
        ['序号', '事项', '承办单位'],
        ['一', '全面从严治党', ''],
        ['1', '开展警示教育', '纪委办'],
        ['2', '巡察整改', '党委办'],
      ]),
    );
    expect(r.table.rows.map((x) => x.section)).toEqual(['一、全面从严治党', '一、全面从严治党']);
  });

  it('a column whose cells are all headings (大类) gives each row its section', () => {
    const r = table(
      read([
        ['大类', '序号', '工作任务', '牵头单位'],
        ['一、提高保障水平', '1', '甲', '民政局'],
        ['', '2', '乙', '民政局'],
        ['二、改善教育', '3', '丙', '教育局'],
      ]),
    );
    expect(r.table.rows.map((x) => x.section)).toEqual(['一、提高保障水平', '一、提高保障水平', '二、改善教育']);
  });

  it.each<[string, number | null]>([
    ['一、知识产权保护方面（共5项）', 1],
    ['（二）深化改革', 2],
    ['第一部分 重点任务', 0],
    ['第三篇', 0],
    ['知识产权保护方面（共5项）', 1],
    ['党建类', 1],
    ['（四）', null],
    ['1. 统计截止时间为11月30日', null],
    ['备注：以上事项', null],
    ['修订考核办法。', null],
    ['3', null],
    ['完成县应急广播指挥中心建设', null],
  ])('headingLevel(%j) = %j', (text, level) => expect(headingLevel(text)).toBe(level));

  it.each([
    ['1', 'arabic'],
    ['（1）', 'arabic'],
    ['一', 'chinese'],
    ['一、', 'chinese'],
    ['（一）', 'bracketed'],
    ['第一部分', 'part'],
    ['A3', 'other'],
  ])('seqStyle(%j) = %s', (s, style) => expect(seqStyle(s)).toBe(style));
});

describe('the unit in a file name', () => {
  it.each<[string, string | null]>([
    ['教务处2026年重点工作任务分解表', '教务处'],
    ['2026年教务处重点工作', '教务处'],
    ['人事处-自查表', '人事处'],
    ['部门重点工作任务分解实施表（工会）', '工会'],
    ['县水务局民生实事台账', '县水务局'],
    ['督办台账', null],
    ['2026年校长办公会督办台账', null],
    ['10月督查督办事项办理情况表', null],
    ['缺列', null],
    ['table', null],
  ])('%s → %s', (name, unit) => expect(unitInName(name)).toBe(unit));
});

describe('the header recogniser never throws', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      '序号',
      '事项',
      '民生实事',
      '责任单位',
      '牵头单位',
      '配合单位',
      '完成时限',
      '起',
      '止',
      '时序进度',
      '一、重点任务',
      '（二）',
      '备注',
      '3月：召开',
      '教务处',
      '12月底前',
      '大类',
      '任务分解/时序进度',
    ),
    fc.string({ maxLength: 8 }),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 14 });
  const merged = fc.array(fc.boolean(), { maxLength: 7 });
  it('on any grid, with any mapping, merged flags or file name', () => {
    fc.assert(
      fc.property(rows, fc.array(merged, { maxLength: 14 }), fc.dictionary(cell, fc.constantFrom('事项', '承办单位', '', '办结时限')), fc.string({ maxLength: 12 }), (lines, flags, columns, name) => {
        const g: GridRow[] = lines.map((cells, i) => ({ row: i + 1, cells, ...(flags[i] ? { merged: flags[i] } : {}) }));
        const r = readTable(g, { file: `${name}.csv` }, { columns });
        if (r.status === 'table') for (const row of r.table.rows) expect(typeof row.row).toBe('number');
      }),
      { numRuns: 1500 },
    );
  });
});
