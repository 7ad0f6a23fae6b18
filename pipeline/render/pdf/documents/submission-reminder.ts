/**
 * 催报通知: one letter per unit that has not sent a required form by its due date (seed 000:
 * 自查表 11月12日前, 整改表 12月1日前, 活动总结 12月7日前), listing what it still owes, on the
 * GB/T 9704 layout of the other formal documents; plus one file of all letters for duplex printing.
 * The same letter chases a lead unit's missing monthly 进展反馈 (spec §2.10, seed 004 art. 23),
 * listing the items, with its own wording (the `feedback.*` keys).
 */
import type { Content, ContentStack, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { OfficeConfig } from '../../../config/office-config.ts';
import { chineseDate, daysBetween, type IsoDate } from '../../../model/dates.ts';
import type { MissingSubmissions } from '../../../aggregate/campaign-tables.ts';
import type { MissingFeedback } from '../../../aggregate/feedback-plans.ts';
import type { AnalyzedItem } from '../../../model/analysis.ts';
import type { WorkdayCalendar } from '../../../analyze/workday-calendar.ts';
import { formTable } from '../form-table.ts';
import {
  LINE_PITCH, SIZE, blankLines, documentTitle, officialDocument, pageNumberFooter, paragraph, signatureBlock, textBlock, type TextKit,
} from '../gbt9704-layout.ts';
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

/** The letter as one stack, so the batch can place it and find its pages. */
export function submissionLetter(ctx: SubmissionDocContext, plan: MissingSubmissions): ContentStack {
  const { kit, say } = ctx;
  const data = {
    ...letterData(ctx, plan.unit, plan.owed.length),
    materials: plan.owed.map((e) => `《${e.material.replace(/^《|》$/gu, '')}》`).join('、'),
  };
  const table = formTable(
    kit,
    [
      [say('col.no'), say('col.material'), say('col.due'), say('col.overdue')].map(head),
      ...plan.owed.map((e, k) => [
        { text: String(k + 1), alignment: 'center' as const },
        { text: e.material },
        { text: chineseDate(e.due), alignment: 'center' as const },
        // Working days, as every other 逾期 duban counts (spec §4); calendar days only without a calendar.
        { text: say('overdueDays', { ...data, days: e.overdueWorkdays ?? Math.max(0, daysBetween(e.due, ctx.asOf)) }), alignment: 'center' as const },
      ]),
    ],
    { columns: [1.6, 9, 5, 3], size: SIZE.小四, headerRows: 1 },
  );
  return letterStack(ctx, say('title', data), say('body', data), data, table);
}

export interface FeedbackLetterContext extends SubmissionDocContext {
  /** How letters name an item (DocContext.label). */
  label: (item: AnalyzedItem) => string;
  /** Working days overdue are counted on it. */
  cal: Pick<WorkdayCalendar, 'workdaysBetween'>;
}

/** 催报 of the monthly 进展反馈: the items whose feedback has not come by the due day. */
export function feedbackLetter(ctx: FeedbackLetterContext, plan: MissingFeedback): ContentStack {
  const { kit, say } = ctx;
  const data = {
    ...letterData(ctx, plan.unit, plan.items.length),
    due: chineseDate(plan.due),
    month: `${Number(plan.due.slice(5, 7))}月`,
  };
  const days = Math.max(0, ctx.cal.workdaysBetween(plan.due, ctx.asOf));
  const table = formTable(
    kit,
    [
      [say('col.no'), say('feedback.col.id'), say('feedback.col.title'), say('feedback.col.due'), say('col.overdue')].map(head),
      ...plan.items.map((item, k) => [
        { text: String(k + 1), alignment: 'center' as const },
        { text: ctx.label(item), alignment: 'center' as const },
        { text: item.title },
        { text: chineseDate(item.feedbackDue ?? plan.due), alignment: 'center' as const },
        { text: say('overdueDays', { ...data, days }), alignment: 'center' as const },
      ]),
    ],
    { columns: [1.4, 3.6, 7.6, 4, 2.6], size: SIZE.小四, headerRows: 1 },
  );
  return letterStack(ctx, say('feedback.title', data), say('feedback.body', data), data, table);
}

/** Title, salutation, body, the table, 落款 and the contact lines: the frame both letters share. */
function letterStack(ctx: SubmissionDocContext, title: string, body: string, data: Record<string, unknown>, table: ContentTable): ContentStack {
  const { kit, say, config } = ctx;
  const content: Content[] = [
    documentTitle(kit, title),
    blankLines(1),
    textBlock(kit, say('salutation', data)),
    paragraph(kit, body),
    { ...table, margin: [0, LINE_PITCH / 4, 0, 0] },
    signatureBlock(kit, config.officeName, chineseDate(ctx.asOf)),
  ];
  const contact = [config.contactPerson ? say('contact', data) : '', config.contactPhone ? say('phone', data) : ''].filter((t) => t !== '');
  if (contact.length > 0) {
    content.push({ stack: contact.map((t) => textBlock(kit, t, CONTACT_TEXT)), margin: [0, LINE_PITCH / 2, 0, 0], unbreakable: true });
  }
  return { stack: content };
}

export function submissionReminderDocument(ctx: SubmissionDocContext, plan: MissingSubmissions): TDocumentDefinitions {
  return letterDocument(ctx, `${ctx.say('title', { unit: plan.unit })} ${plan.unit}`, submissionLetter(ctx, plan));
}

export function feedbackReminderDocument(ctx: FeedbackLetterContext, plan: MissingFeedback): TDocumentDefinitions {
  return letterDocument(ctx, `${ctx.say('feedback.title', { unit: plan.unit })} ${plan.unit}`, feedbackLetter(ctx, plan));
}

function letterDocument(ctx: SubmissionDocContext, title: string, letter: ContentStack): TDocumentDefinitions {
  return officialDocument(ctx.kit, { title, author: ctx.config.officeName, timestamp: ctx.timestamp, content: [letter] });
}

/** pdfmake records where a node was laid out on the node itself. */
type Placed = ContentStack & { positions?: { pageNumber: number }[] };

/** Every letter starts on a front page and is numbered from — 1 — on its own; padding pages carry no number. */
export function submissionReminderBatch(ctx: SubmissionDocContext, plans: readonly MissingSubmissions[]): TDocumentDefinitions {
  return letterBatch(ctx, ctx.say('file.batch'), plans.map((plan) => submissionLetter(ctx, plan)));
}

export function feedbackReminderBatch(ctx: FeedbackLetterContext, plans: readonly MissingFeedback[]): TDocumentDefinitions {
  return letterBatch(ctx, ctx.say('feedback.file.batch'), plans.map((plan) => feedbackLetter(ctx, plan)));
}

function letterBatch(ctx: SubmissionDocContext, title: string, stacks: readonly ContentStack[]): TDocumentDefinitions {
  const letters: Placed[] = stacks.map((stack, i) => {
    const letter: Placed = stack;
    if (i > 0) letter.pageBreak = 'beforeEven';
    return letter;
  });
  let labels: Map<number, number> | null = null;
  return officialDocument(ctx.kit, {
    title,
    author: ctx.config.officeName,
    timestamp: ctx.timestamp,
    content: letters,
    // Footers are laid out after the content, so the letters' pages are known by then.
    footer: pageNumberFooter((page) => (labels ??= pageLabels(letters)).get(page) ?? null),
  });
}

function pageLabels(letters: readonly Placed[]): Map<number, number> {
  const labels = new Map<number, number>();
  for (const letter of letters) {
    const pages = (letter.positions ?? []).map((p) => p.pageNumber);
    if (pages.length === 0) continue;
    const first = Math.min(...pages);
    for (let page = first; page <= Math.max(...pages); page++) labels.set(page, page - first + 1);
  }
  return labels;
}
