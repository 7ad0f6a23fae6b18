import { describe, expect, it } from 'vitest';
import { readTable, type GridRow } from '../../pipeline/ingest/read-table.ts';

const grid = (lines: string[][]): GridRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
const read = (lines: string[][]) => readTable(grid(lines), { file: 'a/台账.csv' });
const table = (lines: string[][]) => {
  const r = read(lines);
  if (r.status !== 'table') throw new Error(JSON.stringify(r));
  return r;
};

describe('readTable', () => {
  it('finds the header below title rows and reads key：value title lines', () => {
    const r = table([
      ['单位制度执行情况自查表', '', '', ''],
      ['填报单位：', '教务处', '填报日期:2022-11-10  统计截至：11月10日', ''],
      ['督办时间： 年 月'],
      ['序号', '制发单位', '制度名称', '执行现状'],
      ['1', '教务处', '考核办法', '比较好'],
    ]);
    expect(r.table).toMatchObject({ kind: 'selfChecks', headerRow: 4, baseName: '台账', file: 'a/台账.csv' });
    expect(r.table.fileValues).toEqual({ 填报单位: '教务处', 填报日期: '2022-11-10', 统计截至: '11月10日' });
    expect(r.table.rows).toEqual([{ row: 5, values: { 序号: '1', 制发单位: '教务处', 制度名称: '考核办法', 执行现状: '比较好' } }]);
  });

  it('maps title keys that are columns of the kind to the canonical name', () => {
    const r = table([['承办部门：教务处'], ['编号', '事项', '承办单位'], ['1', '甲', '']]);
    expect(r.table.fileValues).toEqual({ 承办单位: '教务处' });
  });

  it('keeps only known columns, trimmed, and records how each was written', () => {
    const r = table([
      ['*编号 ', '内容', '承办部门（牵头）', '附件'],
      [' DB-1\u200b', '\u3000甲\u00a0乙 ', '教务处', 'x.pdf'],
    ]);
    expect(r.table.headerText).toEqual({ 编号: '*编号', 事项: '内容', 承办单位: '承办部门（牵头）' });
    expect(r.table.rows[0]!.values).toEqual({ 编号: 'DB-1', 事项: '甲 乙', 承办单位: '教务处' });
  });

  it('skips empty rows but keeps spreadsheet row numbers', () => {
    const r = table([['', ''], ['编号', '事项', '承办单位'], ['', ' ', ''], ['1', '甲', '教务处'], [''], ['2', '乙']]);
    expect(r.table.headerRow).toBe(2);
    expect(r.table.rows.map((x) => [x.row, x.values.承办单位])).toEqual([
      [4, '教务处'],
      [6, ''],
    ]);
  });

  it('skips trailing notes and unfilled template rows with info, but not a one-cell row in the middle', () => {
    const r = table([
      ['序号', '事项', '承办单位'],
      ['1', '甲', '教务处'],
      ['备注：这一行在中间', '', ''],
      ['2', '乙', '人事处'],
      ['3', '', ''],
      ['（四）', '', ''],
      ['备注：1. 执行现状（5类）', '', ''],
      ['2、整改时限具体到月', '', ''],
      ['（3）落实情况简要填写', '', ''],
      ['说明', '', ''],
      ['填表人：张三', '', ''],
    ]);
    expect(r.table.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([5, 6, 7, 8, 9, 10, 11].map((n) => ['I_NOTE_ROW', 'info', n]));
  });

  it('keeps a trailing data row that only looks numbered when other cells are filled', () => {
    const r = table([
      ['序号', '事项', '承办单位'],
      ['1', '1. 修订办法', '教务处'],
    ]);
    expect(r.table.rows).toHaveLength(1);
  });

  it('warns about a duplicate column and reads the canonical one', () => {
    const r = table([
      ['编号', '事项', '责任单位', '承办单位'],
      ['1', '甲', '人事处', '教务处'],
    ]);
    expect(r.table.rows[0]!.values.承办单位).toBe('教务处');
    expect(r.issues).toMatchObject([{ severity: 'warning', row: 1, column: '责任单位' }]);
  });

  it('reports a missing required column, naming the accepted aliases', () => {
    const r = read([['督办事项表'], ['编号', '事项', '办结时限'], ['1', '甲', '年底前']]);
    expect(r.status).toBe('missing');
    if (r.status !== 'missing') return;
    expect(r.issues).toMatchObject([{ code: 'E_MISSING_COLUMN', row: 2, value: '承办单位' }]);
    expect(r.issues[0]!.message).toContain('承办单位');
    expect(r.issues[0]!.hint).toContain('承办部门');
  });

  it('prefers the missing column of a fuller kind over a thin complete one (自查表 without 执行现状 is not a 制度目录)', () => {
    const r = read([
      ['序号', '制发单位', '制度名称', '具体执行情况和下一步整改措施', '整改时限'],
      ['1', '教务处', '办法', '', ''],
    ]);
    expect(r.status).toBe('missing');
    if (r.status === 'missing') expect(r.issues[0]!.message).toContain('执行现状');
  });

  it('does not read a 公开事项 table without 公开范围 as 督办事项 through aliases', () => {
    const r = read([
      ['序号', '类别', '事项', '责任单位', '公开形式'],
      ['1', '校务', '招生章程', '招生办', '网站'],
    ]);
    expect(r.status).toBe('missing');
    if (r.status === 'missing') expect(r.issues[0]!.message).toContain('公开事项台账');
  });

  it('looks for the header only in the first 10 non-empty rows', () => {
    const titles = Array.from({ length: 10 }, (_, i) => [`标题${i}`]);
    const r = read([...titles, ['编号', '事项', '承办单位'], ['1', '甲', '教务处']]);
    expect(r.status).toBe('unknown');
    if (r.status === 'unknown') expect(r.issues[0]).toMatchObject({ code: 'E_UNKNOWN_KIND', row: null });
    expect(table([...titles.slice(1), ['编号', '事项', '承办单位']]).table.headerRow).toBe(10);
  });

  it('names the closest kind in the hint of an unknown table', () => {
    const r = read([['制度', '执行现状', '情况']]);
    if (r.status !== 'unknown') throw new Error(r.status);
    expect(r.issues[0]!.message).toContain('督办事项、催办记录');
    expect(r.issues[0]!.hint).toContain('制度执行自查表台账需要「制发单位」「制度名称」「执行现状」列');
  });

  it('says empty for no rows or blank rows only', () => {
    expect(read([])).toEqual({ status: 'empty' });
    expect(read([[''], [' ', '\u3000']])).toEqual({ status: 'empty' });
  });

  it('uses the hyperlink target for 链接', () => {
    const rows: GridRow[] = [
      { row: 1, cells: ['类别', '事项', '公开范围', '链接'] },
      { row: 2, cells: ['校务', '甲', '社会公开', '点击查看'], links: [undefined, undefined, undefined, 'https://x.edu.cn/1'] },
    ];
    const r = readTable(rows, { file: 'x.xlsx', sheet: '公开' });
    if (r.status !== 'table') throw new Error(r.status);
    expect(r.table.sheet).toBe('公开');
    expect(r.table.rows[0]!.values.链接).toBe('https://x.edu.cn/1');
  });
});
