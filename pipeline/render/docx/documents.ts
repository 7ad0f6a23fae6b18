/**
 * The band documents as DOCX, from the very bands their PDFs are drawn from and with the titles
 * their PDFs carry: 催办通知, 督办通知 (its 版记 on the page the PDF's layout puts it), 登记表,
 * 到期提醒, 催报通知.
 */
import type { AnalyzedItem } from '../../model/analysis.ts';
import type { MissingSubmissions } from '../../aggregate/campaign-tables.ts';
import type { MissingFeedback } from '../../aggregate/feedback-plans.ts';
import type { DocContext } from '../pdf/letters/context.ts';
import { reminderLetterBands, type ReminderPlan } from '../pdf/letters/reminder-letter.ts';
import { registrationBands } from '../pdf/letters/registration-form.ts';
import { assignmentBands, assignmentImprint, assignmentTitle, type AssignmentPlan } from '../pdf/letters/assignment-notice.ts';
import { dueReminderBands, dueReminderTitle, type DuePlan } from '../pdf/letters/due-reminder.ts';
import { feedbackLetter, submissionLetter, type FeedbackLetterContext, type SubmissionDocContext } from '../pdf/letters/submission-reminder.ts';
import type { Band } from '../pdf/layout/bands.ts';
import { imprintPlacement } from '../pdf/layout/imprint-bands.ts';
import { bandsDocx, type DocxKit } from './index.ts';

function meta(ctx: { config: { officeName: string }; timestamp: Date }, title: string) {
  return { title, author: ctx.config.officeName, timestamp: ctx.timestamp };
}

export function letterDocx(ctx: DocContext, plan: ReminderPlan, kit: DocxKit): Promise<Uint8Array> {
  const title = `${ctx.say('reminder.title', { organization: ctx.config.organization })} ${plan.label}`;
  return bandsDocx(reminderLetterBands(ctx, plan), meta(ctx, title), kit);
}

/** `bands`: the form laid out already, when its PDF is drawn from them too. */
export function formDocx(ctx: DocContext, item: AnalyzedItem, label: string, kit: DocxKit, bands: Band[] = registrationBands(ctx, item, label)): Promise<Uint8Array> {
  const title = `${ctx.say('form.title', { organization: ctx.config.organization })} ${label}`;
  return bandsDocx(bands, meta(ctx, title), kit);
}

/** The 督办通知 with its 版记, on the page where assignmentPdf puts it (the bands are laid out, not drawn). */
export function assignmentDocx(ctx: DocContext, plan: AssignmentPlan, kit: DocxKit, bands: Band[] = assignmentBands(ctx, plan)): Promise<Uint8Array> {
  const imprint = assignmentImprint(ctx, plan);
  return bandsDocx(bands, meta(ctx, assignmentTitle(ctx, plan)), kit, { imprint, placement: imprintPlacement(ctx.kit, bands, imprint) });
}

export function dueReminderDocx(ctx: DocContext, plan: DuePlan, kit: DocxKit, bands: Band[] = dueReminderBands(ctx, plan)): Promise<Uint8Array> {
  return bandsDocx(bands, meta(ctx, `${dueReminderTitle(ctx, plan)} ${plan.unit}`), kit);
}

export function submissionReminderDocx(ctx: SubmissionDocContext, plan: MissingSubmissions, kit: DocxKit): Promise<Uint8Array> {
  const letter = submissionLetter(ctx, plan);
  return bandsDocx(letter.bands, meta(ctx, letter.title), kit);
}

export function feedbackReminderDocx(ctx: FeedbackLetterContext, plan: MissingFeedback, kit: DocxKit): Promise<Uint8Array> {
  const letter = feedbackLetter(ctx, plan);
  return bandsDocx(letter.bands, meta(ctx, letter.title), kit);
}
