/**
 * 催办通知 (seed 003, 附件2): one letter per overdue item, addressed to its lead unit.
 */
import type { Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { FONT_FAMILY } from '../fonts.ts';
import { formTable, type FormCell } from '../form-table.ts';
import { quickForm } from '../quick-form.ts';
import { LINE_PITCH, RED, SIZE, documentTitle, officialDocument, paragraph, signatureBlock, textBlock } from '../gbt9704-layout.ts';
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

/** The letter itself, as one stack so a batch can place (and later locate) it. */
export function reminderLetter(ctx: DocContext, plan: ReminderPlan): ContentStack {
  const { kit, say, config } = ctx;
  const { item } = plan;
  const n = { n: plan.n };
  const content: Content[] = [];
  if (plan.escalated) content.push(escalationMark(say('reminder.escalationMark')));
  content.push(documentTitle(kit, say('reminder.title', { organization: config.organization })));
  content.push(textBlock(kit, say('reminder.ordinal', n), { role: 'heading2', alignment: 'center', color: plan.escalated ? RED : undefined }));
  const rows: FormCell[][] = [
    [{ text: say('reminder.label.unit') }, { text: plan.unit }, { text: say('reminder.label.responsible') }, { text: plan.responsible }],
    [{ text: say('reminder.label.sender') }, { text: config.reminderSender }, { text: say('reminder.label.signer') }, { text: '', minLines: 2 }],
    [{ text: say('reminder.label.item') }, { text: say('reminder.item', { title: item.title, id: item.id }), colSpan: 3 }],
  ];
  const columns = [5.2, 8, 3.6, 6];
  const form = quickForm(kit, rows, { columns }) ?? formTable(kit, rows, { columns });
  content.push({ stack: [form], margin: [0, LINE_PITCH / 2, 0, LINE_PITCH / 2] });
  content.push(textBlock(kit, say('reminder.salutation', { unit: plan.unit })));
  content.push(
    paragraph(kit, say('reminder.body', { unit: plan.unit, assignedOn: dateOrBlank(item.assignedOn), deadline: dateOrBlank(item.effectiveDeadline), id: item.id })),
  );
  if (plan.escalated) content.push(paragraph(kit, say('reminder.escalation', n)));
  content.push(signatureBlock(kit, config.officeName, ctx.dateText));
  content.push({
    stack: [
      textBlock(kit, say('reminder.contact', { contactPerson: config.contactPerson }), CONTACT_TEXT),
      textBlock(kit, say('reminder.phone', { contactPhone: config.contactPhone }), CONTACT_TEXT),
    ],
    margin: [0, LINE_PITCH / 2, 0, 0],
    unbreakable: true,
  });
  return { stack: content };
}

/** 「重点督办」 in a red frame at the top right. */
function escalationMark(text: string): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: [[{ text, font: FONT_FAMILY.heading1, fontSize: SIZE.三号, color: RED, characterSpacing: 2, noWrap: true }]] },
        layout: {
          hLineColor: () => RED,
          vLineColor: () => RED,
          hLineWidth: () => 1.5,
          vLineWidth: () => 1.5,
          paddingLeft: () => 6,
          paddingRight: () => 4,
          paddingTop: () => 2,
          paddingBottom: () => 0,
        },
      },
    ],
    margin: [0, 0, 0, 4],
  };
}

export function reminderDocument(ctx: DocContext, plan: ReminderPlan): TDocumentDefinitions {
  return officialDocument(ctx.kit, {
    title: ctx.say('reminder.title', { organization: ctx.config.organization }) + ` ${plan.item.id}`,
    author: ctx.config.officeName,
    timestamp: ctx.timestamp,
    content: [reminderLetter(ctx, plan)],
  });
}
