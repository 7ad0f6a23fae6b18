import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formTable } from '../../../../pipeline/render/pdf/layout/form-table.ts';
import { officialDocument } from '../../../../pipeline/render/pdf/layout/gbt9704-layout.ts';
import { renderPdf } from '../../../../pipeline/render/pdf/report/printer.ts';
import { pdfAssets } from '../render-fixture.ts';
import { plainText, readPdf } from '../pdf-reader.ts';

describe('formTable across pages', () => {
  // Regression: with vertically centred cells pdfmake 0.3.11 lost the rest of the page after a break.
  it('keeps every row of a table that runs over several pages', async () => {
    const assets = pdfAssets();
    const rows = Array.from({ length: 40 }, (_, i) => [{ text: `第${i + 1}行` }, { text: `内容标记${String(i + 1).padStart(2, '0')}` }]);
    const dd = officialDocument(assets.kit, {
      title: '测试',
      author: 'duban',
      timestamp: new Date('2026-11-25T00:00:00+08:00'),
      content: [formTable(assets.kit, [[{ text: '序号' }, { text: '内容' }], ...rows], { columns: [1, 3], headerRows: 1 })],
    });
    const bytes = await renderPdf(assets.engine, dd);
    // Viewers that are strict about graphics state (poppler, printers' RIPs) drop what follows an
    // unbalanced restore, even where pdf.js still finds the text: every page must balance q/Q.
    expect(graphicsStateBalance(bytes).every(([q, Q]) => q === Q)).toBe(true);
    const pages = await readPdf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const text = plainText(pages).replace(/\s+/g, '');
    for (let i = 1; i <= 40; i++) expect(text).toContain(`内容标记${String(i).padStart(2, '0')}`);
  });
});

/** [saves, restores] per content stream. */
function graphicsStateBalance(pdf: Uint8Array): [number, number][] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: [number, number][] = [];
  for (const m of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!/\bBT\b|\sre\s/.test(body)) continue; // font programs and images, not page content
    const q = body.match(/(?<![A-Za-z])q(?![A-Za-z])/g)?.length ?? 0;
    const Q = body.match(/(?<![A-Za-z])Q(?![A-Za-z])/g)?.length ?? 0;
    if (q + Q > 0) out.push([q, Q]);
  }
  return out;
}
