import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildReportData, type ReportData } from '../../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod } from '../../../pipeline/aggregate/period.ts';
import { DEFAULT_OFFICE_CONFIG, type OfficeConfig } from '../../../pipeline/config/office-config.ts';
import { renderReportXlsx } from '../../../pipeline/render/xlsx/report-xlsx.ts';
import { LIGHT_COLORS } from '../../../pipeline/render/xlsx/report-styles.ts';
import { FORMULA_BAIT, fixtureFormulaBaitAnalysis } from '../../support/analysis-fixture.ts';
import { zipEntries, zipTimes } from './zip-entries.ts';

const config: OfficeConfig = { ...DEFAULT_OFFICE_CONFIG, organization: '示范大学', reportSubmitDays: 5 };
const SHEETS = ['办理情况表', '汇总', '逾期事项', '回访复查', '单位考核'];
const FORM_COLUMNS = ['序号', '布置时间', '承办部门', '内容', '是否落实', '落实情况'];
const DUBAN_COLUMNS = ['编号', '办结时限', '状态', '逾期工作日', '催办次数'];

/** A date cell as exceljs reads it back: the day at UTC midnight. */
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

let data: ReportData;
let bytes: Uint8Array;
let path: string;
let wb: ExcelJS.Workbook;

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  return (ws.getRow(r).values as unknown[]).slice(1);
}

function findRow(ws: ExcelJS.Worksheet, col: number, value: unknown): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (same(ws.getRow(r).getCell(col).value, value)) return ws.getRow(r);
  throw new Error(`no row with ${String(value)} in ${ws.name}`);
}

