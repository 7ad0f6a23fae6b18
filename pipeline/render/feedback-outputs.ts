/**
 * The outputs of the feedback loop (spec §2.10–2.11; seed 003 §三(三)(五), seed 004 art. 22–23):
 *   - internal/进展反馈表/<unit>.xlsx: the fill-in workbook of every unit with open items;
 *   - internal/进展反馈表/催报通知/: a 催报通知 per lead unit whose feedback is missing after the due day;
 *   - internal/待审核/待审核事项.xlsx (for reading) and 本次审核记录.csv (to fill in and save into the
 *     data folder, read back as 审核记录) for the requests not yet decided.
 * Pure: files come back as values. Nothing of it is published (spec §6).
 */
import type { Analysis } from '../model/analysis.ts';
import type { OutputFile } from '../model/output.ts';
import type { OfficeConfig } from '../config/office-config.ts';
import type { WorkdayCalendar } from '../analyze/workday-calendar.ts';
import type { FeedbackPlans, PendingRequest } from '../aggregate/feedback-plans.ts';
import { itemLabeller } from '../model/item-labels.ts';
import { renderFeedbackWorkbook } from './xlsx/feedback-workbook.ts';
import { renderWorkbook } from './xlsx/report-workbook.ts';
import { block, dateCell, type Column, type SheetSpec } from './xlsx/sheet-writer.ts';
import type { PdfAssets } from './pdf/assets.ts';
import { docxKit, docxPath } from './docx/index.ts';
import { feedbackReminderDocx } from './docx/documents.ts';
import { NameRegistry } from './pdf/filenames.ts';
import { metadataTimestamp } from './pdf/letters/context.ts';
import { csvText } from './pdf/letters/reminder-csv.ts';
import { feedbackReminderBatchPdf, feedbackReminderPdf, type FeedbackLetterContext } from './pdf/letters/submission-reminder.ts';
import { compileSubmissionWording, type SubmissionWording } from './pdf/letters/submission-reminder-wording.ts';

export const FEEDBACK_FOLDER = 'internal/进展反馈表';
export const FEEDBACK_REMINDER_FOLDER = `${FEEDBACK_FOLDER}/催报通知`;
export const REVIEW_FOLDER = 'internal/待审核';
export const REVIEW_FILES = {
  list: `${REVIEW_FOLDER}/待审核事项.xlsx`,
  csv: `${REVIEW_FOLDER}/本次审核记录.csv`,
} as const;

/** The columns of 本次审核记录.csv: a 审核记录 header (spec §2.11), 审核结果 left for the office. */
export const REVIEW_CSV_HEADER = ['编号', '审核事项', '申请单位', '申请日期', '申请内容', '审核结果', '审核日期', '审核人', '审核意见'] as const;

export type FeedbackConfig = Pick<OfficeConfig, 'organization' | 'officeName' | 'contactPerson' | 'contactPhone' | 'fixedTimestamp'>;

/** What the unit asked for, in one line: the kind, the date asked for, then its own words. */
export function requestSummary(p: PendingRequest): string {
  const q = p.request;
  const head = q.kind === '办结' ? `申请办结${q.date ? `（办结日期 ${q.date}）` : ''}` : `申请延期至 ${q.date ?? ''}`;
  return q.text ? `${head}。${q.text}` : head;
}

export function reviewCsv(pending: readonly PendingRequest[], asOf: string): string {
  // 审核日期 is the day the list was made, so a decision saved without a date of its own keeps one
  // (spec §2.11 takes an empty date as T, which would move with every later build).
  return csvText(
    REVIEW_CSV_HEADER,
    pending.map((p) => [p.item.id, p.request.kind, p.request.unit ?? p.item.leadUnit ?? '', p.request.on, requestSummary(p), '', asOf, '', '']),
  );
}

