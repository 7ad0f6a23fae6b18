/** Reads generated PDFs back with pdfjs: page sizes, text with positions (in mm from the top-left). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  /** Left edge, mm from the page's left edge. */
  x: number;
  /** Right edge, mm. */
  right: number;
  /** Top of the glyph box (baseline − font size), mm from the page's top edge. */
  top: number;
  /** Baseline, mm from the top edge. */
  baseline: number;
  size: number;
}

export interface PdfPage {
  widthMm: number;
  heightMm: number;
  items: TextItem[];
  text: string;
}

const MM = 25.4 / 72;

export async function readPdf(bytes: Uint8Array | string): Promise<PdfPage[]> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
  const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , w = 0, h = 0] = page.view;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const raw of content.items) {
      if (!('str' in raw) || raw.str.trim() === '') continue;
      const [, , , d = 0, e = 0, f = 0] = raw.transform as number[];
      const size = Math.abs(d);
      items.push({ str: raw.str, x: e * MM, right: (e + raw.width) * MM, baseline: (h - f) * MM, top: (h - f - size) * MM, size });
    }
    pages.push({ widthMm: w * MM, heightMm: h * MM, items, text: items.map((it) => it.str).join('') });
  }
  await doc.destroy();
  return pages;
}

/** Baseline below which only the page number sits (type area ends at 37 + 225 mm). */
export const FOOTER_BELOW_MM = 265;

/**
 * Text of the type area of all pages, without whitespace, page numbers or the NULs pdfjs
 * reports for glyphs the font lacks — for wording checks across line and page breaks.
 */
export function plainText(pages: PdfPage[]): string {
  return pages
    .flatMap((p) => p.items.filter((it) => it.baseline < FOOTER_BELOW_MM).map((it) => it.str))
    .join('')
    .replace(/[\s\u0000]+/g, '');
}

/** Font programs embedded in the file (pdfkit writes font dictionaries uncompressed). */
export function fontStats(bytes: Uint8Array): { descriptors: number; fontFiles: number } {
  const text = Buffer.from(bytes).toString('latin1');
  return { descriptors: (text.match(/\/Type \/FontDescriptor/g) ?? []).length, fontFiles: (text.match(/\/FontFile[23]? /g) ?? []).length };
}
