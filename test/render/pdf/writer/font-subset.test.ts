import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { subsetFont } from '../../../../pipeline/render/pdf/writer/font-subset.ts';
import { compositeComponents, tableChecksum } from '../../../../pipeline/render/pdf/writer/truetype-source.ts';
import { pdfAssets } from '../render-fixture.ts';

// The fontkit pdfkit uses: an independent TrueType parser to read our subsets back.
const requireFromPdfkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
const fontkit = requireFromPdfkit('fontkit') as { create(b: Uint8Array): FontkitFont };
interface FontkitFont {
  numGlyphs: number;
  getGlyph(id: number): { advanceWidth: number; path: { toSVG(): string }; bbox: { minX: number; maxX: number } };
  glyphForCodePoint(cp: number): { id: number };
}

describe('TrueType subset', () => {
  const source = pdfAssets().pageFonts.body;
  const text = '督办催办登记表2026年';
  const ids = [0, ...new Set(Array.from(text, (c) => source.glyphFor(c.codePointAt(0) ?? 0).id))];
  const subset = subsetFont(source, ids);
  const original = fontkit.create(source.bytes);
  const parsed = fontkit.create(subset.bytes);

  it('holds exactly the glyphs asked for, renumbered in order, outlines and widths unchanged', () => {
    expect(parsed.numGlyphs).toBe(ids.length);
    ids.forEach((id, i) => {
      const mine = parsed.getGlyph(i);
      const theirs = original.getGlyph(id);
      expect(mine.path.toSVG()).toBe(theirs.path.toSVG());
      expect(mine.advanceWidth).toBe(theirs.advanceWidth);
      expect(subset.advances[i]).toBe(theirs.advanceWidth);
    });
  });

  it('has valid table checksums and checkSumAdjustment', () => {
    // The whole file, summed as uint32 words, is 0xB1B0AFBA when head.checkSumAdjustment is right.
    expect(tableChecksum(subset.bytes)).toBe(0xb1b0afba);
    const view = new DataView(subset.bytes.buffer, subset.bytes.byteOffset);
    const tables = view.getUint16(4);
    for (let i = 0; i < tables; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...subset.bytes.subarray(at, at + 4));
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      const data = subset.bytes.slice(offset, offset + length);
      if (tag === 'head') new DataView(data.buffer).setUint32(8, 0);
      expect(tableChecksum(data), tag).toBe(view.getUint32(at + 4));
    }
  });

  it('leaves the shared font untouched (other documents read it)', () => {
    const before = createHash('sha256').update(source.bytes).digest('hex');
    subsetFont(source, [0, 5, 9]);
    expect(createHash('sha256').update(source.bytes).digest('hex')).toBe(before);
    expect(fontkit.create(source.bytes).numGlyphs).toBe(original.numGlyphs);
  });

  it('is a small fraction of the 14 MB font', () => {
    expect(subset.bytes.length).toBeLessThan(20_000);
  });
});

describe('composite glyphs', () => {
  it('finds every component id, whatever the argument and scale formats', () => {
    // header (10 bytes), then: words + scale + MORE → id 7; bytes + xy-scale + MORE → id 300; bytes + 2x2 → id 9.
    const g = Uint8Array.of(
      0xff,
      0xff,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0x00,
      0x29,
      0x00,
      0x07,
      0,
      1,
      0,
      2,
      0x40,
      0x00,
      0x00,
      0x60,
      0x01,
      0x2c,
      1,
      2,
      0x40,
      0x00,
      0x40,
      0x00,
      0x00,
      0x80,
      0x00,
      0x09,
      1,
      2,
      0x40,
      0x00,
      0,
      0,
      0,
      0,
      0x40,
      0x00,
    );
    expect(compositeComponents(g)).toEqual([
      { at: 12, id: 7 },
      { at: 22, id: 300 },
      { at: 32, id: 9 },
    ]);
  });
});
