/**
 * The campaign outputs of seed 000 under out/internal/campaign/: 自查情况汇总表, 整改台账,
 * 报送情况 (with the 催报名单), 制度清理目录, and a 催报通知 per unit that has not sent a form by its
 * due date. Pure: files come back as values; a ledger kind the data folder lacks makes no file,
 * and an analysis without campaign data makes nothing at all.
 */
import type { Analysis } from '../model/analysis.ts';
import type { OutputFile } from '../model/output.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import { hasCampaignData } from '../aggregate/campaign-counts.ts';
import { missingSubmissions, type MissingSubmissions } from '../aggregate/campaign-tables.ts';
import { renderWorkbook } from './xlsx/report-workbook.ts';
import { selfCheckDetailSheet, selfCheckSummarySheet, type CampaignSheetContext } from './xlsx/campaign-self-check-sheets.ts';
import { missingSheet, rectificationSheet, regulationReviewSheet, submissionSheet } from './xlsx/campaign-sheets.ts';
import type { PdfAssets } from './pdf/assets.ts';
import { docxKit, docxPath } from './docx/index.ts';
import { submissionReminderDocx } from './docx/documents.ts';
import { NameRegistry } from './pdf/filenames.ts';
import { metadataTimestamp } from './pdf/letters/context.ts';
import { submissionReminderBatchPdf, submissionReminderPdf, type SubmissionDocContext } from './pdf/letters/submission-reminder.ts';
import { compileSubmissionWording, type SubmissionWording } from './pdf/letters/submission-reminder-wording.ts';

export const CAMPAIGN_FOLDER = 'internal/campaign';
export const SUBMISSION_REMINDER_FOLDER = `${CAMPAIGN_FOLDER}/催报通知`;

export const CAMPAIGN_FILES = {
  selfChecks: `${CAMPAIGN_FOLDER}/自查情况汇总表.xlsx`,
  rectifications: `${CAMPAIGN_FOLDER}/整改台账.xlsx`,
  submissions: `${CAMPAIGN_FOLDER}/报送情况.xlsx`,
  regulations: `${CAMPAIGN_FOLDER}/制度清理目录.xlsx`,
} as const;

/**
 * The 催报通知 a run writes and where (paths relative to out/): one per unit that owes a form, and
 * the batch; the one place their names are given out, so the office's desk links to these files.
 */
export function planSubmissionReminderFiles(
  analysis: Pick<Analysis, 'submissions'>,
  wording: SubmissionWording = compileSubmissionWording().say,
): { units: { plan: MissingSubmissions; path: string }[]; batch: string | null } {
  const plans = missingSubmissions(analysis.submissions);
  const names = new NameRegistry();
  const units = plans.map((plan) => ({ plan, path: names.take(SUBMISSION_REMINDER_FOLDER, wording('file.unit', { unit: plan.unit }), 'pdf') }));
  return { units, batch: units.length > 0 ? names.take(SUBMISSION_REMINDER_FOLDER, wording('file.batch'), 'pdf') : null };
}

export type CampaignConfig = Pick<OfficeConfig, 'organization' | 'officeName' | 'contactPerson' | 'contactPhone' | 'fixedTimestamp'>;

/**
 * `wording`: loadSubmissionWording(templatesDir).say, so an office's templates/pdf/submission-reminder.json
 * is used; the built-in wording when omitted.
 */
export async function renderCampaignOutputs(
  analysis: Analysis,
  config: CampaignConfig,
  assets: Pick<PdfAssets, 'kit' | 'pageFonts' | 'familyNames'>,
  wording: SubmissionWording = compileSubmissionWording().say,
  /** `docx`: each 催报通知's DOCX beside its PDF too (render/docx/); the batch stays PDF only. */
  options: { docx?: boolean } = {},
): Promise<OutputFile[]> {
  if (!hasCampaignData(analysis)) return [];
  const when = metadataTimestamp(analysis.asOf, config.fixedTimestamp);
  const meta = { when, author: config.officeName };
  // Tables write dates as 2026-11-25, documents as 2026年11月25日.
  const ctx: CampaignSheetContext = { organization: config.organization, cutoffText: `统计截至：${analysis.asOf}` };
  const files: OutputFile[] = [];

  if (analysis.selfChecks.length > 0) {
    const sheets = [selfCheckSummarySheet(analysis.selfChecks, ctx), selfCheckDetailSheet(analysis.selfChecks, ctx)];
    files.push({ path: CAMPAIGN_FILES.selfChecks, bytes: await renderWorkbook(sheets, meta) });
  }
  if (analysis.rectifications.length > 0) {
    files.push({ path: CAMPAIGN_FILES.rectifications, bytes: await renderWorkbook([rectificationSheet(analysis.rectifications, ctx)], meta) });
  }
  if (analysis.submissions.length > 0) {
    const sheets = [submissionSheet(analysis.submissions, ctx), missingSheet(analysis.submissions, ctx)];
    files.push({ path: CAMPAIGN_FILES.submissions, bytes: await renderWorkbook(sheets, meta) });
  }
  // The catalogue is written even when nothing is due, so the office sees the check was made.
  if (analysis.regulations.length > 0) {
    files.push({ path: CAMPAIGN_FILES.regulations, bytes: await renderWorkbook([regulationReviewSheet(analysis.regulations, ctx)], meta) });
  }

  const letters = planSubmissionReminderFiles(analysis, wording);
  if (letters.batch !== null) {
    const doc: SubmissionDocContext = { kit: assets.kit, say: wording, config, asOf: analysis.asOf, timestamp: when };
    const kit = docxKit(assets);
    for (const { plan, path } of letters.units) {
      files.push({ path, bytes: submissionReminderPdf(doc, assets.pageFonts, plan) });
      if (options.docx) files.push({ path: docxPath(path), bytes: await submissionReminderDocx(doc, plan, kit) });
    }
    files.push({
      path: letters.batch,
      bytes: submissionReminderBatchPdf(
        doc,
        assets.pageFonts,
        letters.units.map((u) => u.plan),
      ),
    });
  }
  return files;
}
