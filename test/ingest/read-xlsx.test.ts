import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import { dateText, plainNumber } from '../../pipeline/ingest/read-xlsx.ts';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function itemsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('11月');
  ws.getCell('A1').value = '督查督办事项办理情况表';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '填报单位：党政办公室';
  ws.mergeCells('A2:F2');
  ws.addRow(['序号', '布置时间', '承办部门', '内容', '办结时限', '落实情况']);
  ws.addRow([1, new Date(Date.UTC(2025, 9, 9)), '教务处', { richText: [{ text: '修订' }, { text: '考核办法', font: { bold: true } }] }, 45991, 0.1 + 0.2]);
  ws.getCell('E4').numFmt = 'yyyy-mm-dd';
  ws.addRow([2, 45930, { text: '科技处', hyperlink: 'https://x.edu.cn' }, { formula: 'CONCAT("甲","乙")', result: '甲乙' }, { formula: 'B5+30', result: 45960 }, 1e21]);
  ws.getCell('B5').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('E5').numFmt = 'yyyy/m/d';
  // Sub-tasks under one merged 序号.
  ws.addRow([3, '', '人事处', '丙', '', 12345678901]);
  ws.addRow(['', '', '人事处', '丙的子任务', '', '']);
  ws.mergeCells('A6:A7');
  ws.addRow(['备注：统计截止时间为11月30日']);
  ws.mergeCells('A8:F8');
  const notes = wb.addWorksheet('填表说明');
  notes.addRow(['请按要求填写']);
  const hidden = wb.addWorksheet('下拉选项');
  hidden.addRow(['编号', '事项', '承办单位']);
  hidden.state = 'hidden';
  return bytesOf(wb);
}

describe('XLSX ingest', () => {
  it('reads a workbook like a CSV: merged title, dates, serials, formulas, rich text, hyperlinks', async () => {
    const r = await ingestFiles([{ path: '台账.xlsx', bytes: await itemsWorkbook() }]);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t).toMatchObject({ kind: 'items', sheet: '11月', headerRow: 3, baseName: '台账', fileValues: { 填报单位: '党政办公室', 统计截至: '11月30日' } });
    expect(t.rows.map((x) => [x.row, x.values.序号, x.values.立项日期, x.values.承办单位, x.values.事项, x.values.办结时限, x.values.落实情况])).toEqual([
      [4, '1', '2025-10-09', '教务处', '修订考核办法', '2025-11-30', '0.3'],
      [5, '2', '2025-09-30', '科技处', '甲乙', '2025-10-30', '1000000000000000000000'],
      [6, '3', '', '人事处', '丙', '', '12345678901'],
      [7, '3', '', '人事处', '丙的子任务', '', ''],
    ]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['I_NOTE_ROW', 'info', 8],
      ['I_SKIPPED_FILE', 'info', null],
    ]);
  });

  it('reports every sheet when no sheet is a ledger, and an empty workbook as empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['姓名', '电话']);
    wb.addWorksheet('B').addRow(['说明']);
    const r = await ingestFiles([{ path: 'x.xlsx', bytes: await bytesOf(wb) }]);
    expect(r.issues.map((i) => i.code)).toEqual(['E_UNKNOWN_KIND', 'E_UNKNOWN_KIND']);
    expect(r.issues[0]!.message).toContain('工作表「A」');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    expect((await ingestFiles([{ path: 'e.xlsx', bytes: await bytesOf(empty) }])).issues.map((i) => i.code)).toEqual(['E_EMPTY_FILE']);
  });

  it('reads a workbook saved with a .csv name, and CSV text saved with an .xlsx name', async () => {
    const r = await ingestFiles([
      { path: 'a.csv', bytes: await itemsWorkbook() },
      { path: 'b.xlsx', bytes: new TextEncoder().encode('编号,事项,承办单位\n1,甲,教务处') },
    ]);
    expect(r.tables.map((t) => [t.file, t.kind])).toEqual([
      ['a.csv', 'items'],
      ['b.xlsx', 'items'],
    ]);
  });
});

describe('cell text', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [123456789012, '123456789012'],
    [3, '3'],
    [-0.5, '-0.5'],
    [1 / 3, '0.333333333333333'],
  ])('plainNumber(%s) = %s', (n, s) => expect(plainNumber(n)).toBe(s));

  it('dateText rounds float noise of serials and keeps time-only values', () => {
    expect(dateText(new Date(Date.UTC(2025, 10, 2, 23, 59, 59, 999)))).toBe('2025-11-03');
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 9, 30)))).toBe('09:30');
  });
});
