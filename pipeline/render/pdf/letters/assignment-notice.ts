/**
 * 督办通知 (交办): per lead unit, the items newly assigned in the as-of month, with a red
 * 版头, 发文字号, the deadline rules of seed 004 art. 22 and the 版记. Drawn as bands straight to
 * PDF (layout/, writer/) like the 催办通知; its DOCX is written from the same bands
 * (render/docx/documents.ts). The letters bench lays the same notice out with pdfmake
 * (bench/pdfmake-notice.ts) to measure the band writer against it.
 */
import type { Analysis, AnalyzedItem } from '../../../model/analysis.ts';
import { LINE_PITCH, SIZE } from '../layout/gbt9704-layout.ts';
import { dateOrBlank, type DocContext } from './context.ts';
import type { Imprint } from '../layout/described.ts';
import { chineseDate, type IsoDate } from '../../../model/dates.ts';
import { paragraphBands, redHeaderBands, signatureBand, space, textBands, titleBands, type Band } from '../layout/bands.ts';
import { formBands, type BandCell } from '../layout/form-bands.ts';
import { flowWithImprint } from '../layout/imprint-bands.ts';
import { writePagesPdf, type PageFonts } from '../writer/pages-pdf.ts';

export interface AssignmentPlan {
  unit: string;
  items: AnalyzedItem[];
  docNo: string;
  /** 成文日期: the register's 发文日期 for a registered notice, else the as-of date. */
  issuedOn: IsoDate;
  /** In the office's 发文登记 already (else it goes into 本次发文登记.csv). */
  registered: boolean;
}

/**
 * The 督办通知 of the as-of month as analyze numbered them (analyze/notices.ts): registered ones
 * with their fixed number, items and date, then new ones. Nothing is numbered here.
 */
export function planAssignments(_ctx: DocContext, analysis: Analysis): AssignmentPlan[] {
  const byId = new Map(analysis.items.map((i) => [i.id, i]));
  return analysis.notices.map((n) => ({
    unit: n.unit,
    items: n.itemIds.map((id) => byId.get(id)).filter((i): i is AnalyzedItem => i !== undefined),
    docNo: n.docNo,
    issuedOn: n.issuedOn,
    registered: n.registered,
  }));
}

export function assignmentTitle(ctx: DocContext, plan: AssignmentPlan): string {
  const period = `${Number(plan.issuedOn.slice(0, 4))}年${Number(plan.issuedOn.slice(5, 7))}月`;
  return ctx.say('assignment.title', { period, unit: plan.unit });
}

/** Relative widths of the item list's columns. */
export const ASSIGNMENT_COLUMNS = [4.4, 8, 4.6, 3.4];

/** The item list: 编号, 事项, 办结时限, 协办单位, the captions repeated on every page it runs onto. */
export function assignmentRows(ctx: DocContext, plan: AssignmentPlan): BandCell[][] {
  const { say } = ctx;
  return [
    [say('assignment.col.id'), say('assignment.col.title'), say('assignment.col.deadline'), say('assignment.col.coUnits')].map((text) => ({
      text,
      role: 'heading1' as const,
      alignment: 'center' as const,
    })),
    ...plan.items.map((item) => [{ text: item.id }, { text: item.title }, { text: deadlineCell(ctx, item) }, { text: item.coUnits.join('、') }]),
  ];
}

/** The notice as bands, 版头 first; the 版记 is placed by flowWithImprint (assignmentImprint). */
export function assignmentBands(ctx: DocContext, plan: AssignmentPlan): Band[] {
  const { kit, say, config } = ctx;
  return [
    ...redHeaderBands(kit, { issuerMark: config.issuerMark, docNo: plan.docNo }),
    ...titleBands(kit, assignmentTitle(ctx, plan)),
    space(LINE_PITCH),
    ...textBands(kit, say('assignment.salutation', { unit: plan.unit })),
    ...paragraphBands(kit, say('assignment.intro', { count: plan.items.length, unit: plan.unit })),
    ...textBands(kit, say('assignment.rulesHeading'), { role: 'heading1', indentChars: 2 }),
    ...paragraphBands(kit, say('assignment.rules')),
    ...textBands(kit, say('assignment.listHeading'), { role: 'heading1', indentChars: 2 }),
    space(LINE_PITCH / 4),
    ...formBands(kit, assignmentRows(ctx, plan), { columns: ASSIGNMENT_COLUMNS, size: SIZE.小四, headerRows: 1, wholeWords: true }),
    signatureBand(kit, config.officeName, chineseDate(plan.issuedOn)),
  ];
}

/** The notice as a PDF: `bands` when laid out already (the DOCX is written from the same bands). */
export function assignmentPdf(ctx: DocContext, fonts: PageFonts, plan: AssignmentPlan, bands: Band[] = assignmentBands(ctx, plan)): Uint8Array {
  const { pages } = flowWithImprint(ctx.kit, bands, assignmentImprint(ctx, plan));
  return writePagesPdf(pages, fonts, { title: assignmentTitle(ctx, plan), author: ctx.config.officeName, timestamp: ctx.timestamp });
}

/**
 * 版记: 抄送 the items' 配合单位 (the notice asks the unit to work 会同协办单位) and whoever
 * office.json names (copyTo), then 印发机关 and the 印发日期 (the notice's date).
 */
export function assignmentImprint(ctx: DocContext, plan: AssignmentPlan): Imprint {
  const copyTo = [...new Set([...plan.items.flatMap((i) => i.coUnits), ...ctx.config.copyTo].map((u) => u.trim()))].filter((u) => u !== '' && u !== plan.unit);
  return { copyTo, printer: ctx.config.printedBy || ctx.config.officeName, date: chineseDate(plan.issuedOn) };
}

function deadlineCell(ctx: DocContext, item: AnalyzedItem): string {
  if (!item.effectiveDeadline) return item.deadlineText || (item.ongoing ? '长期' : '未定');
  const date = dateOrBlank(item.effectiveDeadline);
  return item.deadlineText && item.deadlineText !== date ? ctx.say('assignment.deadline', { text: item.deadlineText, date }) : date;
}
