/**
 * 催办通知 (seed 003, 附件2): one letter per overdue item, addressed to its lead unit, and the
 * duplex batch of all of them. Drawn as bands straight to PDF (layout/, writer/): a run prints
 * hundreds of these, and pdfmake's layout pass would cost more than the writing.
 */
import type { Analysis, AnalyzedItem, CampaignOrigin } from '../../../model/analysis.ts';
import { ESCALATE_AT } from '../../../model/rules.ts';
import { chineseDate } from '../../../model/dates.ts';
import { itemLabeller } from '../../../model/item-labels.ts';
import { LINE_PITCH, RED, SIZE, TYPE_AREA, type TextKit } from '../layout/gbt9704-layout.ts';
import { textWidth } from '../layout/text-measure.ts';
import { keepTogether, paragraphBands, signatureBand, space, textBands, titleBands, type Band } from '../layout/bands.ts';
import { formBands, type BandCell } from '../layout/form-bands.ts';
import { flowDocuments } from '../layout/flow.ts';
import { writePagesPdf, type PageFonts, type PageMeta } from '../writer/pages-pdf.ts';
import { NO_UNIT, dateOrBlank, type DocContext } from './context.ts';
import { byCodePoint } from '../../../model/text-order.ts';
import { stageOf } from './milestone-words.ts';

const CONTACT_TEXT = { size: SIZE.四号, charSpacing: 0, pitch: SIZE.四号 * 1.6 } as const;

export interface ReminderPlan {
  item: AnalyzedItem;
  unit: string;
  /** Which reminder this letter is (第N次催办). */
  n: number;
  /** False when the ledger already records this reminder (dated the as-of date): not logged again. */
  issuedNow: boolean;
  /** 第3次 and later: 督办3次以上 → 从重问责. */
  escalated: boolean;
  /** Person in charge: the item's 责任人, else the unit's 负责人. */
  responsible: string;
  /** How the letter names the item (model/item-labels.ts): 编号, 序号5, 自查表序号2. */
  label: string;
}

/** Overdue items in a stable order (unit, then id). */
export function planReminders(analysis: Analysis): ReminderPlan[] {
  const heads = new Map(analysis.units.map((u) => [u.unit, u.head]));
  const label = itemLabeller(analysis.items);
  return analysis.items
    .filter((item) => item.status === 'overdue')
    .map((item) => {
      const alreadyToday = item.reminderDates.includes(analysis.asOf);
      const n = alreadyToday ? Math.max(1, item.reminders) : item.reminders + 1;
      const unit = item.leadUnit ?? NO_UNIT;
      return { item, unit, n, issuedNow: !alreadyToday, escalated: n >= ESCALATE_AT, responsible: item.responsible || heads.get(unit) || '', label: label(item) };
    })
    .sort((a, b) => byCodePoint(a.unit, b.unit) || byCodePoint(a.item.id, b.item.id));
}

/** The letter as bands: one page as a rule, more when a title or the form runs long. */
export function reminderLetterBands(ctx: DocContext, plan: ReminderPlan): Band[] {
  const { kit, say, config } = ctx;
  const { item } = plan;
  const n = { n: plan.n };
  const bands: Band[] = [];
  if (plan.escalated) bands.push(escalationMark(kit, say('reminder.escalationMark')));
  bands.push(...titleBands(kit, say('reminder.title', { organization: config.organization })));
  bands.push(...textBands(kit, say('reminder.ordinal', n), { role: 'heading2', alignment: 'center', color: plan.escalated ? RED : undefined }));
  const rows: BandCell[][] = [
    [{ text: say('reminder.label.unit') }, { text: plan.unit }, { text: say('reminder.label.responsible') }, { text: plan.responsible }],
    [{ text: say('reminder.label.sender') }, { text: config.reminderSender }, { text: say('reminder.label.signer') }, { text: '', minLines: 2 }],
    [{ text: say('reminder.label.item') }, { text: say('reminder.item', { title: item.title, id: plan.label }), colSpan: 3 }],
  ];
  bands.push(space(LINE_PITCH / 2), ...formBands(kit, rows, { columns: [5.2, 8, 3.6, 6] }), space(LINE_PITCH / 2));
  bands.push(...textBands(kit, say('reminder.salutation', { unit: plan.unit })));
  bands.push(...paragraphBands(kit, reminderBody(ctx, plan)));
  const stage = stageOf(item);
  if (stage) bands.push(...paragraphBands(kit, say(stage.kind === 'missed' ? 'reminder.stage.missed' : 'reminder.stage.next', { ...stage })));
  if (plan.escalated) bands.push(...paragraphBands(kit, say('reminder.escalation', n)));
  bands.push(signatureBand(kit, config.officeName, ctx.dateText));
  bands.push(
    keepTogether([
      space(LINE_PITCH / 2),
      ...textBands(kit, say('reminder.contact', { contactPerson: config.contactPerson }), CONTACT_TEXT),
      ...textBands(kit, say('reminder.phone', { contactPhone: config.contactPhone }), CONTACT_TEXT),
    ]),
  );
  return bands;
}

