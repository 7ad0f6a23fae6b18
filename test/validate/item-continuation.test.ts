/**
 * Real-table rules of the 督办事项 ledger in validate (spec §1, §2.1): merged cells exported empty
 * (continuation rows, sub-tasks keeping their units), a department's own table without a unit
 * column, ids without 编号 and 序号 (W_NO_ID), and 时序进度 milestones.
 */
import { describe, expect, it } from 'vitest';
import { readTable, type GridRow } from '../../pipeline/ingest/read-table.ts';
import { validateItemTable } from '../../pipeline/validate/item-rows.ts';
import type { RawTable } from '../../pipeline/model/ledger.ts';

function tableOf(lines: string[][], file = '台账.csv'): RawTable {
  const r = readTable(
    lines.map((cells, i): GridRow => ({ row: i + 1, cells })),
    { file },
  );
  if (r.status !== 'table') throw new Error(JSON.stringify(r));
  return r.table;
}
const AS_OF = '2026-11-25';

describe('continuation rows', () => {
  it('a row with an empty 事项 adds its milestone lines, units, progress and deadline to the item above', () => {
    const t = tableOf([
      ['序号', '事项', '承办单位', '办结时限', '时序进度', '落实情况'],
      ['1', '建设智慧校园', '网信中心', '', '3月：调研', '已调研'],
      ['', '', '教务处', '12月底前', '6月：招标', '已招标'],
      ['', '', '', '', '9月：建设', ''],
      ['2', '修订考核办法', '人事处', '6月底前', '', ''],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.items.map((i) => [i.id, i.row, i.deadlineText, i.progress, i.milestones?.map((m) => m.deadlineText)])).toEqual([
      ['台账#1', 2, '12月底前', '已调研\n已招标', ['3月', '6月', '9月']],
      ['台账#2', 5, '6月底前', '', []],
    ]);
    expect(r.unitCells[0]).toEqual({ lead: '网信中心', co: '', more: ['教务处'] });
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['I_CONTINUED_ROW', 3],
      ['I_CONTINUED_ROW', 4],
    ]);
    expect(r.issues[0]!.message).toContain('第 2 行「建设智慧校园」');
  });

  it('a second deadline of the same task becomes a milestone of its own', () => {
    const t = tableOf([
      ['序号', '事项', '承办单位', '办结时限'],
      ['1', '建设新校区', '基建处', '6月底前'],
      ['', '', '资产处', '12月底前'],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.items[0]!.deadlineText).toBe('6月底前');
    expect(r.items[0]!.milestones).toMatchObject([{ text: '资产处', deadlineText: '12月底前', done: false }]);
  });

  it('is not a continuation when the row has a 序号 of its own: then 事项 is missing', () => {
    const t = tableOf([
      ['序号', '事项', '承办单位'],
      ['1', '甲', '教务处'],
      ['2', '', '人事处'],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['E_REQUIRED', 3, '事项']]);
  });

  it('a continuation of a row with errors waits for it, named', () => {
    const t = tableOf([
      ['序号', '事项', '承办单位', '办结时限'],
      ['1', '甲', '教务处', '尽快'],
      ['', '', '人事处', ''],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['E_DEADLINE', 'error', 2],
      ['I_CONTINUED_ROW', 'info', 3],
    ]);
  });

  it('a bad deadline on a continuation row is its own error', () => {
    const t = tableOf([
      ['序号', '事项', '承办单位', '办结时限'],
      ['1', '甲', '教务处', '6月'],
      ['', '', '', '尽快'],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.issues.map((i) => [i.code, i.row, i.value])).toEqual([['E_DEADLINE', 3, '尽快']]);
  });

  it('a sub-task under an empty (merged) 序号 keeps the units of the task above', () => {
    const t = tableOf([
      ['序号', '民生实事', '责任单位', '完成时限'],
      ['5', '开工建设县老年养护楼', '县民政局', '5月底前动工'],
      ['', '开工建设老年大学', '', '12月底前'],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.items.map((i) => [i.id, i.text])).toEqual([
      ['台账#5', '开工建设县老年养护楼'],
      ['台账#5-2', '开工建设老年大学'],
    ]);
    expect(r.unitCells.map((u) => u.lead)).toEqual(['县民政局', '县民政局']);
  });
});

describe('a department’s own table', () => {
  it('takes its unit from a title line 责任单位：…', () => {
    const t = tableOf([['责任单位：教务处'], ['序号', '重点任务', '完成时限'], ['1', '修订培养方案', '6月底前']], 'x.csv');
    expect(validateItemTable(t, AS_OF).unitCells.map((u) => u.lead)).toEqual(['教务处']);
  });

  it('takes its unit from the file name', () => {
    const t = tableOf(
      [
        ['序号', '重点任务', '完成时限'],
        ['1', '修订培养方案', '6月底前'],
      ],
      '教务处2026年重点工作任务分解表.csv',
    );
    expect(t.nameUnit).toBe('教务处');
    expect(validateItemTable(t, AS_OF).unitCells.map((u) => u.lead)).toEqual(['教务处']);
    // A unit the directory finds in the file name comes first.
    expect(validateItemTable(t, AS_OF, '教务处（招生办）').unitCells.map((u) => u.lead)).toEqual(['教务处（招生办）']);
  });

  it('without either, the table is not read and the hint says how to name the unit', async () => {
    const r = readTable(
      [
        { row: 1, cells: ['序号', '重点任务', '完成时限'] },
        { row: 2, cells: ['1', '修订培养方案', '6月底前'] },
      ],
      { file: '重点工作.csv' },
    );
    expect(r.status).toBe('missing');
    if (r.status === 'missing') expect(r.issues[0]!.hint).toContain('责任单位：教务处');
  });
});

describe('no 编号 and no 序号', () => {
  it('ids are <file>#r<row>, with one W_NO_ID that says why a 编号 column is better', () => {
    const t = tableOf(
      [
        ['工作任务', '责任单位'],
        ['甲', '教务处'],
        ['乙', '人事处'],
      ],
      '重点工作.csv',
    );
    const r = validateItemTable(t, AS_OF);
    expect(r.items.map((i) => i.id)).toEqual(['重点工作#r2', '重点工作#r3']);
    expect(r.issues).toMatchObject([{ code: 'W_NO_ID', severity: 'warning', row: 1 }]);
    expect(r.issues[0]!.hint).toContain('编号');
    expect(r.issues[0]!.hint).toContain('插入');
  });
});

describe('时序进度', () => {
  it('milestones are read per line; lines without a time are named by W_MILESTONE', () => {
    const t = tableOf([
      ['编号', '事项', '承办单位', '进度安排'],
      ['A-1', '甲', '教务处', '按计划推进\n6月：中期检查\n12月：验收'],
    ]);
    const r = validateItemTable(t, AS_OF);
    expect(r.items[0]!.milestones!.map((m) => m.deadlineText)).toEqual(['', '6月', '12月']);
    expect(r.issues).toMatchObject([{ code: 'W_MILESTONE', row: 2, column: '进度安排', value: '按计划推进' }]);
  });
});
