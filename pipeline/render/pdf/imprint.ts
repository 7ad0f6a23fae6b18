/**
 * 版记 (GB/T 9704-2012 §7.4) of a pdfmake document: 抄送 and 印发机关/印发日期 in 4号 仿宋
 * between rules as wide as the type area — the first and the last 0.35 mm, the one between them
 * 0.25 mm — the last rule on the lower edge of the type area of the document's last page, which is
 * an even page (the back of a sheet):
 *
 * - the text ends on an even page with room at its foot: the 版记 goes there;
 * - it ends on an odd page: the 版记 goes at the foot of the next page;
 * - it ends on an even page without room: a blank page, then the 版记 page, neither numbered
 *   (§7.5: 版记页前有空白页的，空白页和版记页均不编排页码).
 *
 * pdfmake cannot put a block at the foot of a page, so the content ends with a spacer as tall
 * as the 版记 (an invisible 1-pt space whose line box has that height): where pdfmake places it
 * is the page of the 版记, moved on by a page break when it lands on an odd page (a guard just
 * before it takes the blank page when one is needed). The footer, laid out after the content,
 * draws the 版记 on that page and leaves the numbers off where §7.5 says so. Which of the three
 * cases it was is recorded on the definition (`imprintOf`), so the DOCX puts its 版记 in the same
 * place.
 */
import type { Content, ContentText, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY } from './fonts.ts';
import { LINE_PITCH, MARGINS, PAGE, SIZE, TYPE_AREA, lineHeightFactor, mm, pageNumberFooter, type TextKit } from './gbt9704-layout.ts';
import { textWidth } from './text-measure.ts';
import { wrapText } from './text-wrap.ts';
import type { Imprint } from './described.ts';

export const IMPRINT_SIZE = SIZE.四号;
/** Rule weights of §7.4.1 in points: first and last 0.35 mm, between 0.25 mm. */
export const IMPRINT_RULES = { outer: mm(0.35), inner: mm(0.25) } as const;
export const COPY_LABEL = '抄送：';

export type ImprintPlacement = 'same' | 'next' | 'blank';

export interface ImprintRecord {
  imprint: Imprint;
  /** Known once the PDF is laid out. */
  placement: ImprintPlacement | null;
}

const RECORD: unique symbol = Symbol('duban.imprint');

export function imprintOf(dd: TDocumentDefinitions): ImprintRecord | undefined {
  return (dd as { [RECORD]?: ImprintRecord })[RECORD];
}

/** 「抄送：A，B，C。」 broken like the standard asks: continuation lines align with the first name. */
export function copyLines(kit: TextKit, copyTo: readonly string[]): string[] {
  if (copyTo.length === 0) return [];
  const width = TYPE_AREA.width - 2 * IMPRINT_SIZE - textWidth(kit.body, COPY_LABEL, IMPRINT_SIZE);
  return wrapText(`${copyTo.join('，')}。`, { measure: kit.body, size: IMPRINT_SIZE, width, charSpacing: 0 });
}

/** Height of the 版记 in points: one grid line per line of text. */
export function imprintHeight(kit: TextKit, imprint: Imprint): number {
  return (copyLines(kit, imprint.copyTo).length + 1) * LINE_PITCH;
}

const GUARD = 'duban-imprint-guard';
const SPACER = 'duban-imprint';

interface Placed {
  id?: string;
  positions?: { pageNumber: number }[];
}

/** `dd` (an officialDocument) with the 版记 at the foot of its last even page. */
export function withImprint(kit: TextKit, dd: TDocumentDefinitions, imprint: Imprint): TDocumentDefinitions {
  const body = Array.isArray(dd.content) ? (dd.content as Content[]) : [dd.content];
  const height = imprintHeight(kit, imprint);
  const space = (id: string, h: number): ContentText & Placed => ({
    text: ' ',
    id,
    font: FONT_FAMILY.body,
    fontSize: 1,
    lineHeight: lineHeightFactor(kit.body, 1, h),
  });
  const guard = space(GUARD, 0.01);
  // The 版记 travels in the spacer too (pdfmake ignores the key), so the PDF memo key sees it.
  const spacer: ContentText & Placed = { ...space(SPACER, height), imprint } as ContentText & Placed;
  const firstPage = (n: Placed) => n.positions?.[0]?.pageNumber ?? 0;
  const bodyEnd = () => {
    let end = 1;
    for (const node of body as Placed[]) for (const p of node.positions ?? []) end = Math.max(end, p.pageNumber);
    return end;
  };
  const record: ImprintRecord = { imprint, placement: null };
  const numbers: DynamicContent = typeof dd.footer === 'function' ? dd.footer : pageNumberFooter();
  const drawn = imprintContent(kit, imprint);

  const out: TDocumentDefinitions = {
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
      record.placement = at <= end ? 'same' : at === end + 1 ? 'next' : 'blank';
      const number = record.placement === 'blank' && page > end ? null : numbers(page, pages, size);
      if (page !== at) return number;
      return { stack: [...(number ? [number as Content] : []), ...drawn] };
    },
  };
  Object.defineProperty(out, RECORD, { value: record, enumerable: false });
  return out;
}

/**
 * The 版记 drawn at the foot of the type area, positioned from the top of the footer area
 * (pdfmake lays a footer out in the bottom margin and moves it there as a whole).
 */
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
  lines.forEach((line, i) => out.push(text(i === 0 ? COPY_LABEL + line : line, IMPRINT_SIZE + (i === 0 ? 0 : label), top + i * LINE_PITCH)));
  if (lines.length > 0) out.push(rule(bottom - LINE_PITCH, IMPRINT_RULES.inner));
  const printedOn = `${imprint.date}印发`;
  out.push(text(imprint.printer, IMPRINT_SIZE, bottom - LINE_PITCH));
  out.push(text(printedOn, TYPE_AREA.width - IMPRINT_SIZE - textWidth(m, printedOn, IMPRINT_SIZE), bottom - LINE_PITCH));
  out.push(rule(bottom, IMPRINT_RULES.outer));
  return out;
}
