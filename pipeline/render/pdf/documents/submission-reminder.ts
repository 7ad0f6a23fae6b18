/**
 * 催报通知: one letter per unit that has not sent a required form by its due date (seed 000:
 * 自查表 11月12日前, 整改表 12月1日前, 活动总结 12月7日前), listing what it still owes, on the
 * GB/T 9704 layout of the other formal documents; plus one file of all letters for duplex printing.
 */
import type { Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { OfficeConfig } from '../../../config/office-config.ts';
import { chineseDate, daysBetween, type IsoDate } from '../../../model/dates.ts';
import type { MissingSubmissions } from '../../../aggregate/campaign-tables.ts';
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

/** The letter as one stack, so the batch can place it and find its pages. */
export function submissionLetter(ctx: SubmissionDocContext, plan: MissingSubmissions): ContentStack {
  const { kit, say, config } = ctx;
  const data = {
    organization: config.organization,
    officeName: config.officeName,
    unit: plan.unit,
    asOf: chineseDate(ctx.asOf),
    count: plan.owed.length,
    materials: plan.owed.map((e) => `《${e.material.replace(/^《|》$/gu, '')}》`).join('、'),
    contactPerson: config.contactPerson,
    contactPhone: config.contactPhone,
  };
  const head = (text: string) => ({ text, role: 'heading1' as const, alignment: 'center' as const });
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
  const content: Content[] = [
    documentTitle(kit, say('title', data)),
    blankLines(1),
    textBlock(kit, say('salutation', data)),
    paragraph(kit, say('body', data)),
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
  return officialDocument(ctx.kit, {
    title: `${ctx.say('title', { unit: plan.unit })} ${plan.unit}`,
    author: ctx.config.officeName,
    timestamp: ctx.timestamp,
    content: [submissionLetter(ctx, plan)],
  });
}

/** pdfmake records where a node was laid out on the node itself. */
type Placed = ContentStack & { positions?: { pageNumber: number }[] };

/** Every letter starts on a front page and is numbered from — 1 — on its own; padding pages carry no number. */
export function submissionReminderBatch(ctx: SubmissionDocContext, plans: readonly MissingSubmissions[]): TDocumentDefinitions {
  const letters: Placed[] = plans.map((plan, i) => {
    const letter: Placed = submissionLetter(ctx, plan);
    if (i > 0) letter.pageBreak = 'beforeEven';
    return letter;
  });
  let labels: Map<number, number> | null = null;
  return officialDocument(ctx.kit, {
    title: ctx.say('file.batch'),
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
