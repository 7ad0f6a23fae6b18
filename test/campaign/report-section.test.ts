/** The 专项活动 part of the monthly report: a sheet in the workbook, a short section in the PDF. */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildReportData, type ReportData } from '../../pipeline/aggregate/report-data.ts';
import { isPeriodError, parsePeriod } from '../../pipeline/aggregate/period.ts';
import { DEFAULT_OFFICE_CONFIG } from '../../pipeline/config/office-config.ts';
import { renderReportXlsx } from '../../pipeline/render/xlsx/report-xlsx.ts';
import { renderReportPdf } from '../../pipeline/render/pdf/report/report-pdf.ts';
import { campaignSentences } from '../../pipeline/render/pdf/report/campaign.ts';
import { fixtureAnalysis } from '../support/analysis-fixture.ts';
import { pdfAssets } from '../render/pdf/render-fixture.ts';
import { plainText, readPdf } from '../render/pdf/pdf-reader.ts';
import { seed000Analysis } from './seed000-expected.ts';

const config = { ...DEFAULT_OFFICE_CONFIG, organization: '示范大学' };
let data: ReportData;

beforeAll(() => {
  const p = parsePeriod('2022-12');
  if (isPeriodError(p)) throw new Error(p.error);
  const a = seed000Analysis();
  a.items = fixtureAnalysis().items.slice(0, 2);
  data = buildReportData(a, p, config);
});

describe('report data', () => {
  it('carries the campaign counts, or null without campaign ledgers', () => {
    expect(data.campaign?.selfChecks.total).toBe(11);
    expect(data.campaign?.submissions.missing).toBe(4);
    const p = parsePeriod('2026-11');
    if (isPeriodError(p)) throw new Error(p.error);
    expect(buildReportData(fixtureAnalysis(), p, config).campaign).toBeNull();
  });
});

describe('report workbook', () => {
  it('adds the sheet 专项活动 with the counts', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderReportXlsx(data, config)).bytes as Uint8Array) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['办理情况表', '汇总', '逾期事项', '回访复查', '单位考核', '专项活动']);
    const ws = wb.getWorksheet('专项活动')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.[0]).toBe('示范大学专项活动情况统计');
    expect(rows.map((r) => r[0])).toContain('一、制度执行自查（按执行现状）');
    expect(rows).toContainEqual(['比较好', 4]);
    expect(rows).toContainEqual(['其中逾期未完成', 1]);
    expect(rows).toContainEqual(['未报送（已过截止日期）', 4]);
    expect(rows).toContainEqual(['施行10年以上、需审查', 4]);
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });
});

describe('report PDF', () => {
  it('has a short 七、专项活动 section with counts only', async () => {
    const text = plainText(await readPdf((await renderReportPdf(data, config, pdfAssets())).bytes));
    expect(text).toContain('七、专项活动');
    expect(text).toContain('制度执行自查：4个单位报送自查表11条，其中比较好4条、需要补充修订3条、需要强化执行2条、执行不好1条、未执行1条；需整改7条，逾期未整改3条。');
    expect(text).toContain('材料报送：应报送10份，按时报送5份，逾期报送1份，截止日期已过仍未报送4份（涉及4个单位，已发催报通知），未到截止日期0份。');
    expect(text).toContain('制度清理：制度目录共9项，其中现行7项，施行10年以上需审查4项。');
    // Counts only: no unit or regulation of the campaign rows in the section.
    const section = text.slice(text.indexOf('七、专项活动'));
    for (const name of ['党政办公室', '团委', '辽宁科技大学教材选用管理办法', '经费不足']) expect(section).not.toContain(name);
  });

  it('leaves out the ledgers the office does not keep', () => {
    const c = structuredClone(data.campaign!);
    c.rectifications.total = 0;
    c.submissions.required = 0;
    expect(campaignSentences(c).map((s) => s.slice(0, 4))).toEqual(['制度执行', '制度清理']);
  });
});
