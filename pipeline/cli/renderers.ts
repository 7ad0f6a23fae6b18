/** Which outputs a build makes. Each renderer is pure; this only calls them in order. */
import type { OutputFile } from '../model/output.ts';
import type { IsoDate } from '../model/dates.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { Analysed } from './pipeline.ts';
import { analysisOn } from './seen-on.ts';
import type { Progress } from './progress.ts';
import { renderAnalysisJson } from '../render/analysis-json.ts';
import { FOLDERS, renderFormalDocuments, type PdfAssets } from '../render/pdf/index.ts';
import { buildReportData } from '../aggregate/report-data.ts';
import { reportMonthOf, type Period } from '../aggregate/period.ts';
import { renderReportXlsx } from '../render/xlsx/report-xlsx.ts';
import { renderReportPdf } from '../render/pdf/report-pdf.ts';
import { renderReportDocx } from '../render/docx/report.ts';
import { renderCampaignOutputs } from '../render/campaign.ts';
import { campaignTrackedItems } from '../aggregate/campaign-items.ts';
import { calendarFor } from '../analyze/analyze.ts';
import { renderSiteFiles, renderSiteImages } from './site-outputs.ts';
import { readWrittenHashes } from '../write/manifest.ts';
import { officeAssets } from '../render/office-assets.ts';
import { DESK_ASSETS, DESK_PAGE } from '../render/html/desk-data.ts';
import { renderDeskFiles } from './desk-outputs.ts';
import { FEEDBACK_FOLDER, REVIEW_FOLDER, renderFeedbackOutputs } from '../render/feedback-outputs.ts';

export interface RenderContext {
  config: OfficeConfig;
  templatesDir: string;
  asOf: IsoDate;
  /** Where the outputs go: long images are reused from there when their page did not change. */
  outDir?: string;
  /** Lines for the user (a missing browser, an office template that failed to load). */
  notes?: string[];
  /** Draw the long images (default true). Without, images whose page is unchanged are kept, the rest removed. */
  images?: boolean;
}

export { renderSiteFiles } from './site-outputs.ts';

/**
 * Path prefixes a build owns: outputs there that a build no longer makes are removed (a letter for
 * an item no longer overdue, a page of an item that left an edition). Reports of other periods,
 * written by `duban report`, are not a build's to remove.
 */
export function buildScopes(asOf: IsoDate, config: Pick<OfficeConfig, 'reportSubmitDays'>): string[] {
  return [
    'internal/analysis.json',
    ...Object.values(FOLDERS).map((f) => `${f}/`),
    `internal/reports/${reportMonthOf(asOf, config.reportSubmitDays).id}/`,
    'internal/campaign/',
    `${FEEDBACK_FOLDER}/`,
    `${REVIEW_FOLDER}/`,
    // The office's desk and its stylesheet (render/html/desk-data.ts).
    DESK_PAGE,
    DESK_ASSETS,
    'public/',
    'campus/',
  ];
}

/** Fonts are parsed once per process, however many documents a run (or a watch session) makes. */
export function pdfAssets(templatesDir: string): PdfAssets {
  return officeAssets(templatesDir).pdf;
}

export async function renderOutputs(a: Analysed, ctx: RenderContext, p: Progress): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  files.push(await p.stage('analysis.json', () => renderAnalysisJson(a.analysis)));
  const assets = await p.stage('加载字体与模板', () => pdfAssets(ctx.templatesDir));
  const cal = calendarFor(a.records);
  const tracked = campaignTrackedItems(a.analysis, cal);
  const bar = p.counter('公文');
  files.push(...(await p.stage('公文 PDF（催办通知、督办通知、登记表、到期提醒）', () => renderFormalDocuments(a.analysis, ctx.config, assets, tracked, bar.tick, { docx: true }).finally(bar.stop))));
  files.push(...(await p.stage('专项活动（自查、整改、报送、制度清理）', () => renderCampaignOutputs(a.analysis, ctx.config, assets, officeAssets(ctx.templatesDir).submission.say, { docx: true }))));
  files.push(...(await p.stage('进展反馈与审核（反馈表、催报通知、待审核）', () => renderFeedbackOutputs(a.analysis, ctx.config, assets, cal, officeAssets(ctx.templatesDir).submission.say, { docx: true }))));
  files.push(...(await p.stage('月度督查督办报告（XLSX、PDF）', () => renderPeriodReport(a, reportMonthOf(ctx.asOf, ctx.config.reportSubmitDays), ctx))));
  const site = await p.stage('公开通报网站（公开版、校内版）', () => renderSiteFiles(a, ctx));
  files.push(...site);
  if (ctx.outDir !== undefined) {
    const outDir = ctx.outDir;
    const images = await p.stage('通报长图', async () => renderSiteImages(site, outDir, await readWrittenHashes(outDir), ctx.images !== false));
    files.push(...images.files);
    if (images.warning) ctx.notes?.push(images.warning);
  }
  // Last: it links to the files of the other stages.
  files.push(...(await p.stage('督办工作台', () => renderDeskFiles(a, ctx, tracked, files))));
  return files;
}

/** A period's report sees the ledgers as they stood at the period's end (or today, if sooner). */
export async function renderPeriodReport(a: Analysed, period: Period, ctx: RenderContext): Promise<OutputFile[]> {
  const asOf = period.end < ctx.asOf ? period.end : ctx.asOf;
  const analysis = analysisOn(a, asOf, ctx.config);
  const returns = { feedback: a.records.feedback ?? [], reviews: a.records.reviews ?? [], cal: calendarFor(a.records), feedbackDay: ctx.config.feedbackDay };
  const data = buildReportData(analysis, period, ctx.config, returns);
  const summary = officeAssets(ctx.templatesDir).summary;
  return [
    await renderReportXlsx(data, ctx.config),
    await renderReportPdf(data, ctx.config, pdfAssets(ctx.templatesDir), summary.source),
    await renderReportDocx(data, ctx.config, pdfAssets(ctx.templatesDir), summary.source),
  ];
}
