/**
 * The report workbook: 办理情况表, 汇总, 逾期事项, 回访复查, 单位考核, and 专项活动 when there is
 * campaign data. Written with exceljs' streaming writer into memory (report-workbook.ts): rows are
 * serialised as they are added instead of being kept as cell objects, which is what lets 100,000
 * items fit the time and memory budget.
 */
import type { OfficeConfig } from '../../config/office-config.ts';
import type { OutputFile } from '../../model/output.ts';
import type { ReportData } from '../../aggregate/report-data.ts';
import { overdueSheet, recheckSheet, statusSheet } from './report-item-sheets.ts';
import { assessmentSheet, summarySheet } from './report-summary-sheets.ts';
import { campaignSheet } from './report-campaign-sheet.ts';
import { renderWorkbook } from './report-workbook.ts';

export type XlsxConfig = Pick<OfficeConfig, 'officeName'> & Partial<Pick<OfficeConfig, 'fixedTimestamp' | 'reportSubmitDays'>>;

export function reportXlsxPath(data: ReportData): string {
  return `internal/reports/${data.period.id}/督查督办事项办理情况表-${data.period.label}.xlsx`;
}

export async function renderReportXlsx(data: ReportData, config: XlsxConfig): Promise<OutputFile> {
  const sheets = [
    statusSheet(data, { reportSubmitDays: config.reportSubmitDays ?? null }),
    summarySheet(data),
    overdueSheet(data),
    recheckSheet(data),
    assessmentSheet(data),
    // Only when the data folder holds campaign ledgers: a 督办-only office sees no empty sheet.
    ...(data.campaign !== null ? [campaignSheet(data, data.campaign)] : []),
  ];
  const bytes = await renderWorkbook(sheets, { when: documentTime(data.asOf, config.fixedTimestamp ?? null), author: config.officeName });
  return { path: reportXlsxPath(data), bytes };
}

/** config.fixedTimestamp when valid, else the as-of date at 00:00 China Standard Time. */
function documentTime(asOf: string, fixed: string | null): Date {
  const d = fixed === null ? new Date(NaN) : new Date(fixed);
  return Number.isNaN(d.getTime()) ? new Date(`${asOf}T00:00:00+08:00`) : d;
}
