/**
 * A font file read once per process, as the raw material of per-document subsets.
 *
 * TrueType outlines (glyf): a subset is mostly a copy of the glyphs a document uses — each
 * glyph's outline is cut out, padded and checksummed once, on first use, and copied into every
 * later subset (font-subset.ts).
 *
 * PostScript outlines (CFF: the .otf and .ttc of Noto Sans/Serif CJK, 思源宋体, many 方正 and 汉仪
 * faces): fontkit, the library pdfkit embeds fonts with, cuts the subset — a CID-keyed CFF program
 * whose CIDs are the glyphs in order of first use, for FontFile3 / CIDFontType0C (pages-pdf.ts).
 */
import type { ParsedFont } from '../font-cache.ts';

interface TableRecord {
  offset: number;
  length: number;
}

/** A glyph ready for a subset: its outline padded to 4 bytes and its checksum. */
export interface GlyphPiece {
  bytes: Uint8Array;
  checksum: number;
  /** Component glyph ids of a composite glyph, [] for simple or empty glyphs. */
  components: number[];
}

export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: [number, number, number, number];
  postscriptName: string;
  fixedPitch: boolean;
}

/** Tables copied into every subset besides the ones rebuilt there (head, hhea, maxp, hmtx, loca, glyf). */
export const HINTING_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

interface FontkitSubset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

const OTTO = 0x4f54544f;

export class TrueTypeSource {
  readonly metrics: FontMetrics;
  readonly numGlyphs: number;
  /** Which outlines the font has: TrueType (glyf) or PostScript (CFF). */
  readonly outlines: 'glyf' | 'cff';
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRecord>();
  private readonly longLoca: boolean;
  private readonly hMetrics: number;
  private readonly glyphs = new Map<number, { id: number; advance: number }>();
  private readonly pieces = new Map<number, GlyphPiece>();

  /** `directory`: where the face's table directory starts (a face of a .ttc collection; its table offsets count from the file's start). */
  constructor(
    readonly bytes: Uint8Array,
    private readonly font: ParsedFont,
    directory = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = this.view.getUint32(directory);
    this.metrics = fontMetrics(font);
    if (version === OTTO) {
      if (!(font as unknown as Record<string, unknown>)['CFF ']) throw new Error('PostScript outlines other than CFF (CFF2) cannot be subset');
      this.outlines = 'cff';
      this.longLoca = false;
      this.hMetrics = 0;
      this.numGlyphs = (font as unknown as { numGlyphs: number }).numGlyphs;
      return;
    }
    if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType (glyf) or OpenType (CFF) font');
    this.outlines = 'glyf';
    const count = this.view.getUint16(directory + 4);
    for (let i = 0; i < count; i++) {
      const at = directory + 12 + i * 16;
      const tag = String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
      this.tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    for (const tag of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf']) {
      if (!this.tables.has(tag)) throw new Error(`font has no ${tag} table`);
    }
    this.longLoca = this.view.getInt16(this.table('head').offset + 50) === 1;
    this.hMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
  }

  /** CFF outlines: the program of the glyphs `ids` (ids[0] = 0, .notdef), glyph i becoming CID i, and their advances in font units. */
  cffSubset(ids: readonly number[]): { bytes: Uint8Array; advances: number[] } {
    const subset = (this.font as unknown as { createSubset(): FontkitSubset }).createSubset();
    for (const id of ids) subset.includeGlyph(id);
    const advances = ids.map((id) => (this.font.getGlyph(id) as unknown as { advanceWidth: number }).advanceWidth);
    return { bytes: new Uint8Array(subset.encode()), advances };
  }

  /** Raw bytes of a table (a view: never write to it), or null when the font has none. */
  tableBytes(tag: string): Uint8Array | null {
    const t = this.tables.get(tag);
    return t ? this.bytes.subarray(t.offset, t.offset + t.length) : null;
  }

  /** The glyph for a code point (0 = .notdef when the font lacks it) and its advance in font units. */
  glyphFor(codePoint: number): { id: number; advance: number } {
    return glyphOf(this.glyphs, this.font, this.numGlyphs, codePoint);
  }

  /** Advance width and left side bearing from hmtx. */
  horizontalMetrics(id: number): { advance: number; lsb: number } {
    const hmtx = this.table('hmtx').offset;
    if (id < this.hMetrics) return { advance: this.view.getUint16(hmtx + id * 4), lsb: this.view.getInt16(hmtx + id * 4 + 2) };
    const advance = this.view.getUint16(hmtx + (this.hMetrics - 1) * 4);
    return { advance, lsb: this.view.getInt16(hmtx + this.hMetrics * 4 + (id - this.hMetrics) * 2) };
  }

  piece(id: number): GlyphPiece {
    let piece = this.pieces.get(id);
    if (!piece) {
      piece = this.makePiece(id);
      this.pieces.set(id, piece);
    }
    return piece;
  }

  private makePiece(id: number): GlyphPiece {
    const { start, end } = this.glyphRange(id);
    const length = end - start;
    const padded = new Uint8Array((length + 3) & ~3);
    padded.set(this.bytes.subarray(start, end));
    const components = length >= 10 && this.view.getInt16(start) < 0 ? compositeComponents(padded).map((c) => c.id) : [];
    return { bytes: padded, checksum: tableChecksum(padded), components };
  }

  private glyphRange(id: number): { start: number; end: number } {
    const loca = this.table('loca').offset;
    const glyf = this.table('glyf');
    const at = (i: number) => (this.longLoca ? this.view.getUint32(loca + i * 4) : this.view.getUint16(loca + i * 2) * 2);
    if (id < 0 || id >= this.numGlyphs) return { start: glyf.offset, end: glyf.offset };
    const start = Math.min(at(id), glyf.length);
    const end = Math.min(Math.max(at(id + 1), start), glyf.length);
    return { start: glyf.offset + start, end: glyf.offset + end };
  }

  private table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t;
  }
}

