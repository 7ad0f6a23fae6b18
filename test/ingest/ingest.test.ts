import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import type { SourceFile } from '../../pipeline/model/ledger.ts';

const fixture = (name: string): SourceFile => ({
  path: `ingest/${name}`,
  bytes: new Uint8Array(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url))),
});
const text = (path: string, s: string): SourceFile => ({ path, bytes: new TextEncoder().encode(s) });
const one = async (f: SourceFile) => {
  const r = await ingestFiles([f]);
  expect(r.tables).toHaveLength(1);
  return { table: r.tables[0]!, issues: r.issues };
};

describe('ingestFiles on fixtures', () => {
  it('reads a plain UTF-8 items ledger', async () => {
    const { table, issues } = await one(fixture('督办台账.csv'));
    expect(issues).toEqual([]);
    expect(table).toMatchObject({ kind: 'items', headerRow: 1, baseName: '督办台账', file: 'ingest/督办台账.csv' });
    expect(table.rows.map((r) => [r.row, r.values.编号, r.values.承办单位])).toEqual([
      [2, 'DB2025-001', '人事处'],
      [3, 'DB2025-002', '资产处、保卫处'],
    ]);
  });

  it('reads UTF-8 with BOM, CRLF and no final newline', async () => {
    const { table } = await one(fixture('台账-bom.csv'));
    expect(Object.keys(table.headerText)).toEqual(['编号', '事项', '承办单位']);
    expect(table.rows.map((r) => r.values.事项)).toEqual(['甲事项', '乙事项']);
  });

  it('reads a GBK 自查表 with a title row and CRLF (seed 000 form)', async () => {
    const utf8 = readFileSync(new URL('../fixtures/ingest/自查表-教务处.csv', import.meta.url), 'utf8');
    const bytes = new Uint8Array(iconv.encode(utf8.replace(/\n/g, '\r\n'), 'gbk'));
    const { table, issues } = await one({ path: '自查表-教务处.csv', bytes });
    expect(table).toMatchObject({ kind: 'selfChecks', headerRow: 3, fileValues: { 填报单位: '教务处', 填报日期: '2022-11-10' } });
    expect(table.headerText.整改措施).toBe('具体执行情况和下一步整改措施 (比较好不用填)');
    expect(table.rows.map((r) => [r.row, r.values.执行现状, r.values.整改时限])).toEqual([
      [4, '比较好', ''],
      [5, '执行不好（经费不足）', '11月底'],
    ]);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ['I_NOTE_ROW', 6],
      ['I_NOTE_ROW', 7],
      ['I_NOTE_ROW', 8],
    ]);
  });

  it('reads the 整改表 with full-width brackets, a ＊ marker and U+3000 in the header', async () => {
    const { table } = await one(fixture('整改表-人事处.csv'));
    expect(table).toMatchObject({ kind: 'rectifications', headerRow: 3, fileValues: { 填报单位: '人事处', 填报日期: '2022年11月30日' } });
    expect(table.headerText).toMatchObject({ 是否完成: '是否完成（完成时限）', 整改措施: '＊整改措施', 制度名称: '制度名称' });
    expect(table.rows.map((r) => r.values.是否完成)).toEqual(['近期完成（12月中旬）', '已完成']);
  });

  it('reads the seed-003 办理情况表 (tab-separated) as items, with its title, template rows and notes', async () => {
    const { table, issues } = await one(fixture('办理情况表-11月.csv'));
    expect(table).toMatchObject({ kind: 'items', headerRow: 5, fileValues: { 督办时间: '2025年11月', 统计截至: '11月30日' } });
    expect(table.headerText).toEqual({ 序号: '序号', 立项日期: '布置时间', 承办单位: '承办部门', 事项: '内容', 状态: '是否落实', 落实情况: '落实情况' });
    expect(table.rows.map((r) => [r.row, r.values.序号, r.values.状态])).toEqual([
      [6, '1', '是'],
      [7, '2', '部分'],
    ]);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ['I_NOTE_ROW', 8],
      ['I_NOTE_ROW', 9],
      ['I_NOTE_ROW', 11],
      ['I_NOTE_ROW', 12],
    ]);
  });

  it('reads a semicolon file', async () => {
    const { table } = await one(fixture('制度目录.csv'));
    expect(table.kind).toBe('regulations');
    expect(table.rows[0]!.values.文号).toBe('辽科院委发〔2018〕69号');
  });

  it('keeps row numbers right after a quoted multi-line cell', async () => {
    const { table } = await one(fixture('多行单元格.csv'));
    // Row 2 spans two lines of text but is one spreadsheet row; row 4 is the empty line.
    expect(table.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(table.rows[0]!.values).toMatchObject({ 事项: '修订考勤办法\n（含请假流程）', 落实情况: '已起草，"征求意见稿"已发出' });
  });

  it('reports unknown kinds and missing columns, with no table', async () => {
    const r = await ingestFiles([fixture('通讯录.csv'), fixture('缺列.csv')]);
    expect(r.tables).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.file, i.row])).toEqual([
      ['E_UNKNOWN_KIND', 'ingest/通讯录.csv', null],
      ['E_MISSING_COLUMN', 'ingest/缺列.csv', 1],
    ]);
    expect(r.issues[0]!.hint).toContain('督办事项台账需要「编号（或序号）」「事项」「承办单位」列');
    expect(r.issues[1]!.hint).toContain('承办部门');
  });

  it('reads every row after a quote that was never closed, and names that row (it used to drop Q-2…Q-4 silently)', async () => {
    const { table, issues } = await one(fixture('引号未闭合.csv'));
    expect(table.rows.map((r) => [r.row, r.values.编号, r.values.事项])).toEqual([
      [2, 'Q-1', '修订督查督办工作办法'],
      [4, 'Q-3', '完善实验室安全检查台账'],
      [5, 'Q-4', '制定毕业生就业工作方案'],
    ]);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'E_QUOTE', file: 'ingest/引号未闭合.csv', row: 3, column: '事项' })]);
    expect(issues[0]!.message).toContain('引号没有闭合');
    expect(issues[0]!.hint).toContain('补上英文双引号');
  });

  it('warns about cells beyond the header, the sign of a comma left unquoted', async () => {
    const { table, issues } = await one(text('a.csv', '编号,事项,承办单位\nA-1,征求意见稿,已发出,教务处\nA-2,乙,人事处,,\n'));
    expect(table.rows).toHaveLength(2);
    expect(issues.map((i) => [i.code, i.row, i.value])).toEqual([['W_EXTRA_CELLS', 2, '教务处']]);
  });
});

