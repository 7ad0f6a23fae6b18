/**
 * The report workbook: 办理情况表, 汇总, 逾期事项, 回访复查, 单位考核. Written with exceljs'
 * streaming writer into memory: rows are serialised as they are added instead of being kept as
 * cell objects, which is what lets 100,000 items fit the time and memory budget.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { OfficeConfig } from '../../config/office-config.ts';
import type { OutputFile } from '../../model/output.ts';
import type { ReportData } from '../../aggregate/report-data.ts';
import { overdueSheet, recheckSheet, statusSheet } from './report-item-sheets.ts';
import { assessmentSheet, summarySheet } from './report-summary-sheets.ts';
import { writeSheet } from './sheet-writer.ts';
import { fixZipTimes } from './zip-times.ts';

export type XlsxConfig = Pick<OfficeConfig, 'officeName'> & Partial<Pick<OfficeConfig, 'fixedTimestamp' | 'reportSubmitDays'>>;

export function reportXlsxPath(data: ReportData): string {
  return `internal/reports/${data.period.id}/督查督办事项办理情况表-${data.period.label}.xlsx`;
}

export async function renderReportXlsx(data: ReportData, config: XlsxConfig): Promise<OutputFile> {
  const when = documentTime(data.asOf, config.fixedTimestamp ?? null);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    // Shared strings: unit names and status words repeat on every row; also the form Excel
    // itself writes, so no reader falls back to formula-result string cells.
    useSharedStrings: true,
    created: when,
    modified: when,
    creator: config.officeName,
    lastModifiedBy: config.officeName,
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);

  await writeSheet(workbook, statusSheet(data, { reportSubmitDays: config.reportSubmitDays ?? null }));
  await writeSheet(workbook, summarySheet(data));
  await writeSheet(workbook, overdueSheet(data));
  await writeSheet(workbook, recheckSheet(data));
  await writeSheet(workbook, assessmentSheet(data));
  await workbook.commit();

  const bytes = fixZipTimes(new Uint8Array(Buffer.concat(chunks)), when);
  return { path: reportXlsxPath(data), bytes };
}

/** config.fixedTimestamp when valid, else the as-of date at 00:00 China Standard Time. */
function documentTime(asOf: string, fixed: string | null): Date {
  const d = fixed === null ? new Date(NaN) : new Date(fixed);
  return Number.isNaN(d.getTime()) ? new Date(`${asOf}T00:00:00+08:00`) : d;
}
