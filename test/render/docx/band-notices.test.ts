/**
 * The DOCX of 督办通知, 到期提醒 and 催报通知 written from the bands their PDFs are drawn from:
 * the PDF's words word for word, the item list as a Word table whose caption row repeats on every
 * page, the 版记 where the PDF's layout puts it — and, laid out again by LibreOffice, the GB/T 9704
 * checks of the PDF tests (A4, type area, page numbers, captions on every page of a long list, the
 * 版记 at the foot of the last page, an even one).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedItem } from '../../../pipeline/model/analysis.ts';
import { docContext, type DocContext } from '../../../pipeline/render/pdf/letters/context.ts';
import { assignmentBands, assignmentImprint, assignmentPdf, planAssignments, type AssignmentPlan } from '../../../pipeline/render/pdf/letters/assignment-notice.ts';
import { dueReminderPdf, planDueReminders, type DuePlan } from '../../../pipeline/render/pdf/letters/due-reminder.ts';
import { submissionReminderPdf, type SubmissionDocContext } from '../../../pipeline/render/pdf/letters/submission-reminder.ts';
import { compileSubmissionWording } from '../../../pipeline/render/pdf/letters/submission-reminder-wording.ts';
import { imprintPlacement } from '../../../pipeline/render/pdf/layout/imprint-bands.ts';
import { assignmentDocx, dueReminderDocx, submissionReminderDocx } from '../../../pipeline/render/docx/documents.ts';
import { docxKit } from '../../../pipeline/render/docx/index.ts';
import type { ImprintPlacement } from '../../../pipeline/render/pdf/layout/imprint.ts';
import { fixtureAnalysisForPdf, manyFixtureItems } from '../../support/analysis-fixture.ts';
import { CONFIG, pdfAssets } from '../pdf/render-fixture.ts';
import { plainText, readPdf, type PdfPage } from '../pdf/pdf-reader.ts';
import { bodyItems, expectPageNumbers, expectTypeArea } from '../pdf/gbt9704-checks.ts';
import { all, docxText, first, kids, pdfTextWithHeadersOnce, readDocx, textOf, type Docx } from './docx-reader.ts';
import { convertDocxToPdf, findSoffice } from './libreoffice.ts';

const AS_OF = '2026-11-25';
const ctxOf = (items: AnalyzedItem[]): DocContext => docContext({ asOf: AS_OF, items }, CONFIG, pdfAssets().kit, pdfAssets().say);

const notice = (items: AnalyzedItem[]): AssignmentPlan => ({ unit: '教务处', items, docNo: '校督办〔2026〕50号', issuedOn: AS_OF, registered: false });

interface Doc {
  name: string;
  pdf: Uint8Array;
  docx: Uint8Array;
  placement?: ImprintPlacement;
  /** Captions of its list, and what marks a row of it (found in the text of a line: LibreOffice cuts lines into runs). */
  list: { captions: string[]; row: RegExp };
}

const docs: Doc[] = [];
const byName = (name: string) => docs.find((d) => d.name === name)!;

