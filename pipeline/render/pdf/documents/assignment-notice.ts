/**
 * 督办通知 (交办): per lead unit, the items newly assigned in the as-of month, with a red
 * 版头, 发文字号 and the deadline rules of seed 004 art. 22.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { formTable } from '../form-table.ts';
import { LINE_PITCH, SIZE, blankLines, documentTitle, heading1, officialDocument, paragraph, signatureBlock, textBlock } from '../gbt9704-layout.ts';
import { NO_UNIT, byText, dateOrBlank, type DocContext } from './context.ts';

export interface AssignmentPlan {
  unit: string;
  items: AnalyzedItem[];
  docNo: string;
}

/** Units with items assigned from the 1st of the as-of month up to the as-of date; numbers in unit order. */
export function planAssignments(ctx: DocContext, analysis: Analysis): AssignmentPlan[] {
  const monthStart = `${analysis.asOf.slice(0, 7)}-01`;
  const byUnit = new Map<string, AnalyzedItem[]>();
  for (const item of analysis.items) {
    if (!item.assignedOn || item.assignedOn < monthStart || item.assignedOn > analysis.asOf) continue;
    const unit = item.leadUnit ?? NO_UNIT;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), item]);
  }
  const year = Number(analysis.asOf.slice(0, 4));
  return [...byUnit.keys()].sort(byText).map((unit, i) => ({
    unit,
    items: (byUnit.get(unit) ?? []).sort((a, b) => byText(a.id, b.id)),
    docNo: ctx.say('assignment.docNo', { prefix: ctx.config.docNoPrefix, year, number: ctx.config.nextDocNo + i }),
  }));
}

export function assignmentDocument(ctx: DocContext, plan: AssignmentPlan): TDocumentDefinitions {
  const { kit, say, config } = ctx;
  const period = `${Number(ctx.asOf.slice(0, 4))}年${Number(ctx.asOf.slice(5, 7))}月`;
  const title = say('assignment.title', { period, unit: plan.unit });
  const rows = plan.items.map((item) => [
    { text: item.id },
    { text: item.title },
    { text: deadlineCell(ctx, item) },
    { text: item.coUnits.join('、') },
  ]);
  return officialDocument(kit, {
    title,
    author: config.officeName,
    timestamp: ctx.timestamp,
    header: { issuerMark: config.issuerMark, docNo: plan.docNo },
    content: [
      documentTitle(kit, title),
      blankLines(1),
      textBlock(kit, say('assignment.salutation', { unit: plan.unit })),
      paragraph(kit, say('assignment.intro', { count: plan.items.length, unit: plan.unit })),
      heading1(kit, say('assignment.rulesHeading')),
      paragraph(kit, say('assignment.rules')),
      heading1(kit, say('assignment.listHeading')),
      {
        ...formTable(
          kit,
          [
            [say('assignment.col.id'), say('assignment.col.title'), say('assignment.col.deadline'), say('assignment.col.coUnits')].map((text) => ({
              text,
              role: 'heading1' as const,
              alignment: 'center' as const,
            })),
            ...rows,
          ],
          { columns: [4.4, 8, 4.6, 3.4], size: SIZE.小四, headerRows: 1 },
        ),
        margin: [0, LINE_PITCH / 4, 0, 0],
      },
      signatureBlock(kit, config.officeName, ctx.dateText),
    ],
  });
}

function deadlineCell(ctx: DocContext, item: AnalyzedItem): string {
  if (!item.effectiveDeadline) return item.deadlineText || (item.ongoing ? '长期' : '未定');
  const date = dateOrBlank(item.effectiveDeadline);
  return item.deadlineText && item.deadlineText !== date ? ctx.say('assignment.deadline', { text: item.deadlineText, date }) : date;
}
