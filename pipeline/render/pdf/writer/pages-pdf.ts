/**
 * Laid-out pages (layout/marks.ts) → PDF bytes, without a layout engine in between.
 *
 * The one-page forms of which a run prints thousands (催办通知, 登记表) are positioned text and
 * rules: what pdfmake would add is measuring and placing them again, at ~1 ms a page, plus
 * deflating each document's font subset (~0.8 ms). Here text is mapped to glyphs through the
 * font's cmap (one code point → one glyph: Chinese needs no shaping), fonts are embedded as
 * Type0/Identity-H with a TrueType subset (font-subset.ts), and the output is byte-identical
 * for the same pages and metadata.
 *
 * Compression: deflate's gain on glyph outlines comes from repetition across glyphs (a
 * letter's 30 KB of outlines shrink by a third as one stream, by 3 % glyph by glyph) and costs
 * ~0.5 ms — more than the rest of a one-page letter. So the font program of a short document
 * is stored as is (a letter is ~45 KB instead of ~30 KB) and compressed only in documents of
 * several pages, where the cost is shared; page content and ToUnicode maps are small and
 * compress well at level 1 (ToUnicode maps are left as text: a deflate call costs more than
 * the 2–3 KB it would save).
 */
import { deflateSync } from 'node:zlib';
import type { FontRole } from '../fonts.ts';
import { PAGE } from '../layout/gbt9704-layout.ts';
import type { Mark, Page } from '../layout/marks.ts';
import { subsetFont } from './font-subset.ts';
import { PdfObjects, latin1, num, pdfDate, ref, textString } from './pdf-objects.ts';
import type { TrueTypeSource } from './truetype-source.ts';

export type PageFonts = Record<FontRole, TrueTypeSource>;

export interface PageMeta {
  title: string;
  author: string;
  /** Fixed so re-rendering gives identical bytes. */
  timestamp: Date;
}

/** Glyphs of one font used by the document, numbered in order of first use (CID 0 = .notdef). */
class FontUse {
  readonly ids: number[] = [0];
  readonly text = new Map<number, string>();
  private readonly cids = new Map<number, number>();
  constructor(
    readonly source: TrueTypeSource,
    readonly resource: string,
  ) {}

  /** Hex CIDs of the text (Identity-H: two bytes per glyph). */
  encode(text: string): string {
    let hex = '';
    for (const ch of text) {
      const glyph = this.source.glyphFor(ch.codePointAt(0) ?? 0);
      let cid = this.cids.get(glyph.id);
      if (cid === undefined) {
        cid = glyph.id === 0 ? 0 : this.ids.push(glyph.id) - 1;
        this.cids.set(glyph.id, cid);
        if (cid !== 0) this.text.set(cid, ch);
      }
      hex += HEX4[cid] ?? cid.toString(16).padStart(4, '0');
    }
    return hex;
  }
}

/** Documents of at least this many pages get their font programs compressed. */
const COMPRESS_FONTS_FROM_PAGES = 4;
const FAST = { level: 1 };

const HEX4: string[] = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(4, '0'));

export function writePagesPdf(pages: readonly Page[], fonts: PageFonts, meta: PageMeta): Uint8Array {
  const pdf = new PdfObjects();
  const catalogId = pdf.reserve();
  const pagesId = pdf.reserve();
  const uses = new Map<TrueTypeSource, FontUse>();
  const useFor = (role: FontRole): FontUse => {
    const source = fonts[role];
    let use = uses.get(source);
    if (!use) {
      use = new FontUse(source, `F${uses.size + 1}`);
      uses.set(source, use);
    }
    return use;
  };

  const contents = pages.map((page) => pageContent(page.marks, useFor));
  const fontIds = new Map<FontUse, number>();
  for (const use of uses.values()) fontIds.set(use, pdf.reserve());
  const fontResources = [...uses.values()].map((u) => `/${u.resource} ${ref(fontIds.get(u) ?? 0)}`).join(' ');

  const kids: number[] = [];
  for (const content of contents) {
    const contentId = pdf.addStream('/Filter /FlateDecode', deflateSync(latin1(content), FAST));
    kids.push(pdf.add(`<< /Type /Page /Parent ${ref(pagesId)} /MediaBox [0 0 ${num(PAGE.width)} ${num(PAGE.height)}] /Contents ${ref(contentId)} /Resources << /Font << ${fontResources} >> >> >>`));
  }
  for (const [use, id] of fontIds) writeFont(pdf, id, use, pages.length >= COMPRESS_FONTS_FROM_PAGES);

  pdf.set(pagesId, `<< /Type /Pages /Kids [${kids.map(ref).join(' ')}] /Count ${kids.length} >>`);
  pdf.set(catalogId, `<< /Type /Catalog /Pages ${ref(pagesId)} /Lang (zh-CN) >>`);
  const date = pdfDate(meta.timestamp);
  const infoId = pdf.add(`<< /Title ${textString(meta.title)} /Author ${textString(meta.author)} /Creator (duban) /Producer (duban) /CreationDate ${date} /ModDate ${date} >>`);
  return pdf.toBytes(catalogId, infoId);
}

