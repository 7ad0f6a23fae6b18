/**
 * Reads a DOCX back for tests: unzips it (test/render/xlsx/zip-entries.ts) and parses its XML parts
 * into a small element tree — what Word and WPS read, not what the writer meant to write.
 */
import { zipEntries } from '../xlsx/zip-entries.ts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? `&${e};`),
  );

/** Well-formed XML only: throws on a tag that does not close, as Word would refuse the part. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = tag.exec(xml)) !== null) {
    if (m.index !== seen) throw new Error(`bad XML at ${seen}: ${xml.slice(seen, seen + 40)}`);
    seen = tag.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[3]) {
      if (m[2] === '/') {
        const open = stack.pop();
        if (!open || open.name !== m[3]) throw new Error(`</${m[3]}> closes <${open?.name}>`);
      } else {
        const attrs: Record<string, string> = {};
        for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
        const el: XmlElement = { name: m[3], attrs, children: [], text: '' };
        top.children.push(el);
        if (m[5] !== '/') stack.push(el);
      }
    }
  }
  if (seen !== xml.length || stack.length !== 1) throw new Error('XML not closed');
  return root;
}

/** All descendants named `name` (document order). */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function first(el: XmlElement, name: string): XmlElement | undefined {
  return all(el, name)[0];
}

/** Direct children named `name`. */
export function kids(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The text of a paragraph or any element: its w:t runs joined. */
export function textOf(el: XmlElement): string {
  return all(el, 'w:t')
    .map((t) => t.text)
    .join('');
}

export interface Docx {
  parts: Map<string, Buffer>;
  xml(name: string): XmlElement;
  document: XmlElement;
  body: XmlElement;
}

export function readDocx(bytes: Uint8Array | string): Docx {
  if (typeof bytes === 'string') throw new Error('a DOCX is bytes');
  const parts = zipEntries(bytes);
  const cache = new Map<string, XmlElement>();
  const xml = (name: string) => {
    let el = cache.get(name);
    if (!el) {
      const part = parts.get(name);
      if (!part) throw new Error(`no ${name} in the DOCX; have ${[...parts.keys()].join(', ')}`);
      cache.set(name, (el = parseXml(part.toString('utf8'))));
    }
    return el;
  };
  const document = xml('word/document.xml');
  return { parts, xml, document, body: first(document, 'w:body')! };
}

/** Every paragraph's text in document order (table cells included), for wording checks. */
export function docxText(doc: Docx): string {
  return all(doc.body, 'w:p').map(textOf).join('').replace(/\s+/g, '');
}

/** The footer part a footerReference of the given type points to. */
export function footerOf(doc: Docx, sectPr: XmlElement, type: 'default' | 'even'): XmlElement {
  const ref = kids(sectPr, 'w:footerReference').find((r) => r.attrs['w:type'] === type);
  if (!ref) throw new Error(`no ${type} footer`);
  const rels = doc.xml('word/_rels/document.xml.rels');
  const rel = all(rels, 'Relationship').find((r) => r.attrs.Id === ref.attrs['r:id']);
  if (!rel) throw new Error(`no relationship ${ref.attrs['r:id']}`);
  return doc.xml(`word/${rel.attrs.Target}`);
}

/**
 * The PDF's text with each table's header row kept once: the PDF prints it again on every page
 * a table runs onto, Word repeats it from one row (w:tblHeader).
 */
export function pdfTextWithHeadersOnce(pdf: string, d: Docx): string {
  for (const row of all(d.body, 'w:tr').filter((r) => first(r, 'w:tblHeader'))) {
    const header = textOf(row).replace(/\s+/g, '');
    const at = pdf.indexOf(header);
    if (at >= 0)
      pdf =
        pdf.slice(0, at + header.length) +
        pdf
          .slice(at + header.length)
          .split(header)
          .join('');
  }
  return pdf;
}
