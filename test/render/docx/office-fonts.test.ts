/**
 * An office's own fonts in templates/fonts/, used by the PDF (embedded) and the DOCX (named):
 * a TrueType face (fonts-arphic-gkai00mp: AR PL KaitiM GB, .ttf) as 楷体 and an OpenType/CFF
 * collection (fonts-noto-cjk: Noto Serif CJK, .ttc) as 仿宋 — real font packages, as an office
 * would drop them in. Skipped with a note where the packages are missing; .ci/run installs them
 * and sets DUBAN_CI=1, so CI never skips.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../../pipeline/model/output.ts';
import { loadPdfAssets, type PdfAssets } from '../../../pipeline/render/pdf/assets.ts';
import { renderFormalDocuments } from '../../../pipeline/render/pdf/index.ts';
import { fixtureAnalysisForPdf } from '../../support/analysis-fixture.ts';
import { FOOTER_BELOW_MM, fontStats, plainText, readPdf } from '../pdf/pdf-reader.ts';
import { CONFIG } from '../pdf/render-fixture.ts';
import { all, first, readDocx, textOf } from './docx-reader.ts';

const find = (paths: string[]) => paths.find((p) => existsSync(p)) ?? null;
const CFF = find([
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc',
]);
const TRUETYPE = find(['/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf', '/usr/share/fonts/truetype/arphic/ukai.ttc', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc']);
const required = process.env.DUBAN_CI === '1';
const missing = !CFF || !TRUETYPE;
if (missing && !required) {
  console.warn('未找到 fonts-noto-cjk（OpenType/CFF）或 fonts-arphic-gkai00mp（TrueType）字体包：跳过本单位字体的测试（apt-get install -y fonts-noto-cjk fonts-arphic-gkai00mp 后即可运行）。');
}

const LETTER = 'internal/催办通知/催办通知-教务处-DB2026-001';
const NOTICE = 'internal/督办通知/督办通知-发展规划处-校督办〔2026〕44号';

describe.skipIf(missing && !required)('office fonts from real font packages', () => {
  let dir = '';
  let assets: PdfAssets;
  let files: Map<string, OutputFile>;

  beforeAll(async () => {
    if (!CFF || !TRUETYPE) throw new Error('DUBAN_CI=1 but fonts-noto-cjk or fonts-arphic-gkai00mp is not installed');
    dir = await mkdtemp(path.join(os.tmpdir(), 'duban-fonts-'));
    await mkdir(path.join(dir, 'fonts'));
    // Named as templates/fonts/README.md says: the role in the file name.
    await copyFile(CFF, path.join(dir, 'fonts', `仿宋-${path.basename(CFF)}`));
    await copyFile(TRUETYPE, path.join(dir, 'fonts', `楷体-${path.basename(TRUETYPE)}`));
    assets = loadPdfAssets(dir);
    const out = await renderFormalDocuments(fixtureAnalysisForPdf(), CONFIG, assets, [], { docx: true });
    files = new Map(out.map((f) => [f.path, f]));
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const bytes = (p: string) => files.get(p)!.bytes as Uint8Array;

  it('takes both, without a warning: the CFF collection’s Simplified Chinese face, the TrueType face', () => {
    expect(assets.warnings).toEqual([]);
    expect(path.basename(assets.fontFiles.body)).toBe(`仿宋-${path.basename(CFF!)}`);
    expect(path.basename(assets.fontFiles.heading2)).toBe(`楷体-${path.basename(TRUETYPE!)}`);
    expect(assets.pageFonts.body.outlines).toBe('cff');
    expect(assets.pageFonts.body.metrics.postscriptName).toMatch(/sc|SC/);
    expect(assets.pageFonts.heading2.outlines).toBe('glyf');
    expect(assets.familyNames.body).toMatch(/Noto S[a-z]+ CJK SC/);
    expect(assets.familyNames.heading2).toBeTruthy();
    expect(assets.familyNames.title).toBeNull();
  });

  it('the direct PDF writer embeds the CFF face as FontFile3 / CIDFontType0C beside the TrueType ones', async () => {
    const pdf = bytes(`${LETTER}.pdf`);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/Subtype \/CIDFontType0C/);
    expect(raw).toMatch(/\/Subtype \/CIDFontType0 /);
    expect(raw).toMatch(/\/FontFile3 /);
    expect(raw).toMatch(/\/FontFile2 /);
    expect(raw).toMatch(/\+NotoSerifCJK|\+NotoSansCJK/);
    const stats = fontStats(pdf);
    expect(stats.fontFiles).toBe(stats.descriptors);
    const pages = await readPdf(pdf);
    const text = plainText(pages);
    expect(text).toContain('教务处：2026年9月8日转你单位的以上表格中的督办事项');
    // The CFF face's widths: 28 characters of 3号 to a full line, as with any font on the grid.
    const lines = pages[0]!.items.filter((it) => it.size === 16 && it.baseline < FOOTER_BELOW_MM && /^[\u3000-\u9fff\uff00-\uffef]{8,}$/u.test(it.str));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect((line.right - line.x) / Array.from(line.str).length, line.str).toBeCloseTo(156 / 28, 1);
  });

  it('pdfmake documents embed the same faces', () => {
    const raw = Buffer.from(bytes(`${NOTICE}.pdf`)).toString('latin1');
    expect(raw).toMatch(/\+NotoSerifCJK|\+NotoSansCJK/);
    const stats = fontStats(bytes(`${NOTICE}.pdf`));
    expect(stats.fontFiles).toBe(stats.descriptors);
  });

  it('the DOCX names the office’s faces for the roles it supplied and the standard faces for the rest', () => {
    const d = readDocx(bytes(`${LETTER}.docx`));
    const fontOf = (text: string) => {
      const run = all(d.body, 'w:r').find((r) => textOf(r).startsWith(text));
      return first(run!, 'w:rFonts')?.attrs['w:eastAsia'];
    };
    expect(fontOf('教务处：')).toBe(assets.familyNames.body);
    expect(fontOf('（第4次催办）')).toBe(assets.familyNames.heading2);
    expect(fontOf('示范大学督查督办事项催办通知')).toBe('方正小标宋简体');
    const table = d.xml('word/fontTable.xml');
    expect(all(table, 'w:font').map((f) => f.attrs['w:name'])).toContain(assets.familyNames.body);
  });
});
