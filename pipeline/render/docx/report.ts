/** The monthly (quarterly, …) report as DOCX, beside its PDF. */
import type { ReportData } from '../../aggregate/report-data.ts';
import type { OutputFile } from '../../model/output.ts';
import type { PdfAssets } from '../pdf/assets.ts';
import { reportDefinition, reportPdfPath, type ReportPdfConfig } from '../pdf/report/report-pdf.ts';
import { definitionDocx, docxKit, docxPath } from './index.ts';

export async function renderReportDocx(data: ReportData, config: ReportPdfConfig, assets: Pick<PdfAssets, 'kit' | 'familyNames'>, summaryTemplate?: string): Promise<OutputFile> {
  return { path: docxPath(reportPdfPath(data)), bytes: await definitionDocx(reportDefinition(data, config, assets.kit, summaryTemplate), docxKit(assets)) };
}
