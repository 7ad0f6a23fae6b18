/**
 * Parse each font file once per process (fontkit) and let every PDF reuse the parsed font: the
 * text measures (text-measure.ts) and the band writer's font sources (writer/truetype-source.ts)
 * read it, and so does pdfmake for the one document it still lays out, the report.
 *
 * pdfkit opens fonts with `fontkit.create(bytes)` for every document, and fontkit parses its
 * tables (cmap, hmtx, loca, glyf, GSUB) lazily *per font object* — so with a 14 MB CJK font
 * each new document would pay that parsing again. fontkit's public `registerFormat` lets us add a
 * "format" whose probe recognises a small handle buffer and whose constructor returns the
 * already-parsed font. pdfkit then embeds a fresh subset per document from the shared font, so
 * output bytes are unchanged.
 *
 * (Until the letters left pdfmake this module also replaced the parsed font's `layout` and its
 * glyphs' `_decode` with memoised versions; for one report a build they saved nothing measurable
 * and were patches of fontkit internals, so they are gone.)
 */
import { createRequire } from 'node:module';

/** The part of a fontkit font the text measurer and the band writer's font sources use. */
export interface ParsedFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  postscriptName: string;
  variationAxes: Record<string, unknown>;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  getGlyph(id: number, codePoints?: number[]): unknown;
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
    // biome-ignore lint/correctness/noConstructorReturn: that is how fontkit is handed the parsed font
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
