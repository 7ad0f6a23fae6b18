/**
 * Stacks bands on GB/T 9704 pages: type area 156 × 225 mm at 28 mm / 37 mm, a new page where
 * the next band does not fit, a ruled table closed at the foot of a page and reopened at the
 * head of the next (its header rows drawn again there, when it has any), and page numbers
 * "— n —" 7 mm below the type area, odd pages right, even pages left (as gbt9704-layout.ts does
 * for the pdfmake documents).
 *
 * Several documents can share one file (the duplex batch of 催办通知): each starts on a new
 * page — with `startOnOdd`, on a front side, a blank back inserted where needed — and is
 * numbered from — 1 — on its own.
 */
import { MARGINS, PAGE_NUMBER_GAP, SIZE, TYPE_AREA, type TextKit } from './gbt9704-layout.ts';
import { textWidth } from './text-measure.ts';
import type { Band, Frame } from './bands.ts';
import { shift, type Mark, type Page } from './marks.ts';

export interface FlowOptions {
  /** Every document starts on an odd page (for duplex printing). */
  startOnOdd?: boolean;
}

/** Rounding slack so a band that exactly fills the page is not pushed over. */
export const EPS = 0.01;

export function flowDocuments(kit: TextKit, documents: readonly (readonly Band[])[], o: FlowOptions = {}): Page[] {
  const pages: Page[] = [];
  for (const bands of documents) {
    if (o.startOnOdd && pages.length % 2 === 1) pages.push({ marks: [] });
    const first = pages.length;
    for (const page of layBands(bands).pages) pages.push(page);
    for (let i = first; i < pages.length; i++) pages[i]!.marks.push(pageNumber(kit, i + 1, i - first + 1));
  }
  return pages;
}

export interface LaidOut {
  /** At least one page; no page numbers yet. */
  pages: Page[];
  /** Height used on the last page, from the top of the type area. */
  end: number;
}

/** One document's bands on as many pages as they need (at least one), without page numbers. */
export function layBands(bands: readonly Band[]): LaidOut {
  const pages: Page[] = [{ marks: [] }];
  let marks = pages[0]!.marks;
  let y = 0;
  const ruleAt = (f: Frame, at: number): Mark => ({ kind: 'line', x1: MARGINS.left + f.left, y1: MARGINS.top + at, x2: MARGINS.left + f.right, y2: MARGINS.top + at, width: f.rule });
  const newPage = () => {
    marks = [];
    pages.push({ marks });
    y = 0;
  };
  const place = (band: Band) => {
    marks.push(...shift(band.marks, MARGINS.left, MARGINS.top + y));
    y += band.height;
  };
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    const frame = band.frame;
    const continues = frame !== undefined && previous?.frame === frame;
    // A table's header rows do not stand alone at the foot of a page: they go with its first row.
    const need = frame?.header?.[0] === band && !continues ? headerHeight(frame) + (bands[i + frame.header.length]?.height ?? 0) : band.height;
    if (y > 0 && y + need > TYPE_AREA.height + EPS) {
      if (continues) marks.push(ruleAt(frame, y));
      newPage();
      if (continues) {
        // Reopened: the header rows again (they draw their own top rule), or the top rule alone.
        const header = frame.header ?? [];
        if (header.length > 0 && !header.includes(band)) for (const h of header) place(h);
        else marks.push(ruleAt(frame, 0));
      }
    }
    place(band);
    const next = bands[i + 1];
    if (frame && next?.frame !== frame) marks.push(ruleAt(frame, y));
  });
  return { pages, end: y };
}

function headerHeight(frame: Frame): number {
  return (frame.header ?? []).reduce((h, b) => h + b.height, 0);
}

/** 4号 "— n —", inset one character from the outer edge of the type area. */
export function pageNumber(kit: TextKit, physicalPage: number, n: number): Mark {
  const text = `— ${n} —`;
  const size = SIZE.四号;
  const inset = SIZE.四号;
  const odd = physicalPage % 2 === 1;
  const width = textWidth(kit.song, text, size);
  const x = odd ? MARGINS.left + TYPE_AREA.width - inset - width : MARGINS.left + inset;
  const top = MARGINS.top + TYPE_AREA.height + PAGE_NUMBER_GAP;
  return { kind: 'text', x, y: top + kit.song.ascentEm * size, text, role: 'song', size, charSpacing: 0 };
}
