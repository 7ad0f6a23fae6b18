import { describe, expect, it } from 'vitest';
import { validateItemTable } from '../../pipeline/validate/item-rows.ts';
import { validateTables } from '../../pipeline/validate/validate-tables.ts';
import { rawTable } from '../support/raw-table.ts';

const H = ['编号', '事项', '承办单位', '来源', '立项日期', '办结时限', '状态', '办结日期', '公开范围'];
const asOf = '2026-11-25';

describe('督办事项 rows', () => {
  it('builds a record with defaults and the short title', () => {
    const t = rawTable('items', H, [['DB-1', '（一）修订考勤办法。细化请假流程', '人事处', '', '2026-03-02', '年底前', '', '', '']]);
    const r = validateItemTable(t, asOf);
    expect(r.issues).toEqual([]);
    expect(r.items[0]).toMatchObject({ id: 'DB-1', title: '修订考勤办法', source: '其他', state: '办理中', audience: '不公开', assignedOn: '2026-03-02', row: 2 });
  });

  it.each([
    [['DB-2', '事项', '教务处', '临时任务', '', '', '', '', ''], 'E_ENUM', '来源'],
    [['DB-3', '事项', '教务处', '', '2026-02-30', '', '', '', ''], 'E_DATE', '立项日期'],
    [['DB-4', '事项', '教务处', '', '', '尽快', '', '', ''], 'E_DEADLINE', '办结时限'],
    [['DB-5', '事项', '教务处', '', '', '', '已办结', '', ''], 'E_CONSISTENCY', '办结日期'],
    [['DB-6', '事项', '教务处', '', '', '', '已办结', '2026-12-01', ''], 'E_CONSISTENCY', '办结日期'],
    [['DB-7', '', '教务处', '', '', '', '', '', ''], 'E_REQUIRED', '事项'],
    [['DB-8', '事项', '', '', '', '', '', '', ''], 'E_REQUIRED', '承办单位'],
    [['DB-9', '事项', '教务处', '', '', '', '', '', '全校可见'], 'E_ENUM', '公开范围'],
    [['', '事项', '教务处', '', '', '', '', '', ''], 'E_REQUIRED', '编号'],
  ])('row %j → %s in %s, row dropped', (cells, code, column) => {
    const r = validateItemTable(rawTable('items', H, [cells]), asOf);
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.column, i.row, i.file])).toContainEqual([code, column, 2, '台账.csv']);
    expect(r.issues.every((i) => i.message !== '' && i.hint !== '')).toBe(true);
  });

  it('infers 已办结 from a completion date under an empty status, and maps 是否落实', () => {
    const t = rawTable(
      'items',
      ['编号', '内容', '承办部门', '是否落实', '办结日期'],
      [
        ['A', '甲', '教务处', '', '2026-10-01'],
        ['B', '乙', '教务处', '否', ''],
        ['C', '丙', '教务处', '部分', ''],
      ].map((r) => r),
    );
    // The table above uses canonical names only in values; emulate ingest mapping aliases.
    t.headerText = { 编号: '编号', 事项: '内容', 承办单位: '承办部门', 状态: '是否落实', 办结日期: '办结日期' };
    t.rows = t.rows.map((row) => ({
      row: row.row,
      values: { 编号: row.values.编号!, 事项: row.values.内容!, 承办单位: row.values.承办部门!, 状态: row.values.是否落实!, 办结日期: row.values.办结日期! },
    }));
    const r = validateItemTable(t, asOf);
    expect(r.items.map((i) => i.state)).toEqual(['已办结', '办理中', '办理中']);
  });

  it('numbers repeated 序号 in a file without 编号 and warns', () => {
    const t = rawTable(
      'items',
      ['序号', '事项', '承办单位'],
      [
        ['（一）', '甲', '教务处'],
        ['（二）', '乙', '人事处'],
        ['（二）', '乙的子任务', '人事处'],
        ['', '乙的另一子任务', '人事处'],
      ],
      { file: 'sub/重点任务清单.csv' },
    );
    const r = validateItemTable(t, asOf);
    expect(r.items.map((i) => i.id)).toEqual(['重点任务清单#（一）', '重点任务清单#（二）', '重点任务清单#（二）-2', '重点任务清单#（二）-3']);
    expect(r.issues.filter((i) => i.code === 'W_REPEATED_SEQ').map((i) => i.row)).toEqual([4, 5]);
  });
});

