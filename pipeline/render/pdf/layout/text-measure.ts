/**
 * Widths of text in a font, in ems, from the parsed font's advance widths. We wrap lines
 * ourselves (text-wrap.ts) — this is what it measures with.
 */
import type { ParsedFont } from '../font-cache.ts';

export interface FontMeasure {
  /** Advance width of one code point, in ems (missing glyphs measure as .notdef). */
  advanceEm(codePoint: number): number;
  /** Height of pdfmake's line box at lineHeight 1, in ems: (ascent − descent) / unitsPerEm. */
  lineBoxEm: number;
  /** Baseline below the top of a line box, in ems (ascent / unitsPerEm), as pdfmake places text. */
  ascentEm: number;
}

export function fontMeasure(font: ParsedFont): FontMeasure {
  const cache = new Map<number, number>();
  return {
    advanceEm(codePoint) {
      let em = cache.get(codePoint);
      if (em === undefined) {
        em = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
        cache.set(codePoint, em);
      }
      return em;
    },
    lineBoxEm: (font.ascent - font.descent) / font.unitsPerEm,
    ascentEm: font.ascent / font.unitsPerEm,
  };
}

/** Width in points of `text` set at `size` with `charSpacing` between characters (as pdfmake measures it). */
export function textWidth(measure: FontMeasure, text: string, size: number, charSpacing = 0): number {
  let em = 0;
  for (const ch of text) em += measure.advanceEm(ch.codePointAt(0) ?? 0);
  return em * size + charSpacing * Math.max(0, text.length - 1);
}
