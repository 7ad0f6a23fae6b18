import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { plainText, readPdf } from '../pdf/pdf-reader.ts';
import { zipTimes } from '../xlsx/zip-entries.ts';
import { all, docxText, first, footerOf, kids, parseXml, pdfTextWithHeadersOnce, readDocx, textOf, type Docx, type XmlElement } from './docx-reader.ts';
import { DONE_FORM, DUE, LETTER, LONG_FORM, NOTICE, ONE_OF_EACH, REPORT, SUBMISSION, bytes, renderAllDocuments } from './docx-fixture.ts';

let files: Map<string, OutputFile>;
beforeAll(async () => {
  files = await renderAllDocuments();
});

const docx = (name: string): Docx => readDocx(bytes(files, `${name}.docx`));
const allDocx = () => [...files.keys()].filter((p) => p.endsWith('.docx'));
const attr = (el: XmlElement | undefined, name: string) => el?.attrs[name];
const sectPrs = (d: Docx) => all(d.body, 'w:sectPr');
/** Paragraphs directly in the body (not in tables, headers or footers). */
const bodyParagraphs = (d: Docx) => kids(d.body, 'w:p');
const runFont = (r: XmlElement) => attr(first(r, 'w:rFonts'), 'w:eastAsia');
const runSize = (r: XmlElement) => Number(attr(first(r, 'w:sz'), 'w:val')) / 2;

