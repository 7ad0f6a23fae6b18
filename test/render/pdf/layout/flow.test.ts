import { describe, expect, it } from 'vitest';
import { LINE_PITCH, MARGINS, TYPE_AREA } from '../../../../pipeline/render/pdf/layout/gbt9704-layout.ts';
import { space, textBands, type Band } from '../../../../pipeline/render/pdf/layout/bands.ts';
import { formBands } from '../../../../pipeline/render/pdf/layout/form-bands.ts';
import { flowDocuments } from '../../../../pipeline/render/pdf/layout/flow.ts';
import type { LineMark, Page, TextMark } from '../../../../pipeline/render/pdf/layout/marks.ts';
import { pdfAssets } from '../render-fixture.ts';

const kit = () => pdfAssets().kit;
const texts = (s: Page) => s.marks.filter((m): m is TextMark => m.kind === 'text');
const rules = (s: Page) => s.marks.filter((m): m is LineMark => m.kind === 'line');
const numberOf = (s: Page) => texts(s).find((t) => t.role === 'song')?.text ?? null;
const lines = (n: number): Band[] => Array.from({ length: n }, (_, i) => textBands(kit(), `第${i + 1}行`)).flat();

describe('flowing bands onto GB/T 9704 pages', () => {
  it('puts 22 body lines on a page and starts the 23rd on the next', () => {
    const pages = flowDocuments(kit(), [lines(23)]);
    expect(pages).toHaveLength(2);
    expect(texts(pages[0]!).filter((t) => t.role === 'body')).toHaveLength(22);
    expect(texts(pages[1]!)[0]?.text).toBe('第23行');
    const first = texts(pages[1]!)[0]!;
    expect(first.y).toBeCloseTo(MARGINS.top + kit().body.ascentEm * 16, 3);
  });

  it('numbers pages per document and starts each on an odd page when asked', () => {
    const pages = flowDocuments(kit(), [lines(30), lines(3), lines(3)], { startOnOdd: true });
    // doc 1: pages 1–2; doc 2: page 3 (+ blank 4); doc 3: page 5.
    expect(pages.map(numberOf)).toEqual(['— 1 —', '— 2 —', '— 1 —', null, '— 1 —']);
    expect(pages[3]!.marks).toHaveLength(0);
    expect(flowDocuments(kit(), [lines(3), lines(3)]).map(numberOf)).toEqual(['— 1 —', '— 1 —']);
  });

  it('puts odd page numbers right and even ones left, 7 mm under the type area', () => {
    const [odd, even] = flowDocuments(kit(), [lines(30)]).map((p) => texts(p).find((t) => t.role === 'song')!);
    expect(odd!.x).toBeGreaterThan(MARGINS.left + TYPE_AREA.width / 2);
    expect(even!.x).toBeCloseTo(MARGINS.left + 14, 3);
    expect(odd!.y - kit().song.ascentEm * 14).toBeCloseTo(MARGINS.top + TYPE_AREA.height + 7 * (72 / 25.4), 3);
  });

  it('closes a ruled form at the foot of a page and reopens it at the head of the next', () => {
    const long = '落实情况'.repeat(400);
    const form = formBands(kit(), [[{ text: '办理结果' }, { text: long }]], { columns: [1, 3] });
    const pages = flowDocuments(kit(), [[space(LINE_PITCH * 10), ...form]]);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const horizontal = (p: Page) =>
      rules(p)
        .filter((r) => r.y1 === r.y2 && r.x2 - r.x1 > TYPE_AREA.width - 1)
        .map((r) => r.y1);
    const bottom = Math.max(...horizontal(pages[0]!));
    expect(bottom).toBeLessThanOrEqual(MARGINS.top + TYPE_AREA.height + 0.01);
    expect(Math.min(...horizontal(pages[1]!))).toBeCloseTo(MARGINS.top, 3);
    const all = pages
      .flatMap((p) =>
        texts(p)
          .filter((t) => t.role === 'body')
          .map((t) => t.text),
      )
      .join('');
    expect(all).toContain(long);
  });

  it('keeps rows joined by a rowSpan in one band and centres short cells', () => {
    const bands = formBands(
      kit(),
      [
        [{ text: '是否准予结项', rowSpan: 2 }, { text: '党校办意见' }, { checkboxes: { options: ['是', '否'], checked: '是' } }],
        [{ covered: true }, { text: '校领导意见' }, { checkboxes: { options: ['是', '否'], checked: null } }],
      ],
      { columns: [1, 1, 1] },
    );
    expect(bands).toHaveLength(1);
    const ticks = bands[0]!.marks.filter((m) => m.kind === 'polyline');
    expect(ticks).toHaveLength(1);
    expect(bands[0]!.marks.filter((m) => m.kind === 'rect')).toHaveLength(4);
    const label = bands[0]!.marks.find((m): m is TextMark => m.kind === 'text' && m.text === '是否准予结项')!;
    const rows = bands[0]!.marks.filter((m): m is TextMark => m.kind === 'text' && m.text.endsWith('意见'));
    expect(label.y).toBeGreaterThan(rows[0]!.y);
    expect(label.y).toBeLessThan(rows[1]!.y);
  });

  it('draws a list’s header rows again at the head of every page it runs onto, below the reopened frame', () => {
    const rows = [[{ text: '编号' }, { text: '事项' }], ...Array.from({ length: 60 }, (_, i) => [{ text: `R${i + 1}` }, { text: `第${i + 1}项` }])];
    const form = formBands(kit(), rows, { columns: [1, 3], headerRows: 1 });
    expect(form[0]!.frame?.header).toEqual([form[0]]);
    const pages = flowDocuments(kit(), [[space(LINE_PITCH * 5), ...form]]);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const t = texts(page).filter((m) => m.role === 'body');
      expect(t[0]?.text).toBe('编号');
      expect(t[1]?.text).toBe('事项');
    }
    // Every row once, in order; the header once per page.
    const all = pages.flatMap((p) =>
      texts(p)
        .filter((m) => m.role === 'body')
        .map((m) => m.text),
    );
    expect(all.filter((t) => /^R\d+$/.test(t))).toEqual(rows.slice(1).map((r) => r[0]!.text));
    expect(all.filter((t) => t === '编号')).toHaveLength(pages.length);
    // Closed at the foot of every page but the last, by a rule as wide as the frame.
    for (const page of pages.slice(0, -1)) {
      const foot = Math.max(
        ...rules(page)
          .filter((r) => r.y1 === r.y2)
          .map((r) => r.y1),
      );
      expect(foot).toBeLessThanOrEqual(MARGINS.top + TYPE_AREA.height + 0.01);
      expect(foot).toBeGreaterThan(MARGINS.top + TYPE_AREA.height - 40);
    }
  });

  it('never leaves a header row alone at the foot of a page', () => {
    const form = formBands(
      kit(),
      [
        [{ text: '编号' }, { text: '事项' }],
        [{ text: 'R1' }, { text: '第1项' }],
      ],
      { columns: [1, 3], headerRows: 1 },
    );
    const room = TYPE_AREA.height - form[0]!.height - form[1]!.height / 2;
    const pages = flowDocuments(kit(), [[space(room), ...form]]);
    expect(pages).toHaveLength(2);
    expect(texts(pages[0]!).filter((m) => m.role === 'body')).toHaveLength(0);
    expect(
      texts(pages[1]!)
        .filter((m) => m.role === 'body')
        .map((m) => m.text),
    ).toEqual(['编号', '事项', 'R1', '第1项']);
  });

  it('leaves the forms without header rows as they were: only a rule reopens them', () => {
    const form = formBands(kit(), [[{ text: '办理结果' }, { text: '落实情况'.repeat(400) }]], { columns: [1, 3] });
    expect(form[0]!.frame?.header).toBeUndefined();
  });
});
