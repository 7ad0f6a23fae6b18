/** The supervision report of a period (XLSX, PDF, DOCX), for a build's month and for `duban report`. */
import type { IsoDate } from '../model/dates.ts';
import type { OutputFile } from '../model/output.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { calendarFor } from '../analyze/analyze.ts';
import { buildReportData } from '../aggregate/report-data.ts';
import type { Period } from '../aggregate/period.ts';
import { officeAssets } from '../render/office-assets.ts';
import { renderReportXlsx } from '../render/xlsx/report-xlsx.ts';
import { renderReportPdf } from '../render/pdf/report/report-pdf.ts';
import { renderReportDocx } from '../render/docx/report.ts';
import type { Analyzed } from './ledgers.ts';
import { analysisOn } from './seen-on.ts';

/** A period's report sees the ledgers as they stood at the period's end (or today, if sooner). */
export async function renderPeriodReport(a: Analyzed, period: Period, ctx: { config: OfficeConfig; templatesDir: string; asOf: IsoDate }): Promise<OutputFile[]> {
  const asOf = period.end < ctx.asOf ? period.end : ctx.asOf;
  const analysis = analysisOn(a, asOf, ctx.config);
  const returns = { feedback: a.records.feedback ?? [], reviews: a.records.reviews ?? [], cal: calendarFor(a.records), feedbackDay: ctx.config.feedbackDay };
  const data = buildReportData(analysis, period, ctx.config, returns);
  const assets = officeAssets(ctx.templatesDir);
  return [
    await renderReportXlsx(data, ctx.config),
    await renderReportPdf(data, ctx.config, assets.pdf, assets.summary.source),
    await renderReportDocx(data, ctx.config, assets.pdf, assets.summary.source),
  ];
}