beforeAll(async () => {
  const kit = docxKit(pdfAssets());
  const fonts = pdfAssets().pageFonts;
  const fixture = fixtureAnalysisForPdf();
  const fctx = docContext(fixture, CONFIG, pdfAssets().kit, pdfAssets().say);
  const notices = { captions: ['编号', '事项', '办结时限', '协办单位'], row: /DB2026-\d{3}/g };
  const plan44 = planAssignments(fctx, fixture).find((p) => p.unit === '发展规划处')!;
  docs.push({ name: '督办通知44号', pdf: assignmentPdf(fctx, fonts, plan44), docx: await assignmentDocx(fctx, plan44, kit), list: notices });
  // One notice for each place of the 版记.
  const found = new Map<ImprintPlacement, number>();
  for (let n = 1; n <= 40 && found.size < 3; n++) {
    const items = manyFixtureItems(n);
    const c = ctxOf(items);
    const placement = imprintPlacement(c.kit, assignmentBands(c, notice(items)), assignmentImprint(c, notice(items)));
    if (!found.has(placement)) found.set(placement, n);
  }
  for (const [placement, n] of [...found, ['long' as const, 45] as const]) {
    const items = manyFixtureItems(n);
    const c = ctxOf(items);
    const p = notice(items);
    docs.push({ name: `督办通知-${placement}`, pdf: assignmentPdf(c, fonts, p), docx: await assignmentDocx(c, p, kit), placement: placement === 'long' ? undefined : placement, list: notices });
  }
  const dueItems = manyFixtureItems(40, { status: 'due_soon', light: 'yellow', workdaysLeft: 3, deadline: '2026-11-30', effectiveDeadline: '2026-11-30', deadlineText: '' });
  const due: DuePlan = { unit: '教务处', items: dueItems };
  docs.push({
    name: '到期提醒-long',
    pdf: dueReminderPdf(ctxOf(dueItems), fonts, due),
    docx: await dueReminderDocx(ctxOf(dueItems), due, kit),
    list: { captions: ['编号', '事项', '办结时限', '剩余工作日'], row: notices.row },
  });
  const duePlan = planDueReminders(fixture).find((p) => p.unit === '档案馆')!;
  docs.push({
    name: '到期提醒',
    pdf: dueReminderPdf(fctx, fonts, duePlan),
    docx: await dueReminderDocx(fctx, duePlan, kit),
    list: { captions: ['编号', '事项', '办结时限', '剩余工作日'], row: notices.row },
  });
  const sctx: SubmissionDocContext = { kit: pdfAssets().kit, say: compileSubmissionWording().say, config: CONFIG, asOf: '2022-12-10', timestamp: new Date('2022-12-09T16:00:00Z') };
  const owed = Array.from({ length: 36 }, (_, k) => ({ material: `第${k + 1}份专项材料（制度执行情况自查表附件）`, due: '2022-11-12', overdueWorkdays: 20 }));
  const splan = { unit: '党政办公室', owed } as unknown as Parameters<typeof submissionReminderPdf>[2];
  docs.push({
    name: '催报通知-long',
    pdf: submissionReminderPdf(sctx, fonts, splan),
    docx: await submissionReminderDocx(sctx, splan, kit),
    list: { captions: ['序号', '应报送材料', '截止日期', '已逾期'], row: /\d+个工作日/g },
  });
});

const docxOf = (d: Doc): Docx => readDocx(d.docx);
const imprintTable = (d: Docx) => all(d.body, 'w:tbl').find((t) => first(t, 'w:tblpPr'));

describe('DOCX from the bands of the PDF', () => {
  it('has the wording of its PDF, word for word (the caption row once: Word repeats it)', async () => {
    for (const doc of docs) {
      const d = docxOf(doc);
      const pdf = pdfTextWithHeadersOnce(plainText(await readPdf(doc.pdf)), d);
      expect(docxText(d).replace(/[\u{10000}-\u{10FFFF}]/gu, ''), doc.name).toBe(pdf);
    }
  });

  it('writes the item list as a Word table whose first row is a repeated header row', () => {
    for (const doc of docs) {
      const table = all(docxOf(doc).body, 'w:tbl').find((t) => !first(t, 'w:tblpPr'))!;
      const rows = kids(table, 'w:tr');
      expect(rows.map((r) => Boolean(first(r, 'w:tblHeader')))[0], doc.name).toBe(true);
      expect(
        rows.filter((r) => first(r, 'w:tblHeader')),
        doc.name,
      ).toHaveLength(1);
      expect(kids(rows[0]!, 'w:tc').map(textOf), doc.name).toEqual(doc.list.captions);
    }
  });

  it('puts the 版记 of the 督办通知 where the PDF puts it; the other letters have none', () => {
    for (const doc of docs) {
      const d = docxOf(doc);
      const t = imprintTable(d);
      if (!doc.name.startsWith('督办通知')) {
        expect(t, doc.name).toBeUndefined();
        continue;
      }
      expect(t, doc.name).toBeDefined();
      expect(
        kids(t!, 'w:tr')
          .map((r) => kids(r, 'w:tc').map(textOf))
          .at(-1),
      ).toEqual(['示范大学督查督办工作办公室', '2026年11月25日印发']);
      const breaks = kids(d.body, 'w:p').filter((p) => first(p, 'w:pageBreakBefore')).length;
      const sections = all(d.body, 'w:sectPr').length;
      if (doc.placement === 'same') expect([breaks, sections]).toEqual([0, 1]);
      if (doc.placement === 'next') expect([breaks, sections]).toEqual([1, 1]);
      if (doc.placement === 'blank') expect([breaks, sections]).toEqual([1, 2]);
    }
  });

  it('gives the same bytes for the same data', async () => {
    const kit = docxKit(pdfAssets());
    const items = manyFixtureItems(45);
    const again = await assignmentDocx(ctxOf(structuredClone(items)), notice(structuredClone(items)), kit);
    expect(Buffer.from(again).equals(Buffer.from(byName('督办通知-long').docx))).toBe(true);
  });
});

