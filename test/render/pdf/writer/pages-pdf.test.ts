import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../../pipeline/render/pdf/layout/marks.ts';
import { writePagesPdf } from '../../../../pipeline/render/pdf/writer/pages-pdf.ts';
import { pdfAssets } from '../render-fixture.ts';
import { fontStats, readPdf } from '../pdf-reader.ts';

const MM = 72 / 25.4;
const META = { title: '测试文档', author: '示范大学督查督办工作办公室', timestamp: new Date('2026-11-24T16:00:00Z') };
const fonts = () => pdfAssets().pageFonts;

const page = (text: string): Page => ({
  marks: [
    { kind: 'text', x: 28 * MM, y: 50 * MM, text, role: 'body', size: 16, charSpacing: 0 },
    { kind: 'text', x: 60 * MM, y: 70 * MM, text: '督查督办事项催办通知', role: 'title', size: 22, charSpacing: 0, color: '#E60012' },
    { kind: 'rect', x: 28 * MM, y: 80 * MM, w: 100, h: 40, width: 0.75 },
    { kind: 'line', x1: 28 * MM, y1: 90 * MM, x2: 120 * MM, y2: 90 * MM, width: 0.75 },
    {
      kind: 'polyline',
      points: [
        [30 * MM, 85 * MM],
        [32 * MM, 87 * MM],
        [35 * MM, 83 * MM],
      ],
      width: 1.4,
    },
  ],
});

describe('PDF written straight from laid-out pages', () => {
  it('puts each text where it was placed, readable and searchable', async () => {
    const [p] = await readPdf(writePagesPdf([page('教务处：请于2026年11月30日前报送。ABC')], fonts(), META));
    expect(p!.widthMm).toBeCloseTo(210, 1);
    expect(p!.heightMm).toBeCloseTo(297, 1);
    const body = p!.items.find((it) => it.str.startsWith('教务处'));
    expect(body?.str).toBe('教务处：请于2026年11月30日前报送。ABC');
    expect(body?.x).toBeCloseTo(28, 1);
    expect(body?.baseline).toBeCloseTo(50, 1);
    expect(body?.size).toBeCloseTo(16, 3);
    const title = p!.items.find((it) => it.str === '督查督办事项催办通知');
    expect(title?.x).toBeCloseTo(60, 1);
    expect(title?.size).toBeCloseTo(22, 3);
  });

  it('embeds one subset per font file (roles sharing a file share it)', () => {
    const bytes = writePagesPdf([page('正文')], fonts(), META);
    // body and title roles are Noto Regular and Bold: two programs, each in a descriptor.
    expect(fontStats(bytes)).toEqual({ descriptors: 2, fontFiles: 2 });
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
  });

  it('survives characters the font lacks and characters beyond the BMP', async () => {
    const bytes = writePagesPdf([page('生僻字䶮与𠀀及😀\uFFFD')], fonts(), META);
    const [p] = await readPdf(bytes);
    expect(p!.text).toContain('䶮');
  });

  it('gives the same bytes for the same pages, and different ones for other text', () => {
    const a = writePagesPdf([page('同样的内容')], fonts(), META);
    const b = writePagesPdf([page('同样的内容')], fonts(), META);
    const c = writePagesPdf([page('不同的内容')], fonts(), META);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('writes the metadata dates fixed, and a valid cross-reference table', () => {
    const text = Buffer.from(writePagesPdf([page('x')], fonts(), META)).toString('latin1');
    expect(text).toContain('/CreationDate (D:20261124160000Z)');
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    for (const m of text.matchAll(/^(\d{10}) 00000 n $/gm)) expect(text.slice(Number(m[1])).match(/^\d+ 0 obj/)).not.toBeNull();
  });

  it('keeps the graphics state balanced on every page', () => {
    const text = Buffer.from(writePagesPdf([page('a'), page('b')], fonts(), META)).toString('latin1');
    for (const m of text.matchAll(/\/Filter \/FlateDecode \/Length \d+ >>\nstream\n([\s\S]*?)\nendstream/g)) {
      let body: string;
      try {
        body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
      } catch {
        continue;
      }
      if (!/\bBT\b/.test(body)) continue;
      expect(body.match(/(?<![A-Za-z])q(?![A-Za-z])/g)?.length ?? 0).toBe(body.match(/(?<![A-Za-z])Q(?![A-Za-z])/g)?.length ?? 0);
      expect(body.match(/\bBT\b/g)?.length).toBe(body.match(/\bET\b/g)?.length);
    }
  });

  it('compresses the font programs of longer documents only', () => {
    const short = Buffer.from(writePagesPdf([page('短')], fonts(), META)).toString('latin1');
    const long = Buffer.from(writePagesPdf([page('长'), page('长'), page('长'), page('长')], fonts(), META)).toString('latin1');
    expect(short).toMatch(/\/Length1 \d+ \/Length \d+ >>/);
    expect(long).toMatch(/\/Length1 \d+ \/Filter \/FlateDecode \/Length \d+ >>/);
  });
});
