/**
 * The TrueType subset embedded in one PDF (FontFile2): the glyphs it uses, renumbered in order
 * of first use (CID = new glyph id, CIDToGIDMap /Identity), with the tables a PDF viewer needs —
 * the same set fontkit writes for pdfkit: head, hhea, maxp, hmtx, loca, glyf and the hinting
 * programs.
 */
import { HINTING_TABLES, compositeComponents, tableChecksum, type TrueTypeSource } from './truetype-source.ts';

export interface FontSubset {
  /** The subset font file. */
  bytes: Uint8Array;
  /** Advance widths of the subset's glyphs, in font units, by new id. */
  advances: number[];
}

/**
 * `ids` are original glyph ids in CID order; ids[0] must be 0 (.notdef). Components of
 * composite glyphs are appended after them (nothing in the page content refers to those).
 */
export function subsetFont(source: TrueTypeSource, ids: readonly number[]): FontSubset {
  const order = [...ids];
  const newId = new Map<number, number>();
  order.forEach((id, i) => newId.set(id, i));
  for (let i = 0; i < order.length; i++) {
    for (const c of source.piece(order[i] ?? 0).components) {
      if (!newId.has(c)) {
        newId.set(c, order.length);
        order.push(c);
      }
    }
  }
  const n = order.length;

  const glyphs: Uint8Array[] = [];
  const loca = new Uint8Array((n + 1) * 4);
  const locaView = new DataView(loca.buffer);
  const hmtx = new Uint8Array(n * 4);
  const hmtxView = new DataView(hmtx.buffer);
  const advances: number[] = [];
  let glyfLength = 0;
  let glyfChecksum = 0;
  for (let i = 0; i < n; i++) {
    const id = order[i] ?? 0;
    let piece = source.piece(id);
    if (piece.components.length > 0) {
      const bytes = renumberComponents(piece.bytes, newId);
      piece = { bytes, checksum: tableChecksum(bytes), components: piece.components };
    }
    locaView.setUint32(i * 4, glyfLength);
    glyfLength += piece.bytes.length;
    glyfChecksum = (glyfChecksum + piece.checksum) >>> 0;
    glyphs.push(piece.bytes);
    const m = source.horizontalMetrics(id);
    hmtxView.setUint16(i * 4, m.advance);
    hmtxView.setInt16(i * 4 + 2, m.lsb);
    advances.push(m.advance);
  }
  locaView.setUint32(n * 4, glyfLength);

  const head = copy(source.tableBytes('head'));
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, 1); // long loca offsets
  const hhea = copy(source.tableBytes('hhea'));
  new DataView(hhea.buffer).setUint16(34, n);
  const maxp = copy(source.tableBytes('maxp'));
  new DataView(maxp.buffer).setUint16(4, n);

  // glyf goes last: the glyphs are copied in after everything built here.
  const tables: { tag: string; data: Uint8Array | null; length: number; checksum: number }[] = [
    { tag: 'head', data: head, length: head.length, checksum: 0 },
    { tag: 'hhea', data: hhea, length: hhea.length, checksum: 0 },
    { tag: 'maxp', data: maxp, length: maxp.length, checksum: 0 },
    { tag: 'hmtx', data: hmtx, length: hmtx.length, checksum: 0 },
    { tag: 'loca', data: loca, length: loca.length, checksum: 0 },
  ];
  for (const tag of HINTING_TABLES) {
    const data = source.tableBytes(tag);
    if (data) tables.push({ tag, data, length: data.length, checksum: 0 });
  }
  tables.push({ tag: 'glyf', data: null, length: glyfLength, checksum: glyfChecksum });
  for (const t of tables) if (t.data) t.checksum = tableChecksum(t.data);

  const dirLength = 12 + tables.length * 16;
  let offset = dirLength;
  const offsets = new Map<string, number>();
  for (const t of tables) {
    offsets.set(t.tag, offset);
    offset += (t.length + 3) & ~3;
  }
  const out = new Uint8Array(offset);
  const prefix = out.subarray(0, offsets.get('glyf') ?? dirLength);
  const view = new DataView(prefix.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  sorted.forEach((t, i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) prefix[at + k] = t.tag.charCodeAt(k);
    view.setUint32(at + 4, t.checksum);
    view.setUint32(at + 8, offsets.get(t.tag) ?? 0);
    view.setUint32(at + 12, t.length);
  });
  let fontSum = tableChecksum(prefix.subarray(0, dirLength));
  for (const t of tables) fontSum = (fontSum + t.checksum) >>> 0;
  headView.setUint32(8, (0xb1b0afba - fontSum) >>> 0);
  for (const t of tables) if (t.data) prefix.set(t.data, offsets.get(t.tag) ?? 0);

  let at = prefix.length;
  for (const glyph of glyphs) {
    out.set(glyph, at);
    at += glyph.length;
  }
  return { bytes: out, advances };
}

/** A private copy (Buffer#slice would share memory with the font everyone else reads). */
function copy(bytes: Uint8Array | null): Uint8Array {
  if (!bytes) throw new Error('font table missing');
  return new Uint8Array(bytes);
}

function renumberComponents(glyph: Uint8Array, newId: Map<number, number>): Uint8Array {
  const out = new Uint8Array(glyph);
  const view = new DataView(out.buffer);
  for (const c of compositeComponents(out)) view.setUint16(c.at, newId.get(c.id) ?? 0);
  return out;
}