/**
 * 附件2's sentence for a 督办事项. A campaign row is the unit's own commitment on its 自查表 or
 * 整改表, not a task the office assigned: its letter says when the unit reported it, what it
 * promised, by when, and how many working days that is past.
 */
function reminderBody(ctx: DocContext, plan: ReminderPlan): string {
  const { item } = plan;
  const c = item.campaign;
  if (!c) {
    return ctx.say('reminder.body', { unit: plan.unit, assignedOn: dateOrBlank(item.assignedOn), deadline: dateOrBlank(item.effectiveDeadline), id: plan.label });
  }
  return ctx.say(c.kind === '自查' ? 'reminder.body.selfCheck' : 'reminder.body.rectification', campaignWords(ctx, item, c, plan.unit));
}

/** The blanks of the campaign sentences: dates in words, the measure without its closing stop. */
function campaignWords(ctx: DocContext, item: AnalyzedItem, c: CampaignOrigin, unit: string): Record<string, unknown> {
  const deadline = item.effectiveDeadline ? chineseDate(item.effectiveDeadline) : '';
  return {
    unit,
    reportedOn: c.reportedOn ? chineseDate(c.reportedOn) : '',
    regulation: c.regulation,
    state: c.state,
    measure: c.measure.replace(/[。；;，,.\s]+$/u, ''),
    deadlineText: item.deadlineText || deadline,
    // 「11月底，即2022年11月30日」; nothing to add when the form already gave the date.
    deadline: deadline !== '' && deadline !== item.deadlineText ? deadline : '',
    asOf: chineseDate(ctx.asOf),
    workdays: item.overdueWorkdays,
    days: item.overdueDays,
  };
}

/** 「重点督办」 in a red frame at the top right. */
function escalationMark(kit: TextKit, text: string): Band {
  const size = SIZE.三号;
  const spacing = 2;
  const frame = 1.5;
  const width = textWidth(kit.heading1, text, size, spacing) + spacing + 10;
  const height = kit.heading1.lineBoxEm * size + 2;
  const left = TYPE_AREA.width - width - frame / 2;
  const top = frame / 2;
  return {
    height: height + frame + 4,
    marks: [
      { kind: 'rect', x: left, y: top, w: width, h: height, width: frame, color: RED },
      { kind: 'text', x: left + 6, y: top + 2 + kit.heading1.ascentEm * size, text, role: 'heading1', size, charSpacing: spacing, color: RED },
    ],
  };
}

function meta(ctx: DocContext, title: string): PageMeta {
  return { title, author: ctx.config.officeName, timestamp: ctx.timestamp };
}

/** One letter as a PDF. */
export function reminderPdf(ctx: DocContext, fonts: PageFonts, plan: ReminderPlan): Uint8Array {
  const title = ctx.say('reminder.title', { organization: ctx.config.organization }) + ` ${plan.label}`;
  return writePagesPdf(flowDocuments(ctx.kit, [reminderLetterBands(ctx, plan)]), fonts, meta(ctx, title));
}

/**
 * All letters in one PDF for duplex printing: every letter starts on a front (odd) page, a
 * blank back follows a letter with an odd number of pages, each is numbered from — 1 —.
 */
export function reminderBatchPdf(ctx: DocContext, fonts: PageFonts, plans: readonly ReminderPlan[]): Uint8Array {
  const pages = flowDocuments(
    ctx.kit,
    plans.map((plan) => reminderLetterBands(ctx, plan)),
    { startOnOdd: true },
  );
  return writePagesPdf(pages, fonts, meta(ctx, ctx.say('file.reminderBatch')));
}
