/**
 * 到期提醒: a short, friendly notice per unit for items due soon, before they become overdue. Drawn
 * as bands straight to PDF (layout/, writer/); its DOCX is written from the same bands.
 */
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { LINE_PITCH, SIZE } from '../layout/gbt9704-layout.ts';
import { NO_UNIT, dateOrBlank, type DocContext } from './context.ts';
import { byCodePoint } from '../../../model/text-order.ts';
import { EXTENSION_LEAD_WORKDAYS } from '../../../model/rules.ts';
import { stageOf } from './milestone-words.ts';
import { paragraphBands, signatureBand, space, textBands, titleBands, type Band } from '../layout/bands.ts';
import { formBands, type BandCell } from '../layout/form-bands.ts';
import { flowDocuments } from '../layout/flow.ts';
import { writePagesPdf, type PageFonts } from '../writer/pages-pdf.ts';

/** The title, and the milestone that is due (时序进度) when the item has one: its date is the one in the table. */
function titleWithStage(ctx: DocContext, item: AnalyzedItem): string {
  const stage = stageOf(item);
  return stage ? `${item.title}\n${ctx.say('due.stage', { ...stage, missed: stage.kind === 'missed' })}` : item.title;
}

export interface DuePlan {
  unit: string;
  items: AnalyzedItem[];
}

export function planDueReminders(analysis: Analysis): DuePlan[] {
  const byUnit = new Map<string, AnalyzedItem[]>();
  for (const item of analysis.items) {
    if (item.status !== 'due_soon') continue;
    const unit = item.leadUnit ?? NO_UNIT;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), item]);
  }
  return [...byUnit.keys()].sort(byCodePoint).map((unit) => ({ unit, items: (byUnit.get(unit) ?? []).sort((a, b) => byCodePoint(a.id, b.id)) }));
}

const LIST_COLUMNS = [4.4, 8, 4.6, 3.4];

/** The items due: 编号, 事项 (with the milestone due), 办结时限, 剩余工作日, the captions repeated on every page. */
function itemRows(ctx: DocContext, plan: DuePlan): BandCell[][] {
  const { say } = ctx;
  return [
    [say('due.col.id'), say('due.col.title'), say('due.col.deadline'), say('due.col.left')].map((text) => ({
      text,
      role: 'heading1' as const,
      alignment: 'center' as const,
    })),
    ...plan.items.map((item) => [
      { text: ctx.label(item) },
      { text: titleWithStage(ctx, item) },
      { text: dateOrBlank(item.dueMilestone?.deadline ?? item.effectiveDeadline) },
      {
        text: item.workdaysLeft === null ? '' : say('due.left', { days: item.workdaysLeft, today: item.effectiveDeadline === ctx.asOf }),
        alignment: 'center' as const,
      },
    ]),
  ];
}

export function dueReminderTitle(ctx: DocContext, plan: DuePlan): string {
  return ctx.say('due.title', { unit: plan.unit });
}

export function dueReminderBands(ctx: DocContext, plan: DuePlan): Band[] {
  const { kit, say, config } = ctx;
  return [
    ...titleBands(kit, dueReminderTitle(ctx, plan)),
    space(LINE_PITCH),
    ...textBands(kit, say('due.salutation', { unit: plan.unit })),
    ...paragraphBands(kit, dueBody(ctx, plan)),
    space(LINE_PITCH / 4),
    ...formBands(kit, itemRows(ctx, plan), { columns: LIST_COLUMNS, size: SIZE.小四, headerRows: 1, wholeWords: true }),
    signatureBand(kit, config.officeName, ctx.dateText),
  ];
}

/** The notice as a PDF: `bands` when laid out already (the DOCX is written from the same bands). */
export function dueReminderPdf(ctx: DocContext, fonts: PageFonts, plan: DuePlan, bands: Band[] = dueReminderBands(ctx, plan)): Uint8Array {
  return writePagesPdf(flowDocuments(ctx.kit, [bands]), fonts, { title: `${dueReminderTitle(ctx, plan)} ${plan.unit}`, author: ctx.config.officeName, timestamp: ctx.timestamp });
}

/**
 * What the notice asks for depends on what is still possible (seed 004 art. 22: an extension is
 * applied for 5 working days before the deadline at the latest, once only): with fewer left,
 * or once extended, an item can no longer be extended, and the notice says what to do instead.
 * Campaign rows are the units' own 整改 commitments, for which there is no extension to ask.
 */
function dueBody(ctx: DocContext, plan: DuePlan): string {
  const tasks = plan.items.filter((i) => !i.campaign);
  const data = { unit: plan.unit, count: plan.items.length, items: tasks.length, campaign: plan.items.length - tasks.length };
  if (tasks.length === 0) return ctx.say('due.body.campaign', data);
  const open = tasks.filter(canStillExtend).length;
  if (open === tasks.length && data.campaign === 0) return ctx.say('due.body', data);
  const extension = open === tasks.length ? 'due.extension.open' : open === 0 ? 'due.extension.passed' : 'due.extension.some';
  return ctx.say(data.campaign > 0 ? 'due.intro.mixed' : 'due.intro', data) + ctx.say(extension, data);
}

function canStillExtend(item: AnalyzedItem): boolean {
  return item.extendedTo === null && item.workdaysLeft !== null && item.workdaysLeft >= EXTENSION_LEAD_WORKDAYS;
}
