/**
 * 版记 (GB/T 9704-2012 §7.4) of a document that goes out under a number (督办通知): 抄送 and
 * 印发机关/印发日期 in 4号 仿宋 between rules as wide as the type area — the first and the last
 * 0.35 mm, the one between them 0.25 mm — the last rule on the lower edge of the type area of the
 * document's last page, which is an even page (the back of a sheet). The measures and lines shared
 * by the band writer, which places and draws it (layout/imprint-bands.ts), and the DOCX
 * (render/docx/writer.ts), which puts it on the page the band layout gave it.
 */
import { LINE_PITCH, SIZE, TYPE_AREA, mm, type TextKit } from './gbt9704-layout.ts';
import { textWidth } from './text-measure.ts';
import { wrapText } from './text-wrap.ts';
import type { Imprint } from './described.ts';

export const IMPRINT_SIZE = SIZE.四号;
/** Rule weights of §7.4.1 in points: first and last 0.35 mm, between 0.25 mm. */
export const IMPRINT_RULES = { outer: mm(0.35), inner: mm(0.25) } as const;
export const COPY_LABEL = '抄送：';

/**
 * Where the 版记 goes: 'same' — the text ends on an even page with room at its foot; 'next' — it
 * ends on an odd page, the 版记 at the foot of the next; 'blank' — it ends on an even page without
 * room: a blank page, then the 版记 page, neither numbered (§7.5).
 */
export type ImprintPlacement = 'same' | 'next' | 'blank';

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
