/**
 * 催办通知 (seed 003, 附件2): one letter per overdue item, addressed to its lead unit, and the
 * duplex batch of all of them. Drawn as bands straight to PDF (sheet/, writer/): a run prints
 * hundreds of these, and pdfmake's layout pass would cost more than the writing.
 */
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { LINE_PITCH, RED, SIZE, TYPE_AREA, type TextKit } from '../gbt9704-layout.ts';
import { textWidth } from '../text-measure.ts';
import { keepTogether, paragraphBands, signatureBand, space, textBands, titleBands, type Band } from '../sheet/bands.ts';
import { formBands, type SheetCell } from '../sheet/form-bands.ts';
import { flowDocuments } from '../sheet/flow.ts';
import { writeSheetsPdf, type SheetFonts, type SheetMeta } from '../writer/sheet-pdf.ts';
import { NO_UNIT, byText, dateOrBlank, type DocContext } from './context.ts';

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
}

/** Overdue items in a stable order (unit, then id). */
export function planReminders(analysis: Analysis): ReminderPlan[] {
  const heads = new Map(analysis.units.map((u) => [u.unit, u.head]));
  return analysis.items
    .filter((item) => item.status === 'overdue')
    .map((item) => {
      const alreadyToday = item.reminderDates.includes(analysis.asOf);
      const n = alreadyToday ? Math.max(1, item.reminders) : item.reminders + 1;
      const unit = item.leadUnit ?? NO_UNIT;
      return { item, unit, n, issuedNow: !alreadyToday, escalated: n >= 3, responsible: item.responsible || heads.get(unit) || '' };
    })
    .sort((a, b) => byText(a.unit, b.unit) || byText(a.item.id, b.item.id));
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
  const rows: SheetCell[][] = [
    [{ text: say('reminder.label.unit') }, { text: plan.unit }, { text: say('reminder.label.responsible') }, { text: plan.responsible }],
    [{ text: say('reminder.label.sender') }, { text: config.reminderSender }, { text: say('reminder.label.signer') }, { text: '', minLines: 2 }],
    [{ text: say('reminder.label.item') }, { text: say('reminder.item', { title: item.title, id: item.id }), colSpan: 3 }],
  ];
  bands.push(space(LINE_PITCH / 2), ...formBands(kit, rows, { columns: [5.2, 8, 3.6, 6] }), space(LINE_PITCH / 2));
  bands.push(...textBands(kit, say('reminder.salutation', { unit: plan.unit })));
  bands.push(
    ...paragraphBands(kit, say('reminder.body', { unit: plan.unit, assignedOn: dateOrBlank(item.assignedOn), deadline: dateOrBlank(item.effectiveDeadline), id: item.id })),
  );
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

function meta(ctx: DocContext, title: string): SheetMeta {
  return { title, author: ctx.config.officeName, timestamp: ctx.timestamp };
}

/** One letter as a PDF. */
export function reminderPdf(ctx: DocContext, fonts: SheetFonts, plan: ReminderPlan): Uint8Array {
  const title = ctx.say('reminder.title', { organization: ctx.config.organization }) + ` ${plan.item.id}`;
  return writeSheetsPdf(flowDocuments(ctx.kit, [reminderLetterBands(ctx, plan)]), fonts, meta(ctx, title));
}

/**
 * All letters in one PDF for duplex printing: every letter starts on a front (odd) page, a
 * blank back follows a letter with an odd number of pages, each is numbered from — 1 —.
 */
export function reminderBatchPdf(ctx: DocContext, fonts: SheetFonts, plans: readonly ReminderPlan[]): Uint8Array {
  const sheets = flowDocuments(ctx.kit, plans.map((plan) => reminderLetterBands(ctx, plan)), { startOnOdd: true });
  return writeSheetsPdf(sheets, fonts, meta(ctx, ctx.say('file.reminderBatch')));
}