const soffice = findSoffice();
const required = process.env.DUBAN_CI === '1';

describe.skipIf(!soffice && !required)('the same DOCX laid out by LibreOffice', () => {
  const converted = new Map<string, PdfPage[]>();
  beforeAll(async () => {
    if (!soffice) throw new Error('DUBAN_CI=1 but soffice is not installed (apt-get install -y libreoffice-writer-nogui)');
    const pdfs = await convertDocxToPdf(
      soffice,
      docs.map((d) => d.docx),
    );
    for (const [i, d] of docs.entries()) converted.set(d.name, await readPdf(pdfs[i]!));
  }, 180_000);

  it('is A4 with its text in the type area and every page numbered 「— n —」 (but the blank page and the 版记 page after it)', () => {
    for (const doc of docs) {
      const pages = converted.get(doc.name)!;
      expectTypeArea(pages, doc.name, 1.5);
      if (doc.placement === 'blank')
        expectPageNumbers(
          pages,
          pages.map((_, i) => (i < pages.length - 2 ? i + 1 : null)),
        );
      else expectPageNumbers(pages);
    }
  });

  it('prints the list’s captions at the head of every page the list runs onto, every row once', async () => {
    for (const doc of docs) {
      const pages = converted.get(doc.name)!;
      const rows: string[] = [];
      for (const [i, page] of pages.entries()) {
        const marked = linesOf(page).filter((l) => l.text.match(doc.list.row));
        if (marked.length === 0) continue;
        for (const l of marked) rows.push(...(l.text.match(doc.list.row) ?? []));
        const firstRow = Math.min(...marked.map((l) => l.baseline));
        const captions = linesOf(page).find((l) => l.baseline < firstRow && doc.list.captions.every((c) => l.text.includes(c)));
        expect(captions, `${doc.name} page ${i + 1}`).toBeDefined();
      }
      const ours = (await readPdf(doc.pdf)).flatMap((p) => linesOf(p).flatMap((l) => l.text.match(doc.list.row) ?? []));
      expect(rows, doc.name).toEqual(ours);
    }
  });

  it('keeps the pages of the PDF for the short letters and puts the 版记 at the foot of the last page, an even one', async () => {
    for (const doc of docs) {
      const pages = converted.get(doc.name)!;
      const pdf = await readPdf(doc.pdf);
      // Word and LibreOffice break the lines themselves: a list of 40 rows, or text that fills its last page
      // to the foot (the 'blank' case), may take a page more there than in the PDF.
      const exact = !doc.name.endsWith('long') && doc.placement !== 'blank';
      if (exact) expect(pages.length, doc.name).toBe(pdf.length);
      if (!doc.name.startsWith('督办通知')) {
        for (const page of pages) expect(plainText([page])).not.toContain('印发');
        continue;
      }
      if (exact) expect(pages.length % 2, doc.name).toBe(0);
      const last = pages.at(-1)!;
      const printed = bodyItems(last).filter((it) => it.str.includes('印发') || it.str.includes('抄送'));
      expect(printed.length, doc.name).toBeGreaterThan(0);
      const lowest = Math.max(...printed.map((it) => it.baseline));
      expect(lowest, doc.name).toBeGreaterThan(262 - 225 / 22);
      expect(lowest, doc.name).toBeLessThanOrEqual(262 + 1.5);
      for (const page of pages.slice(0, -1)) expect(plainText([page]), doc.name).not.toContain('印发');
    }
  });
});

/** The text lines of a page's body, top to bottom: items on one baseline joined left to right. */
function linesOf(page: PdfPage): { baseline: number; text: string }[] {
  const lines = new Map<number, { x: number; str: string }[]>();
  for (const it of bodyItems(page)) {
    const key = Math.round(it.baseline * 2) / 2;
    const line = lines.get(key) ?? [];
    line.push({ x: it.x, str: it.str });
    lines.set(key, line);
  }
  return [...lines]
    .sort(([a], [b]) => a - b)
    .map(([baseline, items]) => ({
      baseline,
      text: items
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str)
        .join('')
        .replace(/\s+/g, ''),
    }));
}