beforeAll(async () => {
  const p = parsePeriod('2026-11');
  if (isPeriodError(p)) throw new Error(p.error);
  data = buildReportData(fixtureFormulaBaitAnalysis(), p, config);
  const file = await renderReportXlsx(data, config);
  path = file.path;
  bytes = file.bytes as Uint8Array;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

describe('report workbook', () => {
  it('is named after the form and the period', () => {
    expect(path).toBe('internal/reports/2026-11/督查督办事项办理情况表-2026年11月.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
  });

  it('办理情况表: title rows merged, the form columns then duban columns', () => {
    const ws = sheet('办理情况表');
    expect(ws.getCell('A1').value).toBe('示范大学督查督办事项办理情况表');
    expect(ws.getCell('A2').value).toBe('督办时间：2026年11月');
    expect(ws.getCell('K1').isMerged).toBe(true);
    expect(ws.getCell('K1').master.address).toBe('A1');
    expect(ws.getCell('K2').master.address).toBe('A2');
    expect(rowValues(ws, 3)).toEqual([...FORM_COLUMNS, ...DUBAN_COLUMNS]);
  });

  it('办理情况表: one row per item with its values', () => {
    const ws = sheet('办理情况表');
    for (let k = 0; k < data.items.length; k++) expect(ws.getRow(4 + k).getCell(1).value).toBe(k + 1);
    const row = findRow(ws, 2, day('2026-10-12')); // DB2026-002
    expect(rowValues(row.worksheet, row.number)).toEqual([
      expect.any(Number),
      day('2026-10-12'),
      '后勤管理处（配合：国有资产管理处、财务处）',
      '推进学生公寓维修改造工程',
      '否',
      '施工单位已进场。',
      'DB2026-002',
      day('2026-11-20'),
      '逾期未办结',
      3,
      1,
    ]);
    expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd"（已延期）"');
  });

  it('fills status cells with the light colour and writes the word', () => {
    const ws = sheet('办理情况表');
    const seen = new Map<string, string>();
    for (let k = 0; k < data.items.length; k++) {
      const cell = ws.getRow(4 + k).getCell(9);
      const fill = cell.fill as ExcelJS.FillPattern;
      seen.set(String(cell.value), fill.fgColor?.argb ?? '');
    }
    expect(seen.get('逾期未办结')).toBe(LIGHT_COLORS.red.fill);
    expect(seen.get('即将到期')).toBe(LIGHT_COLORS.yellow.fill);
    expect(seen.get('正常推进')).toBe(LIGHT_COLORS.green.fill);
    expect(seen.get('按期办结')).toBe(LIGHT_COLORS.blue.fill);
    expect(seen.get('未定时限')).toBe(LIGHT_COLORS.gray.fill);
  });

  it('prints A4 landscape, one page wide, header repeated, page numbers in the footer', () => {
    for (const name of ['办理情况表', '逾期事项', '回访复查', '单位考核']) {
      const ws = sheet(name);
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe('3:3');
      expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    }
    expect(sheet('汇总').pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
  });

  it('freezes the header and filters the table', () => {
    const ws = sheet('办理情况表');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe(`A3:K${3 + data.items.length}`);
  });

  it('puts the form note lines under the table', () => {
    const ws = sheet('办理情况表');
    const texts = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('1. 本次督办工作统计截至2026-11-25，2026-11-30前通过 OA 流程上交。');
    expect(texts).toContain('2. 督办事项涉及多个单位的，由承办部门负责汇总、填报落实情况。');
    const last = ws.getRow(3 + data.items.length).getCell(1).value;
    expect(last).toBe(data.items.length);
  });

  it('sizes columns for Chinese text, wraps long text, caps the width', () => {
    const ws = sheet('办理情况表');
    const content = ws.getColumn(4);
    expect(content.width).toBeGreaterThanOrEqual(20);
    expect(content.width).toBeLessThanOrEqual(50);
    expect(ws.getRow(4).getCell(4).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(12);
  });

  it('汇总: by source and by lead unit with percent-formatted rates, co-units apart', () => {
    const ws = sheet('汇总');
    const col1 = ws.getColumn(1).values;
    expect(col1).toContain('一、按事项来源');
    expect(col1).toContain('三、配合单位参与情况（不计入按期办结率）');
    const jw = findRow(ws, 1, '教务处');
    expect(rowValues(ws, jw.number)).toEqual(['教务处', 1, 0, 0, 1, 0, 0, 0]);
    expect(jw.getCell(8).numFmt).toBe('0.0%');
    const total = findRow(ws, 1, '合计');
    expect(total.getCell(2).value).toBe(data.totals.total);
    expect(total.getCell(8).value).toBe(data.totals.onTimeRate);
    expect(col1).toContain('党政办公室'); // only a co-unit in November
  });

  it('逾期事项: most overdue first with reminders and escalation', () => {
    const ws = sheet('逾期事项');
    const ids = data.overdue.map((_, k) => ws.getRow(4 + k).getCell(2).value);
    expect(ids[0]).toBe('DB2026-001');
    expect(ws.getRow(4).getCell(10).value).toBe(3);
    expect(ws.getRow(4).getCell(12).value).toBe('是');
    expect(ws.getRow(5).getCell(12).value).toBe('否');
    const days = data.overdue.map((_, k) => Number(ws.getRow(4 + k).getCell(8).value));
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('回访复查 and 单位考核 carry the sample and the per-unit figures', () => {
    const re = sheet('回访复查');
    expect(re.getRow(4).getCell(2).value).toBe(data.recheck.items[0]!.id);
    const as = sheet('单位考核');
    const jw = findRow(as, 2, '教务处');
    expect(rowValues(as, jw.number).slice(1)).toEqual(['教务处', 1, 0, 0, 0, 1, 0, 0, 17, 3, 1, 1, 0]);
  });
});

describe('formula safety', () => {
  it('writes formula-looking texts as strings, never formulas or hyperlinks', () => {
    const found = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
          expect(cell.formula).toBeUndefined();
          for (const bait of FORMULA_BAIT) if (typeof cell.value === 'string' && cell.value.includes(bait)) found.add(bait);
        });
      });
    }
    expect([...found].sort()).toEqual([...FORMULA_BAIT].sort());
    const ws = sheet('办理情况表');
    const row = findRow(ws, 4, '+1');
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(6).value).toBe('+1');
  });

  it('has no <f> element or hyperlink in the raw sheet XML', () => {
    const entries = zipEntries(bytes);
    const sheets = [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(5);
    for (const name of sheets) {
      const xml = entries.get(name)!.toString('utf8');
      expect(xml).not.toMatch(/<f[\s>/]/);
      expect(xml).not.toMatch(/<hyperlink/);
      expect(xml).not.toMatch(/t="str"/);
    }
    expect([...entries.keys()].some((n) => n.includes('_rels/sheet'))).toBe(false);
    expect(entries.get('xl/sharedStrings.xml')!.toString('utf8')).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
  });

  it('drops characters XML forbids instead of corrupting the file', async () => {
    const dirty = structuredClone(data);
    dirty.items[0]!.progress = 'a\u0000b\u0008c\uD800d\u001Fe';
    const file = await renderReportXlsx(dirty, config);
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(Buffer.from(file.bytes as Uint8Array) as unknown as ArrayBuffer);
    expect(w.getWorksheet('办理情况表')!.getRow(4).getCell(6).value).toBe('abcde');
  });
});

describe('reproducible output', () => {
  it('is byte-identical across runs, with fixed zip and document times', async () => {
    const again = await renderReportXlsx(data, config);
    expect(Buffer.from(again.bytes as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect(new Set(zipTimes(bytes)).size).toBe(1);
    const core = zipEntries(bytes).get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('2026-11-24T16:00:00Z'); // as-of date 00:00 in Beijing
  });
});