/**
 * All text in one BT block, stating font, size, colour and spacing only when they change, then
 * the rules: a 登记表 page has ~60 text runs, and a smaller stream is less to deflate.
 */
function pageContent(marks: readonly Mark[], useFor: (role: FontRole) => FontUse): string {
  const y = (top: number) => num(PAGE.height - top);
  const text: string[] = [];
  const paths: string[] = [];
  let font = '';
  let fill = '';
  let spacing = '';
  let stroke = '';
  let width = '';
  const strokeStyle = (color: string | undefined, w: number) => {
    const c = rgb(color);
    if (c !== stroke) paths.push(`${(stroke = c)} RG`);
    if (num(w) !== width) paths.push(`${(width = num(w))} w`);
  };
  for (const m of marks) {
    switch (m.kind) {
      case 'text': {
        if (m.text === '') break;
        const use = useFor(m.role);
        const f = `/${use.resource} ${num(m.size)} Tf`;
        if (f !== font) text.push((font = f));
        const c = rgb(m.color);
        if (c !== fill) text.push(`${(fill = c)} rg`);
        if (num(m.charSpacing) !== spacing) text.push(`${(spacing = num(m.charSpacing))} Tc`);
        text.push(`1 0 0 1 ${num(m.x)} ${y(m.y)} Tm <${use.encode(m.text)}> Tj`);
        break;
      }
      case 'line':
        strokeStyle(m.color, m.width);
        paths.push(`${num(m.x1)} ${y(m.y1)} m ${num(m.x2)} ${y(m.y2)} l S`);
        break;
      case 'rect':
        strokeStyle(m.color, m.width);
        paths.push(`${num(m.x)} ${y(m.y + m.h)} ${num(m.w)} ${num(m.h)} re S`);
        break;
      case 'polyline': {
        const [first, ...rest] = m.points;
        if (!first) break;
        strokeStyle(undefined, m.width);
        paths.push(`q 1 J 1 j ${num(first[0])} ${y(first[1])} m ${rest.map(([px, py]) => `${num(px)} ${y(py)} l`).join(' ')} S Q`);
        break;
      }
    }
  }
  return (text.length > 0 ? `BT\n${text.join('\n')}\nET\n` : '') + paths.join('\n');
}

/** '#E60012' → '0.902 0 0.071'; black when absent or malformed. */
function rgb(color: string | undefined): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!m) return '0 0 0';
  return [m[1], m[2], m[3]].map((h) => num(parseInt(h ?? '0', 16) / 255)).join(' ');
}

function writeFont(pdf: PdfObjects, id: number, use: FontUse, compress: boolean): void {
  const { source } = use;
  const cff = source.outlines === 'cff';
  const subset = cff ? source.cffSubset(use.ids) : subsetFont(source, use.ids);
  const m = source.metrics;
  const scale = 1000 / m.unitsPerEm;
  // Six capitals unique to this glyph set, as PDF asks of subset font names.
  let h = 0x811c9dc5;
  for (const gid of use.ids) h = Math.imul(h ^ gid, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  const name = `/${tag}+${m.postscriptName}`;

  // FontFile2 holds a TrueType font; FontFile3 of subtype CIDFontType0C a bare CID-keyed CFF program.
  const file = cff ? '/Subtype /CIDFontType0C' : `/Length1 ${subset.bytes.length}`;
  const fileId = compress ? pdf.addStream(`${file} /Filter /FlateDecode`, deflateSync(subset.bytes)) : pdf.addStream(file, subset.bytes);
  const flags = (m.fixedPitch ? 1 : 0) | 4;
  const descriptorId = pdf.add(
    `<< /Type /FontDescriptor /FontName ${name} /Flags ${flags} /FontBBox [${m.bbox.map((v) => num(v * scale)).join(' ')}] /ItalicAngle ${num(m.italicAngle)} /Ascent ${num(m.ascent * scale)} /Descent ${num(m.descent * scale)} /CapHeight ${num(m.capHeight * scale)} /XHeight ${num(m.xHeight * scale)} /StemV 0 /${cff ? 'FontFile3' : 'FontFile2'} ${ref(fileId)} >>`,
  );
  const widths = subset.advances
    .slice(0, use.ids.length)
    .map((w) => num(w * scale))
    .join(' ');
  const cidFontId = pdf.add(
    `<< /Type /Font /Subtype /${cff ? 'CIDFontType0' : 'CIDFontType2'} /BaseFont ${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${ref(descriptorId)} /W [0 [${widths}]]${cff ? '' : ' /CIDToGIDMap /Identity'} >>`,
  );
  const toUnicodeId = pdf.addStream('', latin1(toUnicodeCmap(use.text)));
  pdf.set(id, `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${ref(cidFontId)}] /ToUnicode ${ref(toUnicodeId)} >>`);
}

/** CID → Unicode, so text can be searched and copied (characters beyond the BMP as surrogate pairs). */
function toUnicodeCmap(text: ReadonlyMap<number, string>): string {
  const entries = [...text].map(([cid, ch]) => {
    let hex = '';
    for (let i = 0; i < ch.length; i++) hex += ch.charCodeAt(i).toString(16).padStart(4, '0');
    return `<${cid.toString(16).padStart(4, '0')}> <${hex}>`;
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