describe('a DOCX beside every PDF', () => {
  it('has the PDF’s name with .docx, for every document but the duplex batches', () => {
    const pdfs = [...files.keys()].filter((p) => p.endsWith('.pdf') && !p.includes('（全部') && !p.includes('合订本') && !p.includes('双面打印'));
    expect(pdfs.length).toBeGreaterThan(20);
    for (const pdf of pdfs) expect(files.has(pdf.replace(/\.pdf$/, '.docx')), pdf).toBe(true);
    for (const name of ONE_OF_EACH) expect(files.has(`${name}.docx`), name).toBe(true);
  });

  it('opens as a package: every part is well-formed XML, listed in [Content_Types].xml, every relationship target exists', () => {
    for (const path of allDocx()) {
      const d = readDocx(bytes(files, path));
      for (const [name, part] of d.parts) if (/\.(xml|rels)$/.test(name)) expect(() => parseXml(part.toString('utf8')), `${path} ${name}`).not.toThrow();
      const types = d.xml('[Content_Types].xml');
      const overrides = new Set(all(types, 'Override').map((o) => o.attrs.PartName?.replace(/^\//, '')));
      const defaults = new Set(all(types, 'Default').map((o) => o.attrs.Extension));
      for (const name of d.parts.keys()) expect(overrides.has(name) || defaults.has(name.split('.').pop()), `${path} ${name}`).toBe(true);
      for (const target of all(d.xml('word/_rels/document.xml.rels'), 'Relationship')) {
        if (target.attrs.TargetMode === 'External') continue;
        expect(d.parts.has(`word/${target.attrs.Target}`), `${path} ${target.attrs.Target}`).toBe(true);
      }
    }
  });

  it('gives the same bytes for the same data, with zip entries dated 1980-01-01 00:00', async () => {
    const again = await renderAllDocuments();
    for (const path of allDocx()) {
      expect(Buffer.from(bytes(again, path)).equals(Buffer.from(bytes(files, path))), path).toBe(true);
      // DOS time 0 in the low word, date 1980-01-01 (0x21) in the high word, in the directory and in every local header.
      for (const t of zipTimes(bytes(files, path))) expect(t, path).toBe(0x210000);
    }
    const core = docx(LETTER).xml('docProps/core.xml');
    expect(first(core, 'dcterms:created')?.text).toBe('2026-11-24T16:00:00Z');
    expect(first(core, 'dcterms:modified')?.text).toBe('2026-11-24T16:00:00Z');
  });

  it('has the wording of its PDF, word for word', async () => {
    for (const path of allDocx()) {
      const d = readDocx(bytes(files, path));
      const pdf = pdfTextWithHeadersOnce(plainText(await readPdf(bytes(files, path.replace(/\.docx$/, '.pdf')))), d);
      // The PDF's fonts lack characters beyond the BMP (they print as blanks); the DOCX keeps them for the office's fonts.
      const words = docxText(d).replace(/[\u{10000}-\u{10FFFF}]/gu, '');
      expect(words, path).toBe(pdf);
    }
  });
});

describe('GB/T 9704 as Word and WPS express it', () => {
  it('A4 with margins 37 / 35 / 28 / 26 mm, in twips', () => {
    for (const path of allDocx()) {
      for (const s of sectPrs(readDocx(bytes(files, path)))) {
        expect(first(s, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
        expect(first(s, 'w:pgMar')?.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
      }
    }
  });

  it('a document grid of 22 lines × 28 characters', () => {
    const grid = first(sectPrs(docx(LETTER))[0]!, 'w:docGrid')!;
    expect(grid.attrs['w:type']).toBe('linesAndChars');
    const linePitch = Number(grid.attrs['w:linePitch']);
    const typeHeight = 16838 - 2098 - 1984;
    expect(Math.floor(typeHeight / linePitch)).toBe(22);
    // Character pitch = the Normal style's size (3号, 16 pt) + charSpace/4096 pt; 28 of them fill the 156 mm line.
    const pitch = 16 + Number(grid.attrs['w:charSpace']) / 4096;
    expect(Math.floor((11906 - 1587 - 1474) / 20 / pitch)).toBe(28);
    const normal = all(docx(LETTER).xml('word/styles.xml'), 'w:style').find((s) => s.attrs['w:styleId'] === 'Normal')!;
    expect(attr(first(normal, 'w:sz'), 'w:val')).toBe('32');
  });

  it('names the offices’ fonts on every run, East-Asian text included', () => {
    const names = new Set(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体']);
    for (const path of allDocx()) {
      for (const r of all(readDocx(bytes(files, path)).body, 'w:r')) {
        if (!first(r, 'w:t')) continue;
        const fonts = first(r, 'w:rFonts')!;
        expect(names.has(fonts.attrs['w:eastAsia'] ?? ''), `${path} ${textOf(r)}`).toBe(true);
        expect(fonts.attrs['w:ascii']).toBe(fonts.attrs['w:eastAsia']);
        expect(fonts.attrs['w:hint']).toBe('eastAsia');
      }
    }
  });

  it('3号 仿宋 body, 2号 小标宋 title, 3号 黑体 and 楷体 headings', () => {
    const notice = docx(NOTICE);
    const paragraph = (text: string) => bodyParagraphs(notice).find((p) => textOf(p).startsWith(text))!;
    const title = paragraph('关于交办');
    expect(attr(first(title, 'w:pStyle'), 'w:val')).toBe('Title');
    expect(all(title, 'w:r').map((r) => [runFont(r), runSize(r)])).toEqual([['方正小标宋简体', 22]]);
    expect(attr(first(title, 'w:jc'), 'w:val')).toBe('center');
    const heading = paragraph('一、');
    expect(attr(first(heading, 'w:pStyle'), 'w:val')).toBe('Heading1');
    expect(all(heading, 'w:r').map((r) => [runFont(r), runSize(r)])).toEqual([['黑体', 16]]);
    const body = paragraph('根据学校工作安排');
    expect(all(body, 'w:r').map((r) => [runFont(r), runSize(r)])).toEqual([['仿宋_GB2312', 16]]);
    // Two-character first-line indent, exact grid lines.
    expect(attr(first(body, 'w:ind'), 'w:firstLineChars')).toBe('200');
    expect(first(body, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    const report = docx(REPORT);
    const h2 = bodyParagraphs(report).find((p) => attr(first(p, 'w:pStyle'), 'w:val') === 'Heading2')!;
    expect(all(h2, 'w:r').map(runFont)).toEqual(['楷体_GB2312']);
  });

  it('red 发文机关标志 and red rule on the 督办通知', () => {
    const [mark, docNo] = bodyParagraphs(docx(NOTICE));
    expect(textOf(mark!)).toBe('示范大学督查督办工作办公室');
    expect(attr(first(mark!, 'w:color'), 'w:val')).toBe('E60012');
    expect(runFont(first(mark!, 'w:r')!)).toBe('方正小标宋简体');
    // 35 mm below the top of the type area, without an empty paragraph.
    expect(Number(attr(first(mark!, 'w:spacing'), 'w:before'))).toBe(Math.round((35 / 25.4) * 1440));
    expect(textOf(docNo!)).toBe('校督办〔2026〕44号');
    const rule = first(first(docNo!, 'w:pBdr')!, 'w:bottom')!;
    expect(rule.attrs).toMatchObject({ 'w:val': 'single', 'w:color': 'E60012' });
  });

  it('page numbers 「— n —」 in 4号 宋体: a PAGE field, right on odd and left on even pages', () => {
    for (const name of ONE_OF_EACH) {
      const d = docx(name);
      expect(first(d.xml('word/settings.xml'), 'w:evenAndOddHeaders'), name).toBeDefined();
      const s = sectPrs(d)[0]!;
      for (const [type, side] of [
        ['default', 'right'],
        ['even', 'left'],
      ] as const) {
        const footer = footerOf(d, s, type);
        const p = first(footer, 'w:p')!;
        expect(attr(first(p, 'w:jc'), 'w:val'), `${name} ${type}`).toBe(side);
        expect(attr(first(p, 'w:ind'), `w:${side}`)).toBe('280');
        expect(textOf(p).replace(/\s/g, '')).toBe('——');
        expect(all(p, 'w:instrText').map((t) => t.text.trim())).toEqual(['PAGE']);
        for (const r of all(p, 'w:r').filter((r) => first(r, 'w:t'))) expect([runFont(r), runSize(r)]).toEqual(['宋体', 14]);
      }
    }
  });

  it('no empty paragraphs for spacing: space above and below is set on the paragraphs', () => {
    for (const path of allDocx()) {
      for (const p of bodyParagraphs(readDocx(bytes(files, path)))) {
        if (textOf(p) !== '' || all(p, 'w:sym').length > 0) continue;
        // What may be empty: the paragraph Word needs after a table (1 pt), one that starts a page, one that ends a section.
        const line = Number(attr(first(p, 'w:spacing'), 'w:line') ?? 0);
        const ok = line <= 20 || first(p, 'w:pageBreakBefore') !== undefined || first(p, 'w:sectPr') !== undefined;
        expect(ok, `${path}: an empty paragraph of ${line / 20} pt`).toBe(true);
      }
    }
  });
});

describe('forms as Word tables', () => {
  const table = (name: string) => first(docx(name).body, 'w:tbl')!;
  const widths = (t: XmlElement) => all(first(t, 'w:tblGrid')!, 'w:gridCol').map((c) => Number(c.attrs['w:w']));

  it('登记表: fixed widths across the type area, the rows and merged cells of 附件1', () => {
    const t = table(LONG_FORM);
    expect(attr(first(t, 'w:tblLayout'), 'w:type')).toBe('fixed');
    expect(widths(t).reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
    const rows = kids(t, 'w:tr');
    expect(rows.map((r) => textOf(kids(r, 'w:tc')[0]!))).toEqual(['工作任务', '立项依据', '牵头单位', '办公室意见', '校领导意见', '办理结果', '是否准予结项', '', '备注']);
    expect(attr(first(kids(rows[0]!, 'w:tc')[1]!, 'w:gridSpan'), 'w:val')).toBe('3');
    expect(attr(first(kids(rows[6]!, 'w:tc')[0]!, 'w:vMerge'), 'w:val')).toBe('restart');
    expect(first(kids(rows[7]!, 'w:tc')[0]!, 'w:vMerge')).toBeDefined();
    expect(attr(first(kids(rows[7]!, 'w:tc')[0]!, 'w:vMerge'), 'w:val') ?? 'continue').toBe('continue');
    // Room to write by hand: at least three lines.
    expect(attr(first(rows[3]!, 'w:trHeight'), 'w:hRule')).toBe('atLeast');
    for (const border of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']) {
      expect(attr(first(first(t, 'w:tblBorders')!, border), 'w:val'), border).toBe('single');
    }
  });

  it('□是 □否 are Word check boxes, ticked as the PDF ticks them', () => {
    const boxes = (name: string) => all(first(docx(name).body, 'w:tbl')!, 'w14:checkbox').map((c) => attr(first(c, 'w14:checked'), 'w14:val'));
    expect(boxes(DONE_FORM)).toEqual(['1', '0', '1', '0']);
    expect(boxes(LONG_FORM)).toEqual(['0', '0', '0', '0']);
  });

  it('催办通知, 到期提醒 and 催报通知 carry their forms as tables with a header row where the PDF repeats one', () => {
    expect(kids(table(LETTER), 'w:tr')).toHaveLength(3);
    for (const name of [DUE, SUBMISSION]) {
      const rows = kids(table(name), 'w:tr');
      expect(first(rows[0]!, 'w:tblHeader'), name).toBeDefined();
      expect(widths(table(name)).reduce((a, b) => a + b, 0)).toBe(8845);
    }
  });
});

describe('版记 of the 督办通知 (GB/T 9704 §7.4)', () => {
  const imprint = (d: Docx) => all(d.body, 'w:tbl').find((t) => first(t, 'w:tblpPr'))!;

  it('抄送, 印发机关 and 印发日期 between a 0.35 mm first and last rule and a 0.25 mm rule between', () => {
    const t = imprint(docx(NOTICE));
    expect(kids(t, 'w:tr').map((r) => kids(r, 'w:tc').map(textOf))).toEqual([['抄送：教务处，科技处。'], ['示范大学督查督办工作办公室', '2026年11月25日印发']]);
    const borders = first(t, 'w:tblBorders')!;
    const size = (b: string) => Number(attr(first(borders, b), 'w:sz')) / 8;
    expect(size('w:top')).toBeCloseTo((0.35 / 25.4) * 72, 0);
    expect(size('w:bottom')).toBeCloseTo((0.35 / 25.4) * 72, 0);
    expect(size('w:insideH')).toBeCloseTo((0.25 / 25.4) * 72, 0);
    expect(size('w:insideH')).toBeLessThan(size('w:top'));
    for (const side of ['w:left', 'w:right', 'w:insideV']) expect(attr(first(borders, side), 'w:val')).toBe('none');
    // 4号: 14 pt.
    for (const r of all(t, 'w:r').filter((r) => first(r, 'w:t'))) expect([runFont(r), runSize(r)]).toEqual(['仿宋_GB2312', 14]);
  });

  it('sits at the foot of the type area of the last page, which is even, on the page the PDF puts it', async () => {
    const d = docx(NOTICE);
    const pos = first(imprint(d), 'w:tblpPr')!;
    expect(pos.attrs).toMatchObject({ 'w:vertAnchor': 'margin', 'w:tblpYSpec': 'bottom', 'w:horzAnchor': 'page', 'w:tblpX': '1587' });
    const pdf = await readPdf(bytes(files, `${NOTICE}.pdf`));
    expect(pdf).toHaveLength(2);
    expect(plainText([pdf[0]!])).not.toContain('印发');
    // The text runs onto page 2 and leaves room at its foot: the 版记 goes there, in the PDF and in the DOCX.
    expect(plainText([pdf[1]!])).toMatch(/示范大学督查督办工作办公室2026年11月25日抄送：教务处，科技处。示范大学督查督办工作办公室2026年11月25日印发$/);
    expect(kids(d.body, 'w:p').some((p) => first(p, 'w:pageBreakBefore'))).toBe(false);
    expect(sectPrs(d)).toHaveLength(1);
  });

  it('only the numbered notices have one', () => {
    for (const name of [LETTER, LONG_FORM, DUE, SUBMISSION, REPORT]) expect(docxText(docx(name)), name).not.toContain('印发');
  });
});