describe('cross-file rules', () => {
  it.each([['additions file first'], ['main ledger first']])('a 编号 reused in a sheet of additions keeps the original row (%s) and names both places', (order) => {
    const main = rawTable(
      'items',
      ['编号', '事项', '承办单位', '立项日期'],
      [
        ['XB2026-001', '完成本科教学审核评估整改', '教务处', '2026-03-02'],
        ['XB2026-002', '修订职称评审办法', '人事处', '2026-03-10'],
        ['XB2026-003', '建设智慧教室', '网络与信息中心', '2026-04-01'],
      ],
      { file: '督办台账.csv' },
    );
    const added = rawTable('items', ['编号', '事项', '承办单位', '立项日期'], [['XB2026-001', '推进校园绿化提升', '后勤管理处', '2026-11-05']], { file: '11月新增督办事项.xlsx' });
    const r = validateTables(order === 'main ledger first' ? [main, added] : [added, main], asOf);
    expect(r.records.items.find((i) => i.id === 'XB2026-001')).toMatchObject({ title: '完成本科教学审核评估整改', file: '督办台账.csv' });
    const dup = r.issues.filter((i) => i.code === 'E_DUPLICATE_ID');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ file: '11月新增督办事项.xlsx', row: 2 });
    expect(dup[0]!.message).toContain('督办台账.csv 第 2 行');
    expect(dup[0]!.message).toContain('保留了 督办台账.csv 第 2 行，本行未读入');
  });

  it('reports duplicate ids across files, unknown reminder ids and unknown units, normalises 简称', () => {
    const units = rawTable(
      'units',
      ['单位', '简称'],
      [
        ['教务处', '教务'],
        ['网络与信息中心', '网信中心、信息中心'],
      ],
      { file: '单位名录.csv' },
    );
    const a = rawTable(
      'items',
      ['编号', '事项', '承办单位', '配合单位'],
      [
        ['X-1', '甲', '教务、网信中心', '教务处'],
        ['X-2', '乙', '教物处', ''],
      ],
      { file: 'a.csv' },
    );
    const b = rawTable(
      'items',
      ['编号', '事项', '承办单位'],
      [
        ['X-1', '重复', '教务处'],
        ['X-3', '丙', '教务处'],
      ],
      { file: 'b.csv' },
    );
    const rem = rawTable(
      'reminders',
      ['编号', '催办日期'],
      [
        ['X-1', '2026-11-01'],
        ['X-9', '2026-11-02'],
      ],
      { file: '催办记录.csv' },
    );
    const r = validateTables([units, a, b, rem], asOf);
    expect(r.records.items.map((i) => i.id)).toEqual(['X-1', 'X-2', 'X-3']);
    expect(r.records.items[0]).toMatchObject({ leadUnit: '教务处', coUnits: ['网络与信息中心'] });
    const codes = r.issues.map((i) => [i.code, i.file, i.row]);
    expect(codes).toContainEqual(['E_DUPLICATE_ID', 'b.csv', 2]);
    expect(codes).toContainEqual(['E_REFERENCE', '催办记录.csv', 3]);
    expect(codes).toContainEqual(['W_UNKNOWN_UNIT', 'a.csv', 3]);
    expect(r.issues.find((i) => i.code === 'W_UNKNOWN_UNIT')!.hint).toContain('教务处');
    expect(r.records.reminders.map((x) => x.itemId)).toEqual(['X-1']);
  });
});

describe('rectification without a self-check row', () => {
  const selfCheck = rawTable('selfChecks', ['制发单位', '制度名称', '执行现状', '整改措施', '整改时限'], [['党政办公室', '《公文处理办法》', '需要强化执行', '加强培训', '12月底']], {
    file: '自查表-教务处.csv',
    fileValues: { 填报单位: '教务处' },
  });
  it('matches names written with or without 《》 and spaces', () => {
    const rect = rawTable('rectifications', ['制发单位', '制度名称', '整改措施', '是否完成'], [['党政办公室', '公文处理 办法', '加强培训', '已完成']], {
      file: '整改表-教务处.csv',
      fileValues: { 填报单位: '教务处' },
    });
    expect(validateTables([selfCheck, rect], asOf).issues.filter((i) => i.code === 'W_NO_SELF_CHECK')).toEqual([]);
  });
  it('warns for a regulation the unit never self-checked', () => {
    const rect = rawTable('rectifications', ['制发单位', '制度名称', '整改措施', '是否完成'], [['党政办公室', '会议管理办法', '修订', '已完成']], {
      file: '整改表-教务处.csv',
      fileValues: { 填报单位: '教务处' },
    });
    expect(validateTables([selfCheck, rect], asOf).issues.map((i) => i.code)).toContain('W_NO_SELF_CHECK');
  });
});
