/**
 * Tables office staff can use (issue 13 points 5d and 6): dates are real date cells shown as
 * 2026-11-25 in every workbook duban writes, the 办理情况表 has a 编号 column matching the 催办通知,
 * every cut-off line reads 统计截至 with the table date style, every rate names its period, and the
 * 回访复查 sheet says how its sample was drawn in plain words. All read back with exceljs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Analysis } from '../../../pipeline/model/analysis.ts';
import { buildReportData } from '../../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod } from '../../../pipeline/aggregate/period.ts';
import { DEFAULT_OFFICE_CONFIG, type OfficeConfig } from '../../../pipeline/config/office-config.ts';
import { renderReportXlsx } from '../../../pipeline/render/xlsx/report-xlsx.ts';
import { renderCampaignOutputs } from '../../../pipeline/render/campaign.ts';
import { fixtureAnalysis, fixtureItem } from '../../support/analysis-fixture.ts';
import { seed000Analysis } from '../../campaign/seed000-expected.ts';
import { CONFIG, pdfAssets } from '../pdf/render-fixture.ts';

const config: OfficeConfig = { ...DEFAULT_OFFICE_CONFIG, organization: '示范大学', reportSubmitDays: 5 };
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

async function open(bytes: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return wb;
}

function period(text: string) {
  const p = parsePeriod(text);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

/** The November report of the fixture, plus an item of a ledger without 编号 (id 台账#7). */
function reportAnalysis(): Analysis {
  const a = fixtureAnalysis();
  a.items.push(
    fixtureItem({
      id: '11月督办台账#7',
      seq: '7',
      file: '11月督办台账.xlsx',
      title: '修订研究生学位论文抽检办法',
      leadUnit: '教务处',
      assignedOn: '2026-11-03',
      deadline: '2026-11-20',
      effectiveDeadline: '2026-11-20',
      status: 'overdue',
      light: 'red',
      overdueWorkdays: 3,
      overdueDays: 5,
      row: 9,
    }),
  );
  return a;
}

let report: ExcelJS.Workbook;
const campaign: ExcelJS.Workbook[] = [];

beforeAll(async () => {
  const data = buildReportData(reportAnalysis(), period('2026-11'), config);
  report = await open((await renderReportXlsx(data, config)).bytes);
  for (const f of await renderCampaignOutputs(seed000Analysis(), CONFIG, pdfAssets())) {
    if (f.path.endsWith('.xlsx')) campaign.push(await open(f.bytes));
  }
});

function eachCell(wb: ExcelJS.Workbook, visit: (cell: ExcelJS.Cell, ws: ExcelJS.Worksheet) => void): void {
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => visit(cell, ws))));
}

function header(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(3).values as unknown[]).slice(1).map(String);
}

function column(ws: ExcelJS.Worksheet, name: string): number {
  const k = header(ws).indexOf(name);
  if (k < 0) throw new Error(`no column ${name} in ${ws.name}: ${header(ws).join(',')}`);
  return k + 1;
}

describe('dates are dates, shown as 2026-11-25', () => {
  it('no cell of any workbook holds a date as text; every date cell is a date with the yyyy-mm-dd format', () => {
    let dates = 0;
    for (const wb of [report, ...campaign]) {
      eachCell(wb, (cell, ws) => {
        if (cell.type === ExcelJS.ValueType.String) {
          expect(String(cell.value), `${ws.name}!${cell.address}`).not.toMatch(/^\d{4}-\d{2}-\d{2}(（已延期）)?$/);
        }
        if (cell.type === ExcelJS.ValueType.Date) {
          dates++;
          expect(cell.numFmt, `${ws.name}!${cell.address}`).toMatch(/^yyyy-mm-dd/);
          // UTC midnight of the day: the serial is a whole number, the same in every time zone.
          expect((cell.value as Date).getUTCHours()).toBe(0);
        }
      });
    }
    expect(dates).toBeGreaterThan(40);
  });

  it('办理情况表: 布置时间 and 办结时限 as dates; an extension shown after the date, the cell still a date', () => {
    const ws = report.getWorksheet('办理情况表')!;
    const idCol = column(ws, '编号');
    const row = [...Array(ws.rowCount).keys()].map((r) => ws.getRow(r + 1)).find((r) => r.getCell(idCol).value === 'DB2026-002')!;
    const assigned = row.getCell(column(ws, '布置时间'));
    expect(assigned.type).toBe(ExcelJS.ValueType.Date);
    expect(assigned.value).toEqual(day('2026-10-12'));
    expect(assigned.numFmt).toBe('yyyy-mm-dd');
    const deadline = row.getCell(column(ws, '办结时限'));
    expect(deadline.value).toEqual(day('2026-11-20'));
    expect(deadline.numFmt).toBe('yyyy-mm-dd"（已延期）"');
  });

  it('campaign workbooks: 截止日期, 报送日期 and 折算日期 are dates', () => {
    const names = campaign.flatMap((wb) => wb.worksheets.map((ws) => ws.name));
    expect(names).toEqual(expect.arrayContaining(['报送情况', '催报名单', '整改台账', '明细']));
    const sent = campaign.map((wb) => wb.getWorksheet('报送情况')).find((ws) => ws)!;
    expect(sent.getRow(4).getCell(column(sent, '截止日期')).value).toEqual(day('2022-11-12'));
    expect(sent.getRow(4).getCell(column(sent, '截止日期')).numFmt).toBe('yyyy-mm-dd');
  });
});

