/** 到期提醒: a short, friendly notice per unit for items due soon, before they become overdue. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { formTable } from '../form-table.ts';
import { LINE_PITCH, SIZE, blankLines, documentTitle, officialDocument, paragraph, signatureBlock, textBlock } from '../gbt9704-layout.ts';
import { NO_UNIT, byText, dateOrBlank, type DocContext } from './context.ts';

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
  return [...byUnit.keys()].sort(byText).map((unit) => ({ unit, items: (byUnit.get(unit) ?? []).sort((a, b) => byText(a.id, b.id)) }));
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
      paragraph(kit, say('due.body', { count: plan.items.length, unit: plan.unit })),
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
              { text: item.id },
              { text: item.title },
              { text: dateOrBlank(item.effectiveDeadline) },
              { text: item.workdaysLeft === null ? '' : say('due.left', { days: item.workdaysLeft }), alignment: 'center' as const },
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
