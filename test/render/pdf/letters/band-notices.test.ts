/**
 * 督办通知, 到期提醒 and 催报通知 drawn as bands straight to PDF (layout/, writer/), read back with
 * pdfjs: their words in order, the GB/T 9704 geometry of the other formal documents, item lists
 * that run over pages with their captions at the head of every page, the 版记 of the 督办通知 at the
 * foot of its last, even page, and the same bytes for the same data.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis, AnalyzedItem } from '../../../../pipeline/model/analysis.ts';
import { docContext, type DocContext } from '../../../../pipeline/render/pdf/letters/context.ts';
import { assignmentBands, assignmentImprint, assignmentPdf, planAssignments, type AssignmentPlan } from '../../../../pipeline/render/pdf/letters/assignment-notice.ts';
import { pdfmakeNotice } from '../../../../bench/pdfmake-notice.ts';
import { dueReminderPdf, planDueReminders, type DuePlan } from '../../../../pipeline/render/pdf/letters/due-reminder.ts';
import {
  feedbackReminderBatchPdf,
  feedbackReminderPdf,
  submissionReminderPdf,
  type FeedbackLetterContext,
  type SubmissionDocContext,
} from '../../../../pipeline/render/pdf/letters/submission-reminder.ts';
import { compileSubmissionWording } from '../../../../pipeline/render/pdf/letters/submission-reminder-wording.ts';
import { imprintPlacement } from '../../../../pipeline/render/pdf/layout/imprint-bands.ts';
import { renderPdf } from '../../../../pipeline/render/pdf/report/printer.ts';
import { itemLabeller } from '../../../../pipeline/model/item-labels.ts';
import { fixtureAnalysisForPdf, manyFixtureItems } from '../../../support/analysis-fixture.ts';
import { CONFIG, pdfAssets } from '../render-fixture.ts';
import { plainText, readPdf, type PdfPage } from '../pdf-reader.ts';
import { TOL, bodyItems, expectGridLines, expectPageNumbers, expectTypeArea } from '../gbt9704-checks.ts';

const AS_OF = '2026-11-25';
const fonts = () => pdfAssets().pageFonts;
const ctxOf = (analysis: Pick<Analysis, 'asOf' | 'items'>): DocContext => docContext(analysis, CONFIG, pdfAssets().kit, pdfAssets().say);
const fixture = fixtureAnalysisForPdf();
const ctx = ctxOf(fixture);

function notice(items: AnalyzedItem[]): AssignmentPlan {
  return { unit: '教务处', items, docNo: '校督办〔2026〕50号', issuedOn: AS_OF, registered: false };
}

/** Pages on which the list runs (a row's 编号 printed there), and whether each starts with the captions. */
function listPages(pages: readonly PdfPage[], captions: readonly string[], isRow: (s: string) => boolean) {
  return pages.flatMap((page, i) => {
    const rows = bodyItems(page).filter((it) => isRow(it.str));
    if (rows.length === 0) return [];
    const firstRow = Math.min(...rows.map((r) => r.baseline));
    const heads = captions.map((c) => bodyItems(page).find((it) => it.str === c && it.baseline < firstRow && Math.abs(it.size - 12) < 0.1));
    return [{ page: i + 1, captioned: heads.every((h) => h !== undefined), captionsBelowTop: heads.every((h) => h === undefined || h.baseline < firstRow) }];
  });
}