describe('办理情况表 can be matched against the 催办通知', () => {
  it("has 编号 right after the form's own columns, with the letters' 编号 (序号 where the ledger has none)", () => {
    const ws = report.getWorksheet('办理情况表')!;
    expect(header(ws).slice(0, 7)).toEqual(['序号', '布置时间', '承办部门', '内容', '是否落实', '落实情况', '编号']);
    const ids = [...Array(ws.rowCount).keys()].map((r) => ws.getRow(r + 1).getCell(7).value);
    expect(ids).toContain('DB2026-001');
    expect(ids).toContain('序号7');
    expect(ids.some((v) => typeof v === 'string' && v.includes('#'))).toBe(false);
  });
});

describe('one cut-off word and one date style per table', () => {
  it('every cut-off line says 统计截至 and writes the date as 2026-11-25', () => {
    const lines: string[] = [];
    for (const wb of [report, ...campaign]) {
      eachCell(wb, (cell) => {
        if (typeof cell.value === 'string' && /统计截/.test(cell.value)) lines.push(cell.value);
      });
    }
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) {
      expect(line).not.toContain('统计截止');
      expect(line).not.toMatch(/\d+年\d+月\d+日/);
      expect(line).toMatch(/统计截至[：]?\d{4}-\d{2}-\d{2}/);
    }
  });
});

describe('every rate says which period it is over', () => {
  it("单位考核: this period's rate and the year to date, each with its period", () => {
    const ws = report.getWorksheet('单位考核')!;
    const h = header(ws);
    expect(h).toContain('本期按期办结率（2026年11月）');
    expect(h).toContain('本年累计按期办结率（2026年1月—11月）');
    expect(h).not.toContain('按期办结率');
    const jw = [...Array(ws.rowCount).keys()].map((r) => ws.getRow(r + 1)).find((r) => r.getCell(2).value === '财务处')!;
    // 财务处 completed its only item on time in September: nothing of its own this month, 100% for the year.
    expect(jw.getCell(column(ws, '本年累计按期办结率（2026年1月—11月）')).value).toBe(1);
    expect(jw.getCell(column(ws, '本年累计按期办结率（2026年1月—11月）')).numFmt).toBe('0.0%');
  });

  it('汇总: the rate columns name the period', () => {
    const ws = report.getWorksheet('汇总')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).toContain('本期按期办结率（2026年11月）');
    expect(texts).not.toContain('按期办结率');
  });

  it('a report starting on 1 January has no separate year-to-date column', async () => {
    const data = buildReportData(reportAnalysis(), period('2026-01'), config);
    const ws = (await open((await renderReportXlsx(data, config)).bytes)).getWorksheet('单位考核')!;
    expect(header(ws).filter((h) => h.includes('按期办结率'))).toEqual(['本期按期办结率（2026年1月）']);
  });
});

describe('回访复查 sheet', () => {
  it('says all were taken when there were no more than the rule asks, and no programmer words', () => {
    const ws = report.getWorksheet('回访复查')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    const all = texts.join('\n');
    // One item of the fixture was completed in November (DB2026-012), fewer than the 3 the rule asks for.
    expect(all).toContain('本月可回访的办结事项仅1项（不足3项），全部抽取开展回访复查。');
    expect(all).not.toContain('种子');
    expect(all).not.toMatch(/随机抽取1项/);
    expect(ws.getRow(4).getCell(column(ws, '办结日期')).type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getRow(4).getCell(column(ws, '复查日期')).numFmt).toBe('yyyy-mm-dd');
  });
});
