/** 到期提醒: a short, friendly notice per unit for items due soon, before they become overdue. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { formTable } from '../form-table.ts';
import { LINE_PITCH, SIZE, blankLines, documentTitle, officialDocument, paragraph, signatureBlock, textBlock } from '../gbt9704-layout.ts';
import { NO_UNIT, dateOrBlank, type DocContext } from './context.ts';
import { byCodePoint } from '../../../model/text-order.ts';
import { EXTENSION_LEAD_WORKDAYS } from '../../../model/rules.ts';
import { stageOf } from './milestone-words.ts';

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

export function dueReminderDocument(ctx: DocContext, plan: DuePlan): TDocumentDefinitions {
  const { kit, say, config } = ctx;
  const title = say('due.title', { unit: plan.unit });
  return officialDocument(kit, {
    title: `${title} ${plan.unit}`,
    author: config.officeName,
    timestamp: ctx.timestamp,
    content: [
      documentTitle(kit, title),
      blankLines(1),
      textBlock(kit, say('due.salutation', { unit: plan.unit })),
      paragraph(kit, dueBody(ctx, plan)),
      {
        ...formTable(
          kit,
          [
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
          ],
          { columns: [4.4, 8, 4.6, 3.4], size: SIZE.小四, headerRows: 1 },
        ),
        margin: [0, LINE_PITCH / 4, 0, 0],
      },
      signatureBlock(kit, config.officeName, ctx.dateText),
    ],
  });
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
