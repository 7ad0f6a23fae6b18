/**
 * The 督办通知 as pdfmake laid it out before the band writer drew it (render/pdf/documents/
 * assignment-notice.ts): the same words, rows and GB/T 9704 blocks (gbt9704-layout.ts,
 * form-table.ts), the 版记 placed by a spacer at the end of the content. Kept for the letters bench
 * only (benchBandsVsPdfmake), so the direct writer's reason to exist stays measured against it.
 *
 * pdfmake cannot put a block at the foot of a page, so the content ends with a spacer as tall as
 * the 版记 (an invisible 1-pt space whose line box has that height): where pdfmake places it is the
 * page of the 版记, moved on by a page break when it lands on an odd page (a guard just before it
 * takes the blank page when one is needed). The footer, laid out after the content, draws the 版记
 * on that page and leaves the numbers off where §7.5 says so.
 */
import type { Content, ContentText, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { chineseDate } from '../pipeline/model/dates.ts';
import type { Imprint } from '../pipeline/render/pdf/layout/described.ts';
import type { DocContext } from '../pipeline/render/pdf/letters/context.ts';
import { ASSIGNMENT_COLUMNS, assignmentImprint, assignmentRows, assignmentTitle, type AssignmentPlan } from '../pipeline/render/pdf/letters/assignment-notice.ts';
import { FONT_FAMILY } from '../pipeline/render/pdf/fonts.ts';
import { formTable } from '../pipeline/render/pdf/layout/form-table.ts';
import {
  LINE_PITCH,
  MARGINS,
  PAGE,
  SIZE,
  TYPE_AREA,
  blankLines,
  documentTitle,
  heading1,
  lineHeightFactor,
  officialDocument,
  pageNumberFooter,
  paragraph,
  signatureBlock,
  textBlock,
  type TextKit,
} from '../pipeline/render/pdf/layout/gbt9704-layout.ts';
import { COPY_LABEL, IMPRINT_RULES, IMPRINT_SIZE, copyLines, imprintHeight } from '../pipeline/render/pdf/layout/imprint.ts';
import { textWidth } from '../pipeline/render/pdf/layout/text-measure.ts';

export function pdfmakeNotice(ctx: DocContext, plan: AssignmentPlan): TDocumentDefinitions {
  const { kit, say, config } = ctx;
  const title = assignmentTitle(ctx, plan);
  const dd = officialDocument(kit, {
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
      { ...formTable(kit, assignmentRows(ctx, plan), { columns: ASSIGNMENT_COLUMNS, size: SIZE.小四, headerRows: 1 }), margin: [0, LINE_PITCH / 4, 0, 0] },
      signatureBlock(kit, config.officeName, chineseDate(plan.issuedOn)),
    ],
  });
  return withImprint(kit, dd, assignmentImprint(ctx, plan));
}

const GUARD = 'duban-imprint-guard';
const SPACER = 'duban-imprint';

interface Placed {
  id?: string;
  positions?: { pageNumber: number }[];
}

/** `dd` (an officialDocument) with the 版记 at the foot of its last even page. */
function withImprint(kit: TextKit, dd: TDocumentDefinitions, imprint: Imprint): TDocumentDefinitions {
  const body = Array.isArray(dd.content) ? (dd.content as Content[]) : [dd.content];
  const height = imprintHeight(kit, imprint);
  const space = (id: string, h: number): ContentText & Placed => ({ text: ' ', id, font: FONT_FAMILY.body, fontSize: 1, lineHeight: lineHeightFactor(kit.body, 1, h) });
  const guard = space(GUARD, 0.01);
  const spacer = space(SPACER, height);
  const firstPage = (n: Placed) => n.positions?.[0]?.pageNumber ?? 0;
  const bodyEnd = () => {
    let end = 1;
    for (const node of body as Placed[]) for (const p of node.positions ?? []) end = Math.max(end, p.pageNumber);
    return end;
  };
  const numbers: DynamicContent = typeof dd.footer === 'function' ? dd.footer : pageNumberFooter();
  const drawn = imprintContent(kit, imprint);
  return {
    ...dd,
    content: [...body, guard, spacer],
    // The guard takes the blank page when the 版记 does not fit on an even page; the spacer moves to an even page.
    pageBreakBefore: (node) => {
      const at = node.startPosition.pageNumber;
      if (node.id === GUARD) return firstPage(spacer) % 2 === 1 && firstPage(spacer) > at;
      if (node.id === SPACER) return at % 2 === 1;
      return false;
    },
    footer: (page, pages, size) => {
      const at = firstPage(spacer) || pages;
      const end = bodyEnd();
      const number = at > end + 1 && page > end ? null : numbers(page, pages, size);
      if (page !== at) return number;
      return { stack: [...(number ? [number as Content] : []), ...drawn] };
    },
  };
}

/** The 版记 at the foot of the type area, positioned from the top of the footer area (pdfmake moves a footer there as a whole). */
function imprintContent(kit: TextKit, imprint: Imprint): Content[] {
  const lines = copyLines(kit, imprint.copyTo);
  const height = (lines.length + 1) * LINE_PITCH;
  const footerTop = PAGE.height - MARGINS.bottom;
  const bottom = MARGINS.top + TYPE_AREA.height - footerTop;
  const top = bottom - height;
  const rule = (y: number, width: number): Content => ({
    absolutePosition: { x: MARGINS.left, y: y - width / 2 },
    canvas: [{ type: 'line', x1: 0, y1: width / 2, x2: TYPE_AREA.width, y2: width / 2, lineWidth: width, lineColor: '#000000' }],
  });
  const m = kit.body;
  const baselineGap = (LINE_PITCH - m.lineBoxEm * IMPRINT_SIZE) / 2;
  const text = (line: string, x: number, y: number): Content => ({
    absolutePosition: { x: MARGINS.left + x, y: y + baselineGap },
    text: line,
    font: FONT_FAMILY.body,
    fontSize: IMPRINT_SIZE,
    lineHeight: 1,
    noWrap: true,
    preserveLeadingSpaces: true,
  });
  const label = textWidth(m, COPY_LABEL, IMPRINT_SIZE);
  const out: Content[] = [rule(top, IMPRINT_RULES.outer)];
  for (const [i, line] of lines.entries()) out.push(text(i === 0 ? COPY_LABEL + line : line, IMPRINT_SIZE + (i === 0 ? 0 : label), top + i * LINE_PITCH));
  if (lines.length > 0) out.push(rule(bottom - LINE_PITCH, IMPRINT_RULES.inner));
  const printedOn = `${imprint.date}印发`;
  out.push(text(imprint.printer, IMPRINT_SIZE, bottom - LINE_PITCH));
  out.push(text(printedOn, TYPE_AREA.width - IMPRINT_SIZE - textWidth(m, printedOn, IMPRINT_SIZE), bottom - LINE_PITCH));
  out.push(rule(bottom, IMPRINT_RULES.outer));
  return out;
}
