/**
 * The DOCX as another program lays it out: LibreOffice converts one document of each kind to PDF,
 * and the GB/T 9704 checks of the PDF tests run on what it made — A4, the type area, page
 * numbers, the 22-line grid, the 版记 at the foot of the last, even page.
 *
 * Needs `soffice` (Debian/Ubuntu: apt-get install -y libreoffice-writer-nogui; .ci/run installs
 * it). Without it the checks are skipped here with a note — but not in CI, where .ci/run sets
 * DUBAN_CI=1 and a missing soffice fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FOOTER_BELOW_MM, plainText, readPdf, type PdfPage } from '../pdf/pdf-reader.ts';
import { LETTER, LONG_FORM, NOTICE, ONE_OF_EACH, bytes, renderAllDocuments } from './docx-fixture.ts';
import { convertDocxToPdf, findSoffice } from './libreoffice.ts';

const TOL = 1.5; // mm
const CHAR_4 = 14 * (25.4 / 72); // one 4号 character, mm

const soffice = findSoffice();
const required = process.env.DUBAN_CI === '1';
if (!soffice && !required) {
  console.warn('LibreOffice (soffice) 未安装：跳过 DOCX 经 LibreOffice 转 PDF 的版式检查（apt-get install -y libreoffice-writer-nogui 后即可运行）。');
}

describe.skipIf(!soffice && !required)('the DOCX laid out by LibreOffice', () => {
  const converted = new Map<string, PdfPage[]>();
  const ours = new Map<string, PdfPage[]>();

  beforeAll(async () => {
    if (!soffice) throw new Error('DUBAN_CI=1 but soffice is not installed (apt-get install -y libreoffice-writer-nogui)');
    const files = await renderAllDocuments();
    for (const name of ONE_OF_EACH) ours.set(name, await readPdf(bytes(files, `${name}.pdf`)));
    const pdfs = await convertDocxToPdf(
      soffice,
      ONE_OF_EACH.map((name) => bytes(files, `${name}.docx`)),
    );
    for (const [i, name] of ONE_OF_EACH.entries()) converted.set(name, await readPdf(pdfs[i]!));
  }, 180_000);

  const pages = (name: string) => converted.get(name)!;
  const body = (page: PdfPage) => page.items.filter((it) => it.baseline < FOOTER_BELOW_MM);

  it('is A4 with all text inside the 156 × 225 mm type area at 28 mm / 37 mm', () => {
    for (const name of ONE_OF_EACH) {
      expect(pages(name).length, name).toBeGreaterThan(0);
      for (const page of pages(name)) {
        expect(page.widthMm).toBeCloseTo(210, 0);
        expect(page.heightMm).toBeCloseTo(297, 0);
        for (const it of body(page)) {
          expect(it.x, `${name} ${it.str}`).toBeGreaterThanOrEqual(28 - TOL);
          expect(it.right, `${name} ${it.str}`).toBeLessThanOrEqual(28 + 156 + TOL);
          expect(it.top, `${name} ${it.str}`).toBeGreaterThanOrEqual(37 - TOL);
          expect(it.baseline, `${name} ${it.str}`).toBeLessThanOrEqual(37 + 225 + TOL);
        }
      }
    }
  });

  it('numbers every page 「— n —」 in 4号 7 mm below the type area, odd pages right and even pages left', () => {
    for (const name of ONE_OF_EACH) {
      for (const [i, page] of pages(name).entries()) {
        const number = page.items.filter((it) => it.baseline >= FOOTER_BELOW_MM);
        expect(
          number
            .map((it) => it.str)
            .join('')
            .replace(/\s/g, ''),
          `${name} page ${i + 1}`,
        ).toBe(`—${i + 1}—`);
        for (const it of number) expect(it.size).toBeCloseTo(14, 0);
        const top = Math.min(...number.map((it) => it.top));
        expect(top).toBeGreaterThan(262 + 7 - 2.5);
        expect(top).toBeLessThan(262 + 7 + 2.5);
        if ((i + 1) % 2 === 1) expect(Math.max(...number.map((it) => it.right))).toBeCloseTo(184 - CHAR_4, 0);
        else expect(Math.min(...number.map((it) => it.x))).toBeCloseTo(28 + CHAR_4, 0);
      }
    }
  });

  it('sets body text on 22 lines a page, starting at the margins and filling the line', () => {
    const [page] = pages(LETTER);
    const lines = body(page!).filter((it) => Math.abs(it.size - 16) < 0.1 && it.x < 60);
    const baselines = [...new Set(lines.map((it) => Math.round(it.baseline * 100) / 100))].sort((a, b) => a - b);
    const gaps = baselines
      .slice(1)
      .map((b, i) => b - (baselines[i] ?? 0))
      .filter((g) => g < 12);
    expect(gaps.length).toBeGreaterThan(1);
    for (const gap of gaps) expect(gap).toBeCloseTo(225 / 22, 0);
    const salutation = body(page!).find((it) => it.str.startsWith('教务处：'));
    expect(salutation?.x).toBeCloseTo(28, 0);
    const full = body(page!).filter((it) => it.size === 16 && it.x < 30);
    expect(Math.max(...full.map((it) => it.right))).toBeGreaterThan(184 - 12);
  });

  it('keeps the pages of the PDF: a letter on one page, the notice on two, the long form on as many as the PDF', () => {
    expect(pages(LETTER)).toHaveLength(ours.get(LETTER)!.length);
    expect(pages(NOTICE)).toHaveLength(ours.get(NOTICE)!.length);
    expect(Math.abs(pages(LONG_FORM).length - ours.get(LONG_FORM)!.length)).toBeLessThanOrEqual(1);
  });

  it('puts the 版记 at the foot of the notice’s last page, an even one', () => {
    const notice = pages(NOTICE);
    expect(notice.length % 2).toBe(0);
    const last = notice.at(-1)!;
    const printed = body(last).filter((it) => it.str.includes('印发') || it.str.includes('抄送'));
    expect(printed.length).toBeGreaterThan(0);
    const lowest = Math.max(...printed.map((it) => it.baseline));
    expect(lowest).toBeGreaterThan(262 - 225 / 22);
    expect(lowest).toBeLessThanOrEqual(262 + TOL);
    expect(plainText([last])).toMatch(/抄送：教务处，科技处。示范大学督查督办工作办公室2026年11月25日印发$/);
    for (const page of notice.slice(0, -1)) expect(plainText([page])).not.toContain('印发');
  });
});
