/**
 * 登记表 (seed 003 附件1) with the office's decision on a unit's request (spec §2.11): 是否准予结项 is
 * ticked in the row of whoever decided — 党政办公室 → 党校办意见, a 分管校领导 or a name → 校领导意见 —
 * and 办理结果 carries the unit's last feedback. Ticks are read from the laid-out page (the marks the
 * PDF writer draws), the words from the PDF itself.
 */
import { describe, expect, it } from 'vitest';
import type { AnalyzedItem, ItemRequest } from '../../../../pipeline/model/analysis.ts';
import { docContext } from '../../../../pipeline/render/pdf/letters/context.ts';
import { registrationBands, registrationPdf } from '../../../../pipeline/render/pdf/letters/registration-form.ts';
import { flowDocuments } from '../../../../pipeline/render/pdf/layout/flow.ts';
import type { Mark, TextMark } from '../../../../pipeline/render/pdf/layout/marks.ts';
import { fixtureItem } from '../../../support/analysis-fixture.ts';
import { CONFIG, pdfAssets } from '../render-fixture.ts';
import { plainText, readPdf } from '../pdf-reader.ts';

const request = (over: Partial<ItemRequest>): ItemRequest => ({
  kind: '办结',
  on: '2026-11-19',
  date: '2026-11-18',
  decision: 'approved',
  decidedOn: '2026-11-24',
  by: '党政办公室',
  text: '已上线',
  unit: '教务处',
  checks: [],
  opinion: '',
  ...over,
});

function ctxFor(item: AnalyzedItem) {
  const assets = pdfAssets();
  return docContext({ asOf: '2026-11-25', items: [item] }, CONFIG, assets.kit, assets.say);
}

/** Which row (党校办意见 / 校领导意见) has which option (是 / 否) ticked. */
function ticks(item: AnalyzedItem): string[] {
  const ctx = ctxFor(item);
  const marks: Mark[] = flowDocuments(ctx.kit, [registrationBands(ctx, item)]).flatMap((s) => s.marks);
  const texts = marks.filter((m): m is TextMark => m.kind === 'text');
  const rows = texts.filter((t) => t.text === '党校办意见' || t.text === '校领导意见');
  const options = texts.filter((t) => t.text === '是' || t.text === '否');
  return marks
    .filter((m) => m.kind === 'polyline')
    .map((m) => {
      const [x, y] = m.points[0]!;
      const row = rows.reduce((a, b) => (Math.abs(b.y - y) < Math.abs(a.y - y) ? b : a));
      const option = options.filter((o) => o.x > x && Math.abs(o.y - row.y) < 4).reduce((a, b) => (b.x < a.x ? b : a));
      return `${row.text}:${option.text}`;
    })
    .sort();
}

const done = { status: 'done_on_time', completedOn: '2026-11-18', state: '已办结' } as const;

describe('登记表 是否准予结项', () => {
  it('approved by 党政办公室: 党校办意见 是, 校领导意见 left blank', () => {
    expect(ticks(fixtureItem({ id: 'R-1', ...done, request: request({}) }))).toEqual(['党校办意见:是']);
  });

  it('approved by 分管校领导 or a leader by name: 校领导意见 是', () => {
    expect(ticks(fixtureItem({ id: 'R-2', ...done, request: request({ by: '分管校领导' }) }))).toEqual(['校领导意见:是']);
    expect(ticks(fixtureItem({ id: 'R-3', ...done, request: request({ by: '王海涛' }) }))).toEqual(['校领导意见:是']);
  });

  it('returned: 否 in the row of whoever returned it; a pending request ticks nothing', () => {
    expect(ticks(fixtureItem({ id: 'R-4', request: request({ decision: 'returned' }) }))).toEqual(['党校办意见:否']);
    expect(ticks(fixtureItem({ id: 'R-5', request: request({ decision: 'pending', decidedOn: null, by: null }) }))).toEqual([]);
  });

  it('without a decided 办结 request, both rows say 是 once the item is done (as before)', () => {
    expect(ticks(fixtureItem({ id: 'R-6', ...done }))).toEqual(['党校办意见:是', '校领导意见:是']);
    expect(ticks(fixtureItem({ id: 'R-7', ...done, request: request({ kind: '延期', date: '2026-12-31' }) }))).toEqual(['党校办意见:是', '校领导意见:是']);
    expect(ticks(fixtureItem({ id: 'R-8' }))).toEqual([]);
  });
});

describe('登记表 opinions and 办理结果', () => {
  it('puts the decision in the opinion of whoever decided, and the last feedback after the ledger’s 落实情况', async () => {
    const item = fixtureItem({
      id: 'R-9',
      progress: '已完成需求调研。',
      feedback: { on: '2026-11-20', unit: '人事处', progress: '方案初稿已完成', state: '申请延期' },
      request: request({ kind: '延期', date: '2026-12-31', by: '分管校领导', opinion: '同意', unit: '人事处' }),
    });
    const text = plainText(await readPdf(registrationPdf(ctxFor(item), pdfAssets().pageFonts, item)));
    expect(text).toContain('办公室意见校领导意见同意延期至2026年12月31日。同意（分管校领导，2026年11月24日）办理结果');
    expect(text).toContain('办理结果已完成需求调研。人事处2026年11月20日反馈：方案初稿已完成是否准予结项');
  });

  it('without feedback or decision the rows stay as the ledger has them', async () => {
    const item = fixtureItem({ id: 'R-10', progress: '已完成需求调研。' });
    const text = plainText(await readPdf(registrationPdf(ctxFor(item), pdfAssets().pageFonts, item)));
    expect(text).toContain('办公室意见校领导意见办理结果已完成需求调研。是否准予结项');
  });
});
