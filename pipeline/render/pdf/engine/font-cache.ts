/**
 * Parse each font file once per process and let every PDF reuse the parsed font.
 *
 * pdfkit opens fonts with `fontkit.create(bytes)` for every document, and fontkit parses its
 * tables (cmap, hmtx, loca, glyf, GSUB) lazily *per font object* — so with a 14 MB CJK font
 * each new document pays that parsing again (≈ 2/3 of a one-page letter's time). fontkit's
 * public `registerFormat` lets us add a "format" whose probe recognises a small handle
 * buffer and whose constructor returns the already-parsed font. pdfkit then embeds a fresh
 * subset per document from the shared font, so output bytes are unchanged.
 *
 * On the shared font object (ours alone, not fontkit's prototype) we also memoise two pure
 * computations that pdfkit repeats per document: text shaping (`layout`) and glyph outline
 * decoding (`_decode`, used when subsetting).
 */
import { createRequire } from 'node:module';

/** The part of a fontkit font this module and the text measurer use. */
export interface ParsedFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  postscriptName: string;
  variationAxes: Record<string, unknown>;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  layout(text: string, features?: unknown): LayoutRun;
  getGlyph(id: number, codePoints?: number[]): GlyphLike;
}

interface LayoutRun {
  glyphs: unknown[];
  positions: Position[];
  readonly advanceWidth: number;
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphLike {
  _decode(): unknown;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
  registerFormat(format: unknown): void;
}

// The very fontkit instance pdfmake's pdfkit loads: resolved pdfmake → pdfkit → fontkit, so
// nested installs cannot hand us a different copy. Loaded by the first font parsed, not by
// every module that imports this one (`duban check` and `--help` never load it).
let loaded: Fontkit | undefined;
function fontkit(): Fontkit {
  if (!loaded) {
    const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const requireFromPdfkit = createRequire(requireFromPdfmake.resolve('pdfkit'));
    loaded = requireFromPdfkit('fontkit') as Fontkit;
    loaded.registerFormat(CachedFontFormat);
  }
  return loaded;
}

const MAGIC = [0x44, 0x55, 0x42, 0x41, 0x4e, 0x46, 0x4e, 0x54]; // "DUBANFNT"
const HANDLE_LENGTH = MAGIC.length + 4;
const parsed: ParsedFont[] = [];
const MAX_CACHED_RUNS = 100_000;

function handleIndex(bytes: Uint8Array): number | null {
  if (bytes.length !== HANDLE_LENGTH) return null;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length);
}

class CachedFontFormat {
  static probe(bytes: Uint8Array): boolean {
    return handleIndex(bytes) !== null;
  }
  constructor(stream: { buffer: Uint8Array }) {
    const font = parsed[handleIndex(stream.buffer) ?? -1];
    if (!font) throw new Error('duban: unknown cached font handle');
    // A constructor may return another object: fontkit receives the shared parsed font.
    return font as unknown as CachedFontFormat;
  }
}

export interface CachedFont {
  /** Pass this to pdfkit/pdfmake instead of the font bytes. */
  handle: Buffer;
  font: ParsedFont;
}

/**
 * Parse a TTF/OTF once; the returned handle stands for it in any later document. A collection
 * (.ttc) needs `postscriptName`, the face to use (collectionFaces lists them).
 */
export function cacheFont(bytes: Uint8Array, postscriptName?: string): CachedFont {
  const font = fontkit().create(bytes, postscriptName) as ParsedFont;
  if (typeof font?.glyphForCodePoint !== 'function') throw new Error(postscriptName ? `no face ${postscriptName}` : 'a font collection: name the face');
  memoiseLayout(font);
  memoiseGlyphDecoding(font);
  const index = parsed.push(font) - 1;
  const handle = Buffer.alloc(HANDLE_LENGTH);
  handle.set(MAGIC, 0);
  handle.writeUInt32BE(index, MAGIC.length);
  return { handle, font };
}

/** The faces of a font collection (.ttc/.otc) in order, with where each face's table directory starts; null for a single font. */
export function collectionFaces(bytes: Uint8Array): { postscriptName: string; simplified: boolean; directory: number }[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0) !== 0x74746366) return null; // 'ttcf'
  const collection = fontkit().create(bytes) as { fonts?: { postscriptName: string }[] };
  return (collection.fonts ?? []).map((face, i) => ({ postscriptName: face.postscriptName, simplified: simplifiedChinese(face), directory: view.getUint32(12 + i * 4) }));
}

/** A face named for Simplified Chinese: a zh-CN family name (Noto CJK SC), or SC / GB in its PostScript name. */
function simplifiedChinese(face: unknown): boolean {
  const f = face as { postscriptName?: string; name?: { records?: { fontFamily?: Record<string, string> } } };
  const names = f.name?.records?.fontFamily ?? {};
  return 'zh' in names || 'zh-CN' in names || /(?:^|[^A-Za-z]|[a-z])(?:SC|sc|GB)(?:$|[^a-z])/.test(f.postscriptName ?? '');
}

function memoiseLayout(font: ParsedFont): void {
  const original = font.layout.bind(font);
  const runs = new Map<string, LayoutRun>();
  font.layout = (text, features) => {
    if (features !== undefined) return original(text, features);
    let run = runs.get(text);
    if (!run) {
      run = needsShaping(text) ? original(text) : unshapedRun(font, text);
      // Bounded, so a long-running `watch` cannot grow without limit.
      if (runs.size >= MAX_CACHED_RUNS) runs.clear();
      runs.set(text, run);
    }
    // pdfkit scales the positions of the run it receives in place: hand out copies.
    const positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        let width = 0;
        for (const p of positions) width += p.xAdvance;
        return width;
      },
    };
  };
}

/**
 * Han characters, CJK and full-width punctuation and digits need no OpenType shaping: one
 * code point, one glyph, its advance width. fontkit's shaper would still run every GSUB/GPOS
 * lookup over them (a fifth of a letter's time). Anything else — Latin letters (kerning),
 * combining marks, variation selectors, emoji sequences, RTL scripts — goes through fontkit.
 */
const PLAIN = /^[\u0020-\u0040\u005B-\u0060\u007B-\u007E\u00A0-\u00BF\u00D7\u00F7\u2010-\u2027\u2030-\u205E\u2100-\u2BFF\u3000-\u303F\u3040-\u30FF\u3200-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF5E\uFF5F-\uFFEF]*$/;

function needsShaping(text: string): boolean {
  return !PLAIN.test(text);
}

function unshapedRun(font: ParsedFont, text: string): LayoutRun {
  const glyphs: { advanceWidth: number }[] = [];
  const positions: Position[] = [];
  for (const ch of text) {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0) ?? 0);
    glyphs.push(glyph);
    positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
  }
  return {
    glyphs,
    positions,
    get advanceWidth() {
      return positions.reduce((w, p) => w + p.xAdvance, 0);
    },
  };
}

function memoiseGlyphDecoding(font: ParsedFont): void {
  const original = font.getGlyph.bind(font);
  const patched = new WeakSet<object>();
  font.getGlyph = (id, codePoints) => {
    const glyph = original(id, codePoints);
    // TrueType glyphs decode their outline with _decode; CFF glyphs have none to memoise.
    if (glyph && !patched.has(glyph) && typeof glyph._decode === 'function') {
      patched.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | null = null;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
}
