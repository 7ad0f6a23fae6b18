import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../../pipeline/model/output.ts';
import { bytesOf, renderFixture } from '../render-fixture.ts';
import { fontStats, plainText, readPdf } from '../pdf-reader.ts';
import { fixtureLongProgress } from '../../../support/analysis-fixture.ts';
import { TOL, bodyItems, expectGridLines, expectPageNumbers, expectTypeArea } from '../gbt9704-checks.ts';

let files: Map<string, OutputFile>;
beforeAll(async () => {
  files = await renderFixture();
});

const LETTER = 'internal/催办通知/催办通知-后勤管理处-DB2026-002.pdf';
// Numbered in the order units' first items were assigned (analyze/notices.ts): 发展规划处's came last.
const NOTICE = 'internal/督办通知/督办通知-发展规划处-校督办〔2026〕44号.pdf';
const LONG_FORM = 'internal/登记表/登记表-档案馆-DB2026-014.pdf';

describe('GB/T 9704-2012 layout', () => {
  it('is A4 with all body text inside the 156 × 225 mm type area at 28 mm / 37 mm', async () => {
    for (const path of [LETTER, NOTICE, LONG_FORM]) expectTypeArea(await readPdf(bytesOf(files, path)), path);
  });

  it('starts the text at the margins: first line at 37 mm, salutation at 28 mm, full lines end at 184 mm', async () => {
    const [page] = await readPdf(bytesOf(files, LETTER));
    const items = bodyItems(page!);
    const topmost = Math.min(...items.map((it) => it.top));
    expect(topmost).toBeGreaterThan(37 - TOL);
    expect(topmost).toBeLessThan(37 + 3); // the title's glyph box starts at the margin (plus the font's ascent gap)
    const salutation = items.find((it) => it.str.startsWith('后勤管理处：'));
    expect(salutation?.x).toBeCloseTo(28, 0);
    const bodyLine = items.find((it) => it.str.startsWith('你单位于'));
    expect(bodyLine?.x).toBeCloseTo(28, 0);
    expect(bodyLine?.right).toBeGreaterThan(184 - 6); // filled up to the last character that fits
    expect(bodyLine?.right).toBeLessThanOrEqual(184 + TOL);
  });

  it('puts 22 lines of 3号 on the page: body line pitch 225/22 mm', async () => {
    const [page] = await readPdf(bytesOf(files, LETTER));
    expectGridLines(page!);
  });

  it('numbers pages 4号 "— n —" 7 mm below the type area, odd right and even left', async () => {
    const pages = await readPdf(bytesOf(files, LONG_FORM));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectPageNumbers(pages);
  });

  it('embeds every font it uses', () => {
    for (const path of [LETTER, NOTICE, LONG_FORM]) {
      const stats = fontStats(bytesOf(files, path));
      expect(stats.descriptors).toBeGreaterThan(0);
      expect(stats.fontFiles).toBe(stats.descriptors);
    }
  });

  it('flows a 2,000-character 落实情况 onto the next page with all of its text', async () => {
    const pages = await readPdf(bytesOf(files, LONG_FORM));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(plainText(pages)).toContain(fixtureLongProgress());
    expect(pages[1]!.text).toContain('专题会议');
  });

  it('renders 生僻字, emoji, full-width punctuation and control characters without failing', async () => {
    const text = plainText(await readPdf(bytesOf(files, LONG_FORM)));
    expect(text).toContain('整理');
    expect(text).toContain('䶮');
    expect(text).toContain('「全角」');
  });

  it('puts the red 版头 with a centred 发文字号 on 督办通知', async () => {
    const [page] = await readPdf(bytesOf(files, NOTICE));
    const docNo = page!.items.find((it) => it.str.includes('校督办〔2026〕44号'));
    expect(docNo).toBeDefined();
    expect((docNo!.x + docNo!.right) / 2).toBeCloseTo(28 + 78, 0);
    expect(page!.text).toContain('示范大学督查督办工作办公室');
    const raw = Buffer.from(bytesOf(files, NOTICE)).toString('latin1');
    expect(raw).toMatch(/\/Type \/FontDescriptor/);
  });

  it('gives the same bytes for the same data and as-of date', async () => {
    const again = await renderFixture();
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, file] of files) expect(Buffer.from(again.get(path)!.bytes).equals(Buffer.from(file.bytes)), path).toBe(true);
  });
});
