/** W_NO_SELF_CHECK and 填报单位 from column, title line or file name (spec §1, §2.6, §2.9). */
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../pipeline/model/ledger.ts';
import { rawTable } from '../support/raw-table.ts';

const SELF = ['序号', '制发单位', '制度名称', '执行现状', '整改措施', '整改时限'];
const RECT = ['序号', '制发单位', '制度名称', '整改措施', '整改措施落实情况', '是否完成'];
const units = rawTable(
  'units',
  ['单位', '简称'],
  [
    ['人事处', ''],
    ['学生工作处', '学工处'],
    ['教务处', ''],
  ],
  { file: '单位名录.csv' },
);

async function validate(tables: RawTable[]) {
  const { validateTables } = await import('../../pipeline/validate/validate-tables.ts');
  return validateTables(tables, '2022-12-10');
}

describe('campaign validation', () => {
  it('a 整改表 row without a self-check row of the same unit is W_NO_SELF_CHECK, the unit taken from the file name', async () => {
    const self = rawTable('selfChecks', SELF, [['1', '人事处', '辽宁科技大学教职工考勤管理办法', '需要强化执行', '严格考勤登记', '11月底']], { file: '自查表-人事处.csv' });
    const rect = rawTable(
      'rectifications',
      RECT,
      [
        ['1', '人事处', '辽宁科技大学教职工考勤管理办法', '严格考勤登记', '系统未上线', '近期完成（11月底）'],
        ['2', '人事处', '辽宁科技大学人才引进管理办法', '修订待遇条款', '已修订', '已完成'],
      ],
      { file: '整改表-人事处.csv' },
    );
    const r = await validate([units, self, rect]);
    expect(r.records.rectifications.map((x) => x.unit)).toEqual(['人事处', '人事处']);
    const w = r.issues.filter((i) => i.code === 'W_NO_SELF_CHECK');
    expect(w.map((i) => [i.file, i.row, i.value])).toEqual([['整改表-人事处.csv', 3, '辽宁科技大学人才引进管理办法']]);
    expect(w[0]!.message).toContain('人事处');
  });

  it('the same regulation in another unit’s 自查表 does not count', async () => {
    const self = rawTable('selfChecks', SELF, [['1', '人事处', '辽宁科技大学教职工考勤管理办法', '需要强化执行', '严格考勤登记', '11月底']], { file: '自查表-教务处.csv' });
    const rect = rawTable('rectifications', RECT, [['1', '人事处', '辽宁科技大学教职工考勤管理办法', '严格考勤登记', '', '已完成']], { file: '整改表.csv', fileValues: { 填报单位: '人事处' } });
    const r = await validate([units, self, rect]);
    expect(r.issues.filter((i) => i.code === 'W_NO_SELF_CHECK').map((i) => i.row)).toEqual([2]);
  });

  it('a 简称 in the file name or a title line names the unit; evidence of sending follows', async () => {
    const self = rawTable('selfChecks', SELF, [['1', '学生工作处', '辽宁科技大学学生手册', '需要补充修订', '更新学生手册', '11月中旬']], {
      file: '自查表-学工处.csv',
      fileValues: { 填报日期: '2022年11月11日' },
    });
    const r = await validate([units, self]);
    expect(r.records.selfChecks[0]).toMatchObject({ unit: '学生工作处', reportedOn: '2022-11-11' });
    expect(r.records.submissionEvidence).toEqual([{ material: '制度执行自查表', unit: '学生工作处', sentOn: '2022-11-11', file: '自查表-学工处.csv' }]);
  });
});
