/**
 * 催报通知: one letter per unit that has not sent a required form by its due date (seed 000:
 * 自查表 11月12日前, 整改表 12月1日前, 活动总结 12月7日前), listing what it still owes, on the
 * GB/T 9704 layout of the other formal documents; plus one file of all letters for duplex printing.
 * The same letter chases a lead unit's missing monthly 进展反馈 (spec §2.10, seed 004 art. 23),
 * listing the items, with its own wording (the `feedback.*` keys). Drawn as bands straight to PDF
 * (layout/, writer/); the DOCX is written from the same bands (render/docx/documents.ts).
 */
import type { OfficeConfig } from '../../../config/office-config.ts';
import { chineseDate, daysBetween, type IsoDate } from '../../../model/dates.ts';
import type { MissingSubmissions } from '../../../aggregate/campaign-tables.ts';
import type { MissingFeedback } from '../../../aggregate/feedback-plans.ts';
import type { AnalyzedItem } from '../../../model/analysis.ts';
import type { WorkdayCalendar } from '../../../analyze/workday-calendar.ts';
import { LINE_PITCH, SIZE, type TextKit } from '../layout/gbt9704-layout.ts';
import { keepTogether, paragraphBands, signatureBand, space, textBands, titleBands, type Band } from '../layout/bands.ts';
import { formBands, type BandCell } from '../layout/form-bands.ts';
import { flowDocuments } from '../layout/flow.ts';
import { writePagesPdf, type PageFonts, type PageMeta } from '../writer/pages-pdf.ts';
import type { SubmissionWording } from './submission-reminder-wording.ts';

export interface SubmissionDocContext {
  kit: TextKit;
  say: SubmissionWording;
  config: Pick<OfficeConfig, 'organization' | 'officeName' | 'contactPerson' | 'contactPhone'>;
  asOf: IsoDate;
  /** PDF metadata date (fixed: same data → same bytes). */
  timestamp: Date;
}

const CONTACT_TEXT = { size: SIZE.四号, charSpacing: 0, pitch: SIZE.四号 * 1.6 } as const;

const head = (text: string) => ({ text, role: 'heading1' as const, alignment: 'center' as const });

/** What every 催报 letter's sentences may use, besides their own data. */
function letterData(ctx: SubmissionDocContext, unit: string, count: number) {
  const { config } = ctx;
  return {
    organization: config.organization,
    officeName: config.officeName,
    unit,
    asOf: chineseDate(ctx.asOf),
    count,
    contactPerson: config.contactPerson,
    contactPhone: config.contactPhone,
  };
}

/** A 催报 letter: its title (for the file's metadata) and its bands. */
export interface SubmissionLetter {
  title: string;
  bands: Band[];
}

/** The 催报 of the campaign forms a unit still owes. */
export function submissionLetter(ctx: SubmissionDocContext, plan: MissingSubmissions): SubmissionLetter {
  const { say } = ctx;
  const data = {
    ...letterData(ctx, plan.unit, plan.owed.length),
    materials: plan.owed.map((e) => `《${e.material.replace(/^《|》$/gu, '')}》`).join('、'),
  };
  const rows: BandCell[][] = [
    [say('col.no'), say('col.material'), say('col.due'), say('col.overdue')].map(head),
    ...plan.owed.map((e, k) => [
      { text: String(k + 1), alignment: 'center' as const },
      { text: e.material },
      { text: chineseDate(e.due), alignment: 'center' as const },
      // Working days, as every other 逾期 duban counts (spec §4); calendar days only without a calendar.
      { text: say('overdueDays', { ...data, days: e.overdueWorkdays ?? Math.max(0, daysBetween(e.due, ctx.asOf)) }), alignment: 'center' as const },
    ]),
  ];
  const title = say('title', data);
  return { title: `${say('title', { unit: plan.unit })} ${plan.unit}`, bands: letterBands(ctx, title, say('body', data), data, rows, [1.6, 9, 5, 3]) };
}

export interface FeedbackLetterContext extends SubmissionDocContext {
  /** How letters name an item (DocContext.label). */
  label: (item: AnalyzedItem) => string;
  /** Working days overdue are counted on it. */
  cal: Pick<WorkdayCalendar, 'workdaysBetween'>;
}

