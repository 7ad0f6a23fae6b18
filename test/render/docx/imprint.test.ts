/**
 * Where the 版记 goes (GB/T 9704 §7.4, §7.5), in the PDF and the DOCX alike: at the foot of the
 * last page, an even one — after the text on an even page with room, on the next page after
 * text that ends on an odd page, and after a blank page when an even page has no room, neither
 * of those two pages numbered.
 */
import { describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bandsDocx, docxKit } from '../../../pipeline/render/docx/index.ts';
import { paragraphBands } from '../../../pipeline/render/pdf/layout/bands.ts';
import { flowWithImprint } from '../../../pipeline/render/pdf/layout/imprint-bands.ts';
import { writePagesPdf } from '../../../pipeline/render/pdf/writer/pages-pdf.ts';
import { FOOTER_BELOW_MM, plainText, readPdf } from '../pdf/pdf-reader.ts';
import { pdfAssets } from '../pdf/render-fixture.ts';
import { all, first, footerOf, kids, readDocx } from './docx-reader.ts';

const IMPRINT = { copyTo: ['教务处', '分管校领导'], printer: '示范大学督查督办工作办公室', date: '2026年11月3日' };
const MM = 72 / 25.4;
const META = { title: '通知', author: '办公室', timestamp: new Date('2026-11-02T16:00:00Z') };

/** A notice of `n` one-line paragraphs with a 版记, as the band writer lays it out, and its DOCX. */
async function notice(n: number) {
  const { kit, pageFonts } = pdfAssets();
  const bands = Array.from({ length: n }, (_, i) => paragraphBands(kit, `第${i + 1}段。`)).flat();
  const { pages, placement } = flowWithImprint(kit, bands, IMPRINT);
  const pdf = writePagesPdf(pages, pageFonts, META);
  const docx = readDocx(await bandsDocx(bands, META, docxKit(pdfAssets()), { imprint: IMPRINT, placement }));
  return { placement, pages: await readPdf(pdf), pdf, docx };
}

const numberOf = (page: { items: { baseline: number; str: string }[] }) =>
  page.items
    .filter((it) => it.baseline >= FOOTER_BELOW_MM)
    .map((it) => it.str)
    .join('')
    .replace(/\s/g, '');

describe('版记 in the PDF', () => {
  it('text ending on an odd page: the 版记 at the foot of the next page, numbered', async () => {
    const { placement, pages } = await notice(3);
    expect(placement).toBe('next');
    expect(pages).toHaveLength(2);
    expect(plainText([pages[1]!])).toBe('抄送：教务处，分管校领导。示范大学督查督办工作办公室2026年11月3日印发');
    expect(pages.map(numberOf)).toEqual(['—1—', '—2—']);
  });

  it('text ending on an even page with room: the 版记 below it on that page', async () => {
    const { placement, pages } = await notice(30);
    expect(placement).toBe('same');
    expect(pages).toHaveLength(2);
    expect(plainText([pages[1]!])).toMatch(/第30段。抄送：/);
  });

  it('text that leaves the 版记 exactly its room keeps it on that page', async () => {
    const { placement, pages } = await notice(42);
    expect(placement).toBe('same');
    expect(pages).toHaveLength(2);
  });

  it('an even page without room: a blank page and the 版记 page, neither numbered', async () => {
    const { placement, pages } = await notice(43);
    expect(placement).toBe('blank');
    expect(pages).toHaveLength(4);
    expect(plainText([pages[2]!])).toBe('');
    expect(pages.map(numberOf)).toEqual(['—1—', '—2—', '', '']);
  });

  it('GB/T 9704 places: 4号, one character in from each side, the last line on the foot of the type area; rules of 0.35 and 0.25 mm', async () => {
    const { pages, pdf } = await notice(3);
    const items = pages[1]!.items.filter((it) => it.baseline < FOOTER_BELOW_MM);
    const copy = items.find((it) => it.str.startsWith('抄送'))!;
    const printer = items.find((it) => it.str === IMPRINT.printer)!;
    const date = items.find((it) => it.str.endsWith('印发'))!;
    for (const it of [copy, printer, date]) expect(it.size).toBeCloseTo(14, 1);
    expect(copy.x).toBeCloseTo(28 + 14 / MM, 0);
    expect(printer.x).toBeCloseTo(28 + 14 / MM, 0);
    expect(date.right).toBeCloseTo(28 + 156 - 14 / MM, 0);
    expect(printer.baseline).toBeGreaterThan(262 - 225 / 22);
    expect(printer.baseline).toBeLessThan(262);
    expect(copy.baseline).toBeLessThan(printer.baseline);
    // Line widths drawn on the 版记 page.
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
    const ops = await (await doc.getPage(2)).getOperatorList();
    const widths = ops.fnArray.flatMap((fn, i) => (fn === OPS.setLineWidth ? [Number((ops.argsArray[i] as number[])[0]) / MM] : []));
    await doc.destroy();
    expect(widths.filter((w) => Math.abs(w - 0.35) < 0.01)).toHaveLength(2);
    expect(widths.filter((w) => Math.abs(w - 0.25) < 0.01)).toHaveLength(1);
  });
});

describe('版记 in the DOCX, where the PDF put it', () => {
  const table = (d: ReturnType<typeof readDocx>) => all(d.body, 'w:tbl').find((t) => first(t, 'w:tblpPr'))!;

  it('next page: a paragraph starts the page the 版记 floats at the foot of', async () => {
    const { docx } = await notice(3);
    const body = docx.body.children;
    const start = body.findIndex((e) => e.name === 'w:p' && first(e, 'w:pageBreakBefore'));
    expect(start).toBeGreaterThan(0);
    expect(body.indexOf(table(docx))).toBe(start + 1);
    expect(all(docx.body, 'w:sectPr')).toHaveLength(1);
  });

  it('same page: right after the text', async () => {
    const { docx } = await notice(30);
    expect(all(docx.body, 'w:pageBreakBefore')).toHaveLength(0);
    const body = docx.body.children;
    expect(body[body.indexOf(table(docx)) - 1]?.name).toBe('w:p');
  });

  it('blank page: a section of its own, from a new page, with footers that carry no number', async () => {
    const { docx } = await notice(43);
    const sections = all(docx.body, 'w:sectPr');
    expect(sections).toHaveLength(2);
    const last = sections[1]!;
    expect(first(last, 'w:type')?.attrs['w:val'] ?? 'nextPage').toBe('nextPage');
    for (const type of ['default', 'even'] as const) expect(all(footerOf(docx, last, type), 'w:instrText')).toHaveLength(0);
    for (const type of ['default', 'even'] as const) expect(all(footerOf(docx, sections[0]!, type), 'w:instrText').map((t) => t.text.trim())).toEqual(['PAGE']);
    // The blank page, then the 版记 page.
    const afterBreak = docx.body.children.slice(docx.body.children.findIndex((e) => first(e, 'w:sectPr')) + 1).filter((e) => e.name !== 'w:sectPr');
    expect(afterBreak.map((e) => (e.name === 'w:p' ? (first(e, 'w:pageBreakBefore') ? 'break' : 'p') : e.name))).toEqual(['p', 'break', 'w:tbl', 'p']);
    expect(kids(table(docx), 'w:tr')).toHaveLength(2);
  });
});