/** What a PDF font descriptor says of a parsed font. */
export function fontMetrics(font: ParsedFont): FontMetrics {
  const bbox = font as unknown as { bbox: { minX: number; minY: number; maxX: number; maxY: number } };
  const extra = font as unknown as { capHeight?: number; xHeight?: number; italicAngle?: number; post?: { isFixedPitch?: number } };
  return {
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: extra.capHeight || font.ascent,
    xHeight: extra.xHeight || 0,
    italicAngle: extra.italicAngle || 0,
    bbox: [bbox.bbox.minX, bbox.bbox.minY, bbox.bbox.maxX, bbox.bbox.maxY],
    postscriptName: (font.postscriptName || 'Font').replace(/[^A-Za-z0-9_-]/g, '_'),
    fixedPitch: Boolean(extra.post?.isFixedPitch),
  };
}

/** A code point's glyph (0 = .notdef where the font has none) and advance, looked up once. */
export function glyphOf(cache: Map<number, { id: number; advance: number }>, font: ParsedFont, numGlyphs: number, codePoint: number): { id: number; advance: number } {
  let g = cache.get(codePoint);
  if (!g) {
    const glyph = font.glyphForCodePoint(codePoint);
    g = { id: glyph.id < numGlyphs ? glyph.id : 0, advance: glyph.advanceWidth };
    cache.set(codePoint, g);
  }
  return g;
}

const ARG_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_2X2 = 0x0080;

/** Where each component glyph id of a composite glyph sits (byte offset) and which glyph it is. */
export function compositeComponents(glyph: Uint8Array): { at: number; id: number }[] {
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  const out: { at: number; id: number }[] = [];
  let p = 10;
  for (;;) {
    if (p + 4 > glyph.length) break;
    const flags = view.getUint16(p);
    out.push({ at: p + 2, id: view.getUint16(p + 2) });
    p += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAVE_SCALE) p += 2;
    else if (flags & HAVE_XY_SCALE) p += 4;
    else if (flags & HAVE_2X2) p += 8;
    if (!(flags & MORE)) break;
  }
  return out;
}

/** TrueType table checksum: the sum of big-endian uint32 words (data zero-padded to 4 bytes). */
export function tableChecksum(data: Uint8Array): number {
  let sum = 0;
  const full = data.length & ~3;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < full; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (full < data.length) {
    let last = 0;
    for (let i = full; i < full + 4; i++) last = (last << 8) | (i < data.length ? (data[i] ?? 0) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}
