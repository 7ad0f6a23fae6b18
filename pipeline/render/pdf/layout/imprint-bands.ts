/**
 * A numbered document (督办通知) on pages with its 版记 (GB/T 9704-2012 §7.4): 抄送 and
 * 印发机关/印发日期 in 4号 仿宋 between rules as wide as the type area — the first and the last
 * 0.35 mm, the one between them 0.25 mm — the last rule on the lower edge of the type area of the
 * document's last page, which is an even page (the back of a sheet):
 *
 * - the text ends on an even page with room at its foot: the 版记 goes there ('same');
 * - it ends on an odd page: the 版记 goes at the foot of the next page ('next');
 * - it ends on an even page without room: a blank page, then the 版记 page, neither numbered
 *   ('blank'; §7.5: 版记页前有空白页的，空白页和版记页均不编排页码).
 *
 * The bands are laid out once and the placement read off the layout, so the DOCX (render/docx/)
 * puts its 版记 on the same page as the PDF without drawing the PDF.
 */
import type { Imprint } from './described.ts';
import { LINE_PITCH, MARGINS, TYPE_AREA, type TextKit } from './gbt9704-layout.ts';
import { COPY_LABEL, IMPRINT_RULES, IMPRINT_SIZE, copyLines, imprintHeight, type ImprintPlacement } from './imprint.ts';
import { textWidth } from './text-measure.ts';
import type { Band } from './bands.ts';
import { EPS, layBands, pageNumber } from './flow.ts';
import type { Mark, Page } from './marks.ts';

export interface ImprintedPages {
  pages: Page[];
  placement: ImprintPlacement;
}

/** Where the 版记 goes after text that ends on page `last` (1-based) at `end` points down the type area. */
function placementAfter(kit: TextKit, imprint: Imprint, last: number, end: number): ImprintPlacement {
  if (last % 2 === 1) return 'next';
  return end + imprintHeight(kit, imprint) <= TYPE_AREA.height + EPS ? 'same' : 'blank';
}

/** The document's pages, numbered, with the 版记 at the foot of the last (even) one. */
export function flowWithImprint(kit: TextKit, bands: readonly Band[], imprint: Imprint): ImprintedPages {
  const { pages, end } = layBands(bands);
  const text = pages.length;
  const placement = placementAfter(kit, imprint, text, end);
  const extra = placement === 'same' ? 0 : placement === 'next' ? 1 : 2;
  for (let i = 0; i < extra; i++) pages.push({ marks: [] });
  pages.at(-1)!.marks.push(...imprintMarks(kit, imprint));
  const numbered = placement === 'blank' ? text : pages.length;
  for (let i = 0; i < numbered; i++) pages[i]!.marks.push(pageNumber(kit, i + 1, i + 1));
  return { pages, placement };
}

/** Only where the 版记 goes (for the DOCX): the same layout as flowWithImprint, nothing drawn. */
export function imprintPlacement(kit: TextKit, bands: readonly Band[], imprint: Imprint): ImprintPlacement {
  const { pages, end } = layBands(bands);
  return placementAfter(kit, imprint, pages.length, end);
}

/** The 版记 at the foot of the type area, in page coordinates: one grid line per line of text. */
export function imprintMarks(kit: TextKit, imprint: Imprint): Mark[] {
  const lines = copyLines(kit, imprint.copyTo);
  const bottom = MARGINS.top + TYPE_AREA.height;
  const top = bottom - (lines.length + 1) * LINE_PITCH;
  const m = kit.body;
  const rule = (y: number, width: number): Mark => ({ kind: 'line', x1: MARGINS.left, y1: y, x2: MARGINS.left + TYPE_AREA.width, y2: y, width });
  // Each line of text centred on its grid line.
  const baseline = (lineTop: number) => lineTop + (LINE_PITCH - m.lineBoxEm * IMPRINT_SIZE) / 2 + m.ascentEm * IMPRINT_SIZE;
  const text = (line: string, x: number, lineTop: number): Mark => ({ kind: 'text', x: MARGINS.left + x, y: baseline(lineTop), text: line, role: 'body', size: IMPRINT_SIZE, charSpacing: 0 });
  const label = textWidth(m, COPY_LABEL, IMPRINT_SIZE);
  const marks: Mark[] = [rule(top, IMPRINT_RULES.outer)];
  for (const [i, line] of lines.entries()) marks.push(text(i === 0 ? COPY_LABEL + line : line, IMPRINT_SIZE + (i === 0 ? 0 : label), top + i * LINE_PITCH));
  if (lines.length > 0) marks.push(rule(bottom - LINE_PITCH, IMPRINT_RULES.inner));
  const printedOn = `${imprint.date}印发`;
  marks.push(text(imprint.printer, IMPRINT_SIZE, bottom - LINE_PITCH));
  marks.push(text(printedOn, TYPE_AREA.width - IMPRINT_SIZE - textWidth(m, printedOn, IMPRINT_SIZE), bottom - LINE_PITCH));
  marks.push(rule(bottom, IMPRINT_RULES.outer));
  return marks;
}