describe('督办通知 on the band writer', () => {
  const plan = planAssignments(ctx, fixture).find((p) => p.unit === '发展规划处')!;

  it('has the words of the notice in order: 版头, 发文字号, title, salutation, rules, the list, signature, 版记', async () => {
    const text = plainText(await readPdf(assignmentPdf(ctx, fonts(), plan)));
    const order = [
      '示范大学督查督办工作办公室',
      '校督办〔2026〕44号',
      '关于交办2026年11月督查督办事项的通知',
      '发展规划处：',
      '根据学校工作安排，现将1项督查督办事项交由你单位牵头办理',
      '一、办理要求',
      '二、交办事项',
      '编号事项办结时限协办单位',
      'DB2026-011编制学科建设中期自评报告',
      '示范大学督查督办工作办公室2026年11月25日',
      '抄送：教务处，科技处。',
      '示范大学督查督办工作办公室2026年11月25日印发',
    ];
    let at = 0;
    for (const words of order) {
      const found = text.indexOf(words, at);
      expect(found, words).toBeGreaterThanOrEqual(at);
      at = found + words.length;
    }
  });

  it('says word for word what the pdfmake layout of the same notice says', async () => {
    for (const p of planAssignments(ctx, fixture)) {
      const band = plainText(await readPdf(assignmentPdf(ctx, fonts(), p)));
      const pdfmake = plainText(await readPdf(await renderPdf(pdfAssets().engine, pdfmakeNotice(ctx, p))));
      expect(band, p.docNo).toBe(pdfmake);
    }
  });

  it('is A4 with its text in the type area, body lines on the grid, pages numbered; the 发文字号 centred under the red 发文机关标志', async () => {
    const pages = await readPdf(assignmentPdf(ctx, fonts(), plan));
    expectTypeArea(pages, plan.docNo);
    expectGridLines(pages[0]!);
    expectPageNumbers(pages);
    const docNo = pages[0]!.items.find((it) => it.str.includes('校督办〔2026〕44号'))!;
    expect((docNo.x + docNo.right) / 2).toBeCloseTo(28 + 78, 0);
    const mark = pages[0]!.items.find((it) => it.str === '示范大学督查督办工作办公室')!;
    // 35 mm below the top of the type area (the glyph box of the 初号 mark), the 发文字号 below it.
    expect(mark.top).toBeGreaterThan(37 + 35 - TOL);
    expect(mark.top).toBeLessThan(37 + 35 + 6);
    expect(docNo.baseline).toBeGreaterThan(mark.baseline);
    const raw = Buffer.from(assignmentPdf(ctx, fonts(), plan)).toString('latin1');
    expect(raw).toContain('/Lang (zh-CN)');
  });

  it('gives the same bytes for the same data', () => {
    const a = assignmentPdf(ctx, fonts(), plan);
    const b = assignmentPdf(ctxOf(fixtureAnalysisForPdf()), fonts(), structuredClone(plan));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('a long list runs over pages with its captions at the head of every page, every item printed once', async () => {
    const items = manyFixtureItems(45);
    const pages = await readPdf(assignmentPdf(ctxOf({ asOf: AS_OF, items }), fonts(), notice(items)));
    const list = listPages(pages, ['编号', '事项', '办结时限', '协办单位'], (s) => /^DB2026-1\d\d$/.test(s));
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const p of list) expect(p.captioned, `page ${p.page}`).toBe(true);
    const ids = pages.flatMap((p) => p.items.map((it) => it.str)).filter((s) => /^DB2026-1\d\d$/.test(s));
    expect(ids).toEqual(items.map((i) => i.id));
    expectTypeArea(pages, 'long notice');
  });

  it('puts the 版记 at the foot of the last page, an even one: after the text, on the next page, or after an unnumbered blank page', async () => {
    const { kit } = pdfAssets();
    const found = new Map<string, number>();
    for (let n = 1; n <= 40 && found.size < 3; n++) {
      const items = manyFixtureItems(n);
      const c = ctxOf({ asOf: AS_OF, items });
      const placement = imprintPlacement(kit, assignmentBands(c, notice(items)), assignmentImprint(c, notice(items)));
      if (!found.has(placement)) found.set(placement, n);
    }
    expect([...found.keys()].sort()).toEqual(['blank', 'next', 'same']);
    for (const [placement, n] of found) {
      const items = manyFixtureItems(n);
      const pages = await readPdf(assignmentPdf(ctxOf({ asOf: AS_OF, items }), fonts(), notice(items)));
      expect(pages.length % 2, placement).toBe(0);
      const last = pages.at(-1)!;
      const printed = bodyItems(last).filter((it) => it.str.includes('印发') || it.str.startsWith('抄送'));
      expect(printed.map((it) => it.str)).toEqual(['抄送：科技处。', '2026年11月25日印发']);
      const lowest = Math.max(...printed.map((it) => it.baseline));
      expect(lowest).toBeGreaterThan(262 - 225 / 22);
      expect(lowest).toBeLessThanOrEqual(262 + TOL);
      for (const page of pages.slice(0, -1)) expect(plainText([page]), placement).not.toContain('印发');
      if (placement === 'blank') {
        expect(plainText([pages.at(-2)!])).toBe('');
        expectPageNumbers(
          pages,
          pages.map((_, i) => (i < pages.length - 2 ? i + 1 : null)),
        );
      } else {
        expectPageNumbers(pages);
      }
      if (placement === 'same') expect(plainText([last])).toMatch(/2026年11月25日抄送：/);
      if (placement === 'next') expect(plainText([last])).toMatch(/^抄送：/);
    }
  });
});

describe('到期提醒 on the band writer', () => {
  const plan = planDueReminders(fixture).find((p) => p.unit === '档案馆')!;

  it('has its words in order, on the GB/T 9704 page', async () => {
    const pages = await readPdf(dueReminderPdf(ctx, fonts(), plan));
    expectTypeArea(pages, '到期提醒');
    expectPageNumbers(pages);
    const text = plainText(pages);
    expect(text).toMatch(
      /^督查督办事项到期提醒档案馆：你单位牵头办理的以下1项督查督办事项即将到期.*编号事项办结时限剩余工作日DB2026-014整理.*2026年11月30日3个工作日示范大学督查督办工作办公室2026年11月25日$/,
    );
    expect(text).not.toContain('印发');
  });

  it('a long list keeps its captions on every page; the same bytes for the same data', async () => {
    const items = manyFixtureItems(40, { status: 'due_soon', light: 'yellow', workdaysLeft: 3, deadline: '2026-11-30', effectiveDeadline: '2026-11-30', deadlineText: '' });
    const due: DuePlan = { unit: '教务处', items };
    const c = ctxOf({ asOf: AS_OF, items });
    const bytes = dueReminderPdf(c, fonts(), due);
    expect(Buffer.from(bytes).equals(Buffer.from(dueReminderPdf(c, fonts(), structuredClone(due))))).toBe(true);
    const pages = await readPdf(bytes);
    const list = listPages(pages, ['编号', '事项', '办结时限', '剩余工作日'], (s) => /^DB2026-1\d\d$/.test(s));
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const p of list) expect(p.captioned, `page ${p.page}`).toBe(true);
    expectPageNumbers(pages);
    expectTypeArea(pages, 'long 到期提醒');
  });
});