/** 待审核事项: for reading. Without a 审核结果 column, so it is never taken for the 审核记录 to save. */
export function reviewSheet(pending: readonly PendingRequest[], organization: string, asOf: string): SheetSpec {
  const columns: Column<PendingRequest>[] = [
    { header: '序号', value: (_p, k) => k + 1, kind: 'center' },
    { header: '编号', value: (p) => p.item.id, kind: 'wrap', minWidth: 12, maxWidth: 24 },
    { header: '事项', value: (p) => p.item.title, kind: 'wrap', minWidth: 24, maxWidth: 40 },
    { header: '申请单位', value: (p) => p.request.unit ?? p.item.leadUnit ?? '', kind: 'wrap', minWidth: 12, maxWidth: 20 },
    { header: '申请事项', value: (p) => `申请${p.request.kind}`, kind: 'center', minWidth: 10 },
    { header: '申请日期', value: (p) => dateCell(p.request.on), kind: 'date', minWidth: 12 },
    { header: '申请的日期（办结日期或延期至）', value: (p) => dateCell(p.request.date), kind: 'date', minWidth: 14 },
    { header: '现办结时限', value: (p) => dateCell(p.item.effectiveDeadline) ?? (p.item.deadlineText || '未定'), kind: 'date', minWidth: 12 },
    { header: '单位说明', value: (p) => p.request.text, kind: 'wrap', minWidth: 24, maxWidth: 40 },
    { header: '审核提示', value: (p) => (p.request.checks.length > 0 ? p.request.checks.join('；') : '无'), kind: 'wrap', minWidth: 16, maxWidth: 36 },
  ];
  return {
    name: '待审核事项',
    title: `${organization}督查督办事项待审核申请`,
    subtitle: `统计截至：${asOf}　待审核申请${pending.length}项（申请办结${pending.filter((p) => p.request.kind === '办结').length}项，申请延期${pending.filter((p) => p.request.kind === '延期').length}项）`,
    blocks: [block({ columns, rows: pending, empty: '无待审核申请' })],
    notes: [
      '注：审核结果请填写在同一文件夹的「本次审核记录.csv」中（审核结果填通过或退回，审核人填党政办公室、分管校领导或审批人姓名），保存到数据文件夹后重新生成即生效。',
      '审核提示按督办工作延期规定列出：延期只能一次，最迟在办结时限前5个工作日提出，延期超过3个月须经分管校领导确定。',
    ],
    table: true,
  };
}

/** `plans`: aggregate/feedback-plans.ts feedbackPlans of the same analysis. */
export async function renderFeedbackOutputs(
  analysis: Analysis,
  plans: FeedbackPlans,
  config: FeedbackConfig,
  assets: Pick<PdfAssets, 'kit' | 'pageFonts' | 'familyNames'>,
  cal: WorkdayCalendar,
  wording: SubmissionWording = compileSubmissionWording().say,
  /** `docx`: each 催报通知's DOCX beside its PDF too (render/docx/); the batch stays PDF only. */
  options: { docx?: boolean } = {},
): Promise<OutputFile[]> {
  const when = metadataTimestamp(analysis.asOf, config.fixedTimestamp);
  const files: OutputFile[] = [];
  const names = new NameRegistry();
  const ctx = { ...config, asOf: analysis.asOf, when };
  for (const form of plans.forms) {
    files.push({ path: names.take(FEEDBACK_FOLDER, form.unit, 'xlsx'), bytes: await renderFeedbackWorkbook(form, ctx) });
  }

  const missing = plans.missing;
  if (missing.length > 0) {
    const doc: FeedbackLetterContext = { kit: assets.kit, say: wording, config, asOf: analysis.asOf, timestamp: when, label: itemLabeller(analysis.items), cal };
    const kit = docxKit(assets);
    for (const plan of missing) {
      const path = names.take(FEEDBACK_REMINDER_FOLDER, wording('feedback.file.unit', { unit: plan.unit }), 'pdf');
      files.push({ path, bytes: feedbackReminderPdf(doc, assets.pageFonts, plan) });
      if (options.docx) files.push({ path: docxPath(path), bytes: await feedbackReminderDocx(doc, plan, kit) });
    }
    const batch = names.take(FEEDBACK_REMINDER_FOLDER, wording('feedback.file.batch'), 'pdf');
    files.push({ path: batch, bytes: feedbackReminderBatchPdf(doc, assets.pageFonts, missing) });
  }

  const pending = plans.pending;
  if (pending.length > 0) {
    files.push({ path: REVIEW_FILES.list, bytes: await renderWorkbook([reviewSheet(pending, config.organization, analysis.asOf)], { when, author: config.officeName }) });
    files.push({ path: REVIEW_FILES.csv, bytes: reviewCsv(pending, analysis.asOf) });
  }
  return files;
}