describe('ingestFiles on odd input', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['blank lines', new TextEncoder().encode('\r\n , ,\r\n\t\r\n')],
    ['BOM only', new Uint8Array([0xef, 0xbb, 0xbf])],
  ])('%s → E_EMPTY_FILE', async (_n, bytes) => {
    const r = await ingestFiles([{ path: 'x.csv', bytes }]);
    expect(r).toEqual({ tables: [], issues: [expect.objectContaining({ code: 'E_EMPTY_FILE', severity: 'error', file: 'x.csv', row: null })] });
  });

  it('PNG bytes → E_ENCODING, and the next file is still read', async () => {
    const png = { path: 'a.csv', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) };
    const r = await ingestFiles([png, text('b.csv', '编号,事项,承办单位\n1,甲,教务处\n')]);
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([['E_ENCODING', 'a.csv']]);
    expect(r.tables.map((t) => t.file)).toEqual(['b.csv']);
  });

  it('a ZIP that is not a workbook → E_ENCODING', async () => {
    const r = await ingestFiles([{ path: 'a.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) }]);
    expect(r.issues.map((i) => i.code)).toEqual(['E_ENCODING']);
  });

  it('reads Excel "Unicode text" (UTF-16LE, tabs) saved as .csv', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('编号\t事项\t承办单位\r\nDB-1\t甲\t教务处\r\n', 'utf16le')]);
    const { table } = await one({ path: 'u.csv', bytes });
    expect(table.rows[0]!.values).toEqual({ 编号: 'DB-1', 事项: '甲', 承办单位: '教务处' });
  });
});
