/**
 * The GB/T 9704-2012 geometry every formal PDF is checked against (read back with pdf-reader.ts):
 * A4, text inside the 156 × 225 mm type area at 28 mm / 37 mm, body lines on the 22-line grid,
 * page numbers 「— n —」 in 4号 7 mm below the type area, odd pages right and even pages left.
 */
import { expect } from 'vitest';
import { FOOTER_BELOW_MM, type PdfPage } from './pdf-reader.ts';

export const TOL = 1; // mm
/** One 4号 character, mm. */
export const CHAR_4 = 14 * (25.4 / 72);

/** Text of the page body, i.e. everything but the page number under the type area. */
export function bodyItems(page: PdfPage) {
  return page.items.filter((it) => it.baseline < FOOTER_BELOW_MM);
}

/** The page number as printed, without spaces ('' when the page has none). */
export function pageNumberOf(page: PdfPage): string {
  return page.items
    .filter((it) => it.baseline >= FOOTER_BELOW_MM)
    .map((it) => it.str)
    .join('')
    .replace(/\s/g, '');
}

export function expectTypeArea(pages: readonly PdfPage[], label: string, tol = TOL): void {
  for (const page of pages) {
    expect(page.widthMm).toBeCloseTo(210, 0);
    expect(page.heightMm).toBeCloseTo(297, 0);
    for (const it of bodyItems(page)) {
      expect(it.x, `${label} ${it.str}`).toBeGreaterThanOrEqual(28 - tol);
      expect(it.right, `${label} ${it.str}`).toBeLessThanOrEqual(28 + 156 + tol);
      expect(it.top, `${label} ${it.str}`).toBeGreaterThanOrEqual(37 - tol);
      expect(it.baseline, `${label} ${it.str}`).toBeLessThanOrEqual(37 + 225 + tol);
    }
  }
}

/** Body lines of 3号 at the left margin are 225/22 mm apart. */
export function expectGridLines(page: PdfPage, digits = 1): void {
  const body = bodyItems(page).filter((it) => Math.abs(it.size - 16) < 0.1 && it.x < 60);
  const baselines = [...new Set(body.map((it) => Math.round(it.baseline * 100) / 100))].sort((a, b) => a - b);
  const gaps = baselines
    .slice(1)
    .map((b, i) => b - (baselines[i] ?? 0))
    .filter((g) => g < 12);
  expect(gaps.length).toBeGreaterThan(1);
  for (const gap of gaps) expect(gap).toBeCloseTo(225 / 22, digits);
}

/**
 * Page numbers: `numbers[i]` the number page i carries (null: none); every page numbered in order
 * by default. 4号, 7 mm under the type area, inset one character on the outer side.
 */
export function expectPageNumbers(pages: readonly PdfPage[], numbers: readonly (number | null)[] = pages.map((_, i) => i + 1)): void {
  expect(pages.map(pageNumberOf)).toEqual(numbers.map((n) => (n === null ? '' : `—${n}—`)));
  for (const [i, page] of pages.entries()) {
    if (numbers[i] === null) continue;
    const number = page.items.filter((it) => it.baseline >= FOOTER_BELOW_MM);
    for (const it of number) expect(it.size).toBeCloseTo(14, 0);
    const top = Math.min(...number.map((it) => it.top));
    expect(top).toBeGreaterThan(262 + 7 - 2);
    expect(top).toBeLessThan(262 + 7 + 2);
    if ((i + 1) % 2 === 1) expect(Math.max(...number.map((it) => it.right))).toBeCloseTo(210 - 26 - CHAR_4, 0);
    else expect(Math.min(...number.map((it) => it.x))).toBeCloseTo(28 + CHAR_4, 0);
  }
}