/** 催报 of the monthly 进展反馈: the items whose feedback has not come by the due day. */
export function feedbackLetter(ctx: FeedbackLetterContext, plan: MissingFeedback): SubmissionLetter {
  const { say } = ctx;
  const data = {
    ...letterData(ctx, plan.unit, plan.items.length),
    due: chineseDate(plan.due),
    month: `${Number(plan.due.slice(5, 7))}月`,
  };
  const days = Math.max(0, ctx.cal.workdaysBetween(plan.due, ctx.asOf));
  const rows: BandCell[][] = [
    [say('col.no'), say('feedback.col.id'), say('feedback.col.title'), say('feedback.col.due'), say('col.overdue')].map(head),
    ...plan.items.map((item, k) => [
      { text: String(k + 1), alignment: 'center' as const },
      { text: ctx.label(item), alignment: 'center' as const },
      { text: item.title },
      { text: chineseDate(item.feedbackDue ?? plan.due), alignment: 'center' as const },
      { text: say('overdueDays', { ...data, days }), alignment: 'center' as const },
    ]),
  ];
  const title = say('feedback.title', data);
  return { title: `${say('feedback.title', { unit: plan.unit })} ${plan.unit}`, bands: letterBands(ctx, title, say('feedback.body', data), data, rows, [1.4, 3.6, 7.6, 4, 2.6]) };
}

/** Title, salutation, body, the list (its captions on every page), 落款 and the contact lines: the frame both letters share. */
function letterBands(ctx: SubmissionDocContext, title: string, body: string, data: Record<string, unknown>, rows: BandCell[][], columns: number[]): Band[] {
  const { kit, say, config } = ctx;
  const bands: Band[] = [
    ...titleBands(kit, title),
    space(LINE_PITCH),
    ...textBands(kit, say('salutation', data)),
    ...paragraphBands(kit, body),
    space(LINE_PITCH / 4),
    ...formBands(kit, rows, { columns, size: SIZE.小四, headerRows: 1, wholeWords: true }),
    signatureBand(kit, config.officeName, chineseDate(ctx.asOf)),
  ];
  const contact = [config.contactPerson ? say('contact', data) : '', config.contactPhone ? say('phone', data) : ''].filter((t) => t !== '');
  if (contact.length > 0) bands.push(keepTogether([space(LINE_PITCH / 2), ...contact.flatMap((t) => textBands(kit, t, CONTACT_TEXT))]));
  return bands;
}

function meta(ctx: SubmissionDocContext, title: string): PageMeta {
  return { title, author: ctx.config.officeName, timestamp: ctx.timestamp };
}

/** One 催报通知 as a PDF. */
export function submissionReminderPdf(ctx: SubmissionDocContext, fonts: PageFonts, plan: MissingSubmissions): Uint8Array {
  const letter = submissionLetter(ctx, plan);
  return writePagesPdf(flowDocuments(ctx.kit, [letter.bands]), fonts, meta(ctx, letter.title));
}

export function feedbackReminderPdf(ctx: FeedbackLetterContext, fonts: PageFonts, plan: MissingFeedback): Uint8Array {
  const letter = feedbackLetter(ctx, plan);
  return writePagesPdf(flowDocuments(ctx.kit, [letter.bands]), fonts, meta(ctx, letter.title));
}

/** Every letter starts on a front page and is numbered from — 1 — on its own; padding pages carry no number. */
export function submissionReminderBatchPdf(ctx: SubmissionDocContext, fonts: PageFonts, plans: readonly MissingSubmissions[]): Uint8Array {
  const pages = flowDocuments(
    ctx.kit,
    plans.map((plan) => submissionLetter(ctx, plan).bands),
    { startOnOdd: true },
  );
  return writePagesPdf(pages, fonts, meta(ctx, ctx.say('file.batch')));
}

export function feedbackReminderBatchPdf(ctx: FeedbackLetterContext, fonts: PageFonts, plans: readonly MissingFeedback[]): Uint8Array {
  const pages = flowDocuments(
    ctx.kit,
    plans.map((plan) => feedbackLetter(ctx, plan).bands),
    { startOnOdd: true },
  );
  return writePagesPdf(pages, fonts, meta(ctx, ctx.say('feedback.file.batch')));
}