describe('催报通知 on the band writer', () => {
  const say = compileSubmissionWording().say;
  const base: SubmissionDocContext = { kit: pdfAssets().kit, say, config: CONFIG, asOf: '2022-12-10', timestamp: new Date('2022-12-09T16:00:00Z') };

  it('a unit owing many forms: the list runs over pages with its captions repeated', async () => {
    const owed = Array.from({ length: 36 }, (_, k) => ({ material: `第${k + 1}份专项材料（制度执行情况自查表附件）`, due: '2022-11-12', overdueWorkdays: 20 }));
    const plan = { unit: '党政办公室', owed } as unknown as Parameters<typeof submissionReminderPdf>[2];
    const pages = await readPdf(submissionReminderPdf(base, fonts(), plan));
    const list = listPages(pages, ['序号', '应报送材料', '截止日期', '已逾期'], (s) => /^第\d+份专项材料/.test(s));
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const p of list) expect(p.captioned, `page ${p.page}`).toBe(true);
    const text = plainText(pages);
    expect(text.startsWith('关于报送有关材料的催报通知党政办公室：按照学校工作安排')).toBe(true);
    expect(text.endsWith('示范大学督查督办工作办公室2022年12月10日联系人：李文静电话：0771-2687015')).toBe(true);
    expectTypeArea(pages, '催报通知');
    expectPageNumbers(pages);
  });

  it('进展反馈 催报: its own words, the items listed; the batch starts every letter on an odd page numbered from 1', async () => {
    const items = manyFixtureItems(3);
    const fb: FeedbackLetterContext = { ...base, asOf: AS_OF, label: itemLabeller(items), cal: { workdaysBetween: () => 4 } };
    const plan = { unit: '教务处', due: '2026-11-19', items } as unknown as Parameters<typeof feedbackReminderPdf>[2];
    const text = plainText(await readPdf(feedbackReminderPdf(fb, fonts(), plan)));
    expect(text).toContain('关于报送督查督办事项进展情况的催报通知教务处：');
    expect(text).toContain('尚未收到你单位牵头办理的以下3项督办事项11月的进展反馈，已超过反馈截止日期（2026年11月19日）');
    expect(text).toContain('序号编号督办事项反馈截止日期已逾期1DB2026-101');
    const batch = await readPdf(feedbackReminderBatchPdf(fb, fonts(), [plan, { ...plan, unit: '科技处' }]));
    const starts = batch.flatMap((p, i) => (plainText([p]).startsWith('关于报送督查督办事项进展情况的催报通知') ? [i + 1] : []));
    expect(starts).toEqual([1, 3]);
    expectPageNumbers(batch, [1, null, 1]);
  });
});
