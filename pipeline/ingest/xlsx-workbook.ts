/**
 * The cells of an XLSX workbook, read straight from its zip with node:zlib: the workbook's sheet
 * list, its shared strings, the number formats of its cell styles, and each visible worksheet's
 * cells, merges and hyperlinks. Nothing else of the package (themes, drawings, comments,
 * properties) is unpacked or parsed.
 *
 * Why not a library: exceljs took ~0.25 s to load and ~20 ms per small workbook, most of a
 * rebuild of the sample. SheetJS (read-xls.ts) loads faster but cannot give the same text: it
 * drops the carriage return of an encoded `_x000D_` before a line break (Excel writes every CR of
 * a cell that way), decodes `_xHHHH_` in inline strings where exceljs did not, and tells a cell's
 * number format only as its own format string (nothing at all for the built-in Chinese date
 * formats), while the rows of a ledger have to stay exactly what they were. So this reads what
 * exceljs read, the way it read it — which values a cell has, how strings are decoded, which
 * formats make a number a date, how merges and hyperlinks apply — except where exceljs was plainly
 * wrong (noted where it happens). read-xlsx.ts turns the cells into text.
 */
import { inflateRawSync } from 'node:zlib';
import { zipEntries, type ZipEntry } from './zip-directory.ts';

/** The file cannot be read as a workbook: not a zip, a part that does not unpack, XML that is not well-formed. */
class DamagedWorkbook extends Error {}

/** A cell's value as stored, before its number format is applied. */
export type StoredValue =
  | { kind: 'number'; n: number }
  | { kind: 'string'; s: string }
  | { kind: 'boolean'; b: boolean }
  | { kind: 'error'; e: string }
  /** t="d": an ISO 8601 date written as text. */
  | { kind: 'date'; iso: string };

export interface StoredCell {
  value: StoredValue;
  /** The format code of the cell's style, if it has one. */
  numFmt: string | undefined;
  link?: string;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface StoredSheet {
  name: string;
  /** Rows by number, cells by column (both from 1); a later duplicate replaces an earlier one. */
  rows: Map<number, Map<number, StoredCell>>;
  merges: Merge[];
  /** The last row and column that any row or cell element of the sheet names, empty ones included. */
  maxRow: number;
  maxCol: number;
}

export interface StoredWorkbook {
  date1904: boolean;
  /** Visible worksheets, in the workbook's order. */
  sheets: StoredSheet[];
  /** Worksheets of the workbook, hidden ones included (0: the zip holds no workbook at all). */
  worksheetCount: number;
}

// ---------------------------------------------------------------------------------------------
// The zip

const LOCAL = 0x04034b50;

interface Package {
  part(name: string): string | undefined;
  has(name: string): boolean;
}

function openPackage(bytes: Uint8Array): Package {
  const entries = zipEntries(bytes);
  if (!entries) throw new DamagedWorkbook('no zip directory');
  const byName = new Map<string, ZipEntry>();
  // Later entries of the same name win, as in JSZip (exceljs); a leading "/" is not part of the name.
  for (const e of entries) byName.set(e.name.replace(/\\/g, '/').replace(/^\/+/, ''), e);
  const decoder = new TextDecoder('utf-8');
  return {
    has: (name) => byName.has(name),
    part(name) {
      const e = byName.get(name);
      return e ? decoder.decode(unpack(bytes, e)) : undefined;
    },
  };
}

/** One entry's bytes. zip-directory.ts has already refused anything over the limits or over its stated size. */
function unpack(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.local + 30 > bytes.length || v.getUint32(e.local, true) !== LOCAL) throw new DamagedWorkbook(`bad local header: ${e.name}`);
  // Bit 0: the entry is encrypted.
  if (v.getUint16(e.local + 6, true) & 1) throw new DamagedWorkbook(`encrypted entry: ${e.name}`);
  const start = e.local + 30 + v.getUint16(e.local + 26, true) + v.getUint16(e.local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + e.packed));
  if (e.method === 0) return data;
  if (e.method !== 8) throw new DamagedWorkbook(`compression method ${e.method}: ${e.name}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.unpacked) });
  } catch {
    throw new DamagedWorkbook(`does not inflate: ${e.name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// XML: just enough of XML 1.0 for SpreadsheetML. Names are taken without their namespace prefix
// (exceljs matched prefixed names literally and could not read a workbook written with "x:").

interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function scanXml(source: string, h: XmlHandler): void {
  // Line ends are normalised before parsing (XML 1.0 §2.11); a CR written as &#13; survives.
  const xml = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const stack: string[] = [];
  let root = false;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? xml.length : lt;
    if (end > i && stack.length > 0) h.text(decodeText(xml.slice(i, end)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(xml);
      if (!m || stack.pop() !== m[1]) throw new DamagedWorkbook('mismatched end tag');
      h.close(localName(m[1]!));
      i = END_TAG.lastIndex;
    } else if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) throw new DamagedWorkbook('unclosed processing instruction');
      i = close + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) throw new DamagedWorkbook('unclosed comment');
        i = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0) throw new DamagedWorkbook('unclosed CDATA');
        if (stack.length > 0) h.text(xml.slice(lt + 9, close));
        i = close + 3;
      } else {
        // <!DOCTYPE …>, with or without an internal subset: skipped.
        const bracket = xml.indexOf('[', lt);
        const gt = xml.indexOf('>', lt);
        const close = bracket >= 0 && bracket < gt ? xml.indexOf(']>', bracket) + 1 : gt;
        if (close <= 0) throw new DamagedWorkbook('unclosed declaration');
        i = close + 1;
      }
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(xml);
      if (!m) throw new DamagedWorkbook('malformed tag');
      const name = m[1]!;
      const selfClosing = m[3] === '/';
      if (stack.length === 0 && root) throw new DamagedWorkbook('a second root element');
      root = true;
      if (!selfClosing) stack.push(name);
      h.open(localName(name), m[2]!, selfClosing);
      if (selfClosing) h.close(localName(name));
      i = TAG.lastIndex;
    }
  }
  if (!root || stack.length > 0) throw new DamagedWorkbook('unclosed element');
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : dec !== undefined ? Number.parseInt(dec, 10) : Number.NaN;
    if (!(code > 0 && code <= 0x10ffff)) throw new DamagedWorkbook('bad entity');
    return String.fromCodePoint(code);
  });
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (r:id → id); namespace declarations are left out. */
function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (s === '') return out;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) {
    const name = m[1]!;
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    // Attribute values: whitespace characters become spaces (XML 1.0 §3.3.3), then references are decoded.
    const raw = m[2] ?? m[3] ?? '';
    out[localName(name)] = decodeText(raw.replace(/[\t\n]/g, ' '));
  }
  return out;
}

/** The local name of the root element, without parsing the rest (the prolog: declarations, comments, a doctype). */
function rootName(xml: string): string | null {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return null;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) i = xml.indexOf('?>', lt) + 2;
    else if (xml.startsWith('<!--', lt)) i = xml.indexOf('-->', lt) + 3;
    else if (next === 0x21 /* ! */) i = xml.indexOf('>', lt) + 1;
    else {
      const m = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 200));
      return m ? localName(m[1]!) : null;
    }
    if (i <= lt) return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Package relationships (OPC): which part is the workbook, its sheets, strings and styles.

interface Relationship {
  type: string;
  target: string;
}

function relationships(pkg: Package, partName: string): Map<string, Relationship> {
  const slash = partName.lastIndexOf('/');
  const xml = pkg.part(`${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`);
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const a = attributes(attrs);
      if (a.Id !== undefined && a.Target !== undefined) rels.set(a.Id, { type: a.Type ?? '', target: a.Target });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
function resolve(from: string, target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** Relationship types by their last segment, whatever the namespace (transitional or strict OOXML). */
const isType = (r: Relationship, type: string): boolean => r.type.endsWith(`/${type}`);

// ---------------------------------------------------------------------------------------------
// The workbook

export function readWorkbookParts(bytes: Uint8Array): StoredWorkbook {
  const pkg = openPackage(bytes);
  const office = [...relationships(pkg, '').values()].find((r) => isType(r, 'officeDocument'));
  const workbookName = office && pkg.has(resolve('', office.target)) ? resolve('', office.target) : 'xl/workbook.xml';
  const workbookXml = pkg.part(workbookName);
  if (workbookXml === undefined) return { date1904: false, sheets: [], worksheetCount: 0 };
  const book = workbookSheets(workbookXml);
  const rels = relationships(pkg, workbookName);
  const partOf = (type: string, fallback: string): string => {
    const r = [...rels.values()].find((x) => isType(x, type));
    const name = r ? resolve(workbookName, r.target) : fallback;
    return pkg.has(name) ? name : fallback;
  };
  const stylesXml = pkg.part(partOf('styles', 'xl/styles.xml'));
  const stringsXml = pkg.part(partOf('sharedStrings', 'xl/sharedStrings.xml'));
  const formats = stylesXml === undefined ? [] : cellFormats(stylesXml);
  const strings = stringsXml === undefined ? [] : sharedStrings(stringsXml);

  const sheets: StoredSheet[] = [];
  let worksheetCount = 0;
  for (const s of book.sheets) {
    const rel = rels.get(s.rId);
    if (!rel) continue;
    const partName = resolve(workbookName, rel.target);
    const xml = pkg.part(partName);
    // Chart sheets, dialog and macro sheets are not worksheets (exceljs skipped them too).
    if (xml === undefined || rootName(xml) !== 'worksheet') continue;
    worksheetCount++;
    // Hidden and very hidden sheets hold drop-down lists and scratch data, not ledgers: not parsed.
    // exceljs took any state but "visible" (or none) as hidden.
    if (s.state !== undefined && s.state !== '' && s.state !== 'visible') continue;
    sheets.push(worksheet(s.name, xml, relationships(pkg, partName), strings, formats));
  }
  return { date1904: book.date1904, sheets, worksheetCount };
}

function workbookSheets(xml: string): { date1904: boolean; sheets: { name: string; state: string | undefined; rId: string }[] } {
  let date1904 = false;
  const sheets: { name: string; state: string | undefined; rId: string }[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        // xsd:boolean; exceljs only took "1" (LibreOffice writes "true").
        const d = attributes(attrs).date1904;
        date1904 = d === '1' || d === 'true';
      } else if (name === 'sheet') {
        const a = attributes(attrs);
        if (a.id !== undefined) sheets.push({ name: a.name ?? '', state: a.state, rId: a.id });
      }
    },
    close() {},
    text() {},
  });
  return { date1904, sheets };
}

// ---------------------------------------------------------------------------------------------
// Number formats

/**
 * exceljs' built-in formats (lib/xlsx/defaultnumformats.js), the ones it knew without a locale.
 * Ids 27–36 and 50–58 are the Chinese (zh-CN) date and time formats of that table: exceljs did not
 * use them, so a date in one of them came out as its serial number (45991 for 2025-11-30).
 */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format code of each cell style (cellXfs), by style index. */
function cellFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmts') inNumFmts = !selfClosing;
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'numFmt' && inNumFmts) {
        const a = attributes(attrs);
        // exceljs removed the backslash of every escaped character of the code.
        if (a.formatCode !== undefined) custom.set(Number.parseInt(a.numFmtId ?? '', 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (name === 'xf' && inCellXfs) xfIds.push(Number.parseInt(attributes(attrs).numFmtId ?? '', 10));
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  // Format 0 (General) and a missing id are no format at all.
  return xfIds.map((id) => (id ? custom.get(id) || BUILT_IN[id] : undefined));
}

// ---------------------------------------------------------------------------------------------
// Strings

/** Excel's escape of characters XML cannot hold (_x000D_ for CR); exceljs decoded upper-case hex only. */
const decodeEscapes = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : s);

/**
 * Each <si>: its text (<t>), or its runs of rich text (<r><t>) joined; phonetic guides (<rPh>)
 * are not part of the text.
 */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let depth = 0; // inside <si>: 1, in its child: 2, …
  let child = '';
  let plain: string | undefined;
  let runs = '';
  let inT = false;
  let buf = '';
  scanXml(xml, {
    open(name) {
      if (name === 'si' && depth === 0) {
        depth = 1;
        plain = undefined;
        runs = '';
        return;
      }
      if (depth === 0) return;
      depth++;
      if (depth === 2) child = name;
      if (name === 't' && ((depth === 2 && child === 't') || (depth === 3 && child === 'r'))) {
        inT = true;
        buf = '';
      }
    },
    close(name) {
      if (depth === 0) return;
      if (depth === 1 && name === 'si') {
        out.push(plain ?? runs);
        depth = 0;
        return;
      }
      if (inT && name === 't') {
        inT = false;
        if (child === 't') plain = decodeEscapes(buf);
        else runs += decodeEscapes(buf);
      }
      depth--;
    },
    text(t) {
      if (inT) buf += t;
    },
  });
  return out;
}

/** exceljs decoded these entities once more in t="str" values (xmlDecode), after the XML parser had. */
const decodeAgain = (s: string): string => (s.includes('&') ? s.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c) : s);

// ---------------------------------------------------------------------------------------------
// A worksheet

/** "AB12" → [12, 28]; only a plain upper-case reference (exceljs matched hyperlinks to cells by that string). */
function decodeRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})([0-9]+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** The column of a cell reference ("$AB$12" → 28): its letters, as exceljs' decodeAddress read them. */
function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 48 && c <= 57) break;
  }
  return col;
}

function rangeOf(ref: string): Merge | null {
  const [a, b = a] = ref.replace(/\$/g, '').split(':') as [string, string?];
  const p = decodeRef(a.trim());
  const q = decodeRef((b ?? a).trim());
  if (!p || !q) return null;
  return { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
}

function worksheet(name: string, xml: string, rels: Map<string, Relationship>, strings: readonly string[], formats: readonly (string | undefined)[]): StoredSheet {
  const rows = new Map<number, Map<number, StoredCell>>();
  const merges: Merge[] = [];
  const links: { ref: string; id: string }[] = [];
  // Cells without a value matter only to take a hyperlink (they then show its address, as in exceljs).
  const keepEmpty = xml.includes('hyperlink');
  const empty = new Set<string>();
  let maxRow = 0;
  let maxCol = 0;

  let inData = false;
  let rowNumber = 0;
  let row: Map<number, StoredCell> | null = null;
  // The cell being read.
  let inCell = false;
  let col = 0;
  let type: string | undefined;
  let style = Number.NaN;
  let node: 'v' | 't' | 'f' | null = null;
  let value: string | undefined;
  let formula: string | undefined;
  let shared: string | undefined;
  let runs: string | undefined;
  let inRun = false;
  let inRunText = false;
  let runText = '';
  let inPhonetic = 0;

  scanXml(xml, {
    open(tag, attrs, selfClosing) {
      if (!inData) {
        if (tag === 'sheetData') inData = !selfClosing;
        else if (tag === 'mergeCell') {
          const r = rangeOf(attributes(attrs).ref ?? '');
          if (r) merges.push(r);
        } else if (tag === 'hyperlink') {
          const a = attributes(attrs);
          // Only links to an address (a relationship); links within the workbook (location) were never kept.
          if (a.id !== undefined && a.ref !== undefined) links.push({ ref: a.ref, id: a.id });
        }
        return;
      }
      if (!inCell) {
        if (tag === 'row') {
          const r = Number.parseInt(attributes(attrs).r ?? '', 10);
          // A row without its number follows the one before (exceljs could not read such a sheet).
          rowNumber = Number.isNaN(r) ? rowNumber + 1 : r;
          if (rowNumber > maxRow) maxRow = rowNumber;
          col = 0;
          // Row numbers below 1 are not rows (exceljs dropped them); a row written twice is its last copy.
          row = rowNumber >= 1 ? new Map<number, StoredCell>() : null;
          if (row) rows.set(rowNumber, row);
        } else if (tag === 'c') {
          const a = attributes(attrs);
          // A cell without its reference is the one after the cell before.
          col = a.r !== undefined ? refColumn(a.r) : col + 1;
          if (col > maxCol) maxCol = col;
          type = a.t;
          style = Number.parseInt(a.s ?? '', 10);
          value = undefined;
          formula = undefined;
          shared = undefined;
          runs = undefined;
          node = null;
          inCell = true;
          if (selfClosing) return;
        }
        return;
      }
      if (inPhonetic > 0) {
        if (!selfClosing) inPhonetic++;
        return;
      }
      if (inRun) {
        if (tag === 't' && !selfClosing) {
          inRunText = true;
          runText = '';
        }
        return;
      }
      switch (tag) {
        case 'f':
          node = selfClosing ? null : 'f';
          shared = attributes(attrs).t;
          break;
        case 'v':
        case 't':
          node = selfClosing ? null : tag;
          break;
        case 'r':
          if (!selfClosing) {
            inRun = true;
            runs ??= '';
          }
          break;
        case 'rPh':
          if (!selfClosing) inPhonetic = 1;
          break;
        default:
          break;
      }
    },
    close(tag) {
      if (!inData) return;
      if (!inCell) {
        if (tag === 'sheetData') inData = false;
        else if (tag === 'row') row = null;
        return;
      }
      if (inPhonetic > 0) {
        inPhonetic--;
        return;
      }
      if (inRun) {
        if (tag === 't' && inRunText) {
          inRunText = false;
          runs += decodeEscapes(runText);
        } else if (tag === 'r') inRun = false;
        return;
      }
      if (tag === 'c') {
        inCell = false;
        if (!row || col < 1) return;
        const v = cellValue(type, value, runs, formula, shared, strings);
        if (v) {
          const numFmt = style ? formats[style] : undefined;
          row.set(col, { value: v, numFmt });
          if (keepEmpty) empty.delete(`${rowNumber}:${col}`);
        } else {
          row.delete(col);
          if (keepEmpty) empty.add(`${rowNumber}:${col}`);
        }
      } else if (tag === 'f' || tag === 'v' || tag === 't' || tag === 'is') node = null;
    },
    text(t) {
      if (!inCell) return;
      if (inRun) {
        if (inRunText) runText += t;
        return;
      }
      if (inPhonetic > 0) return;
      if (node === 'f') formula = (formula ?? '') + t;
      else if (node === 'v' || node === 't') value = (value ?? '') + t;
    },
  });

  for (const { ref, id } of links) {
    const target = rels.get(id)?.target;
    const at = decodeRef(ref);
    if (target === undefined || !at) continue;
    const [r, c] = at;
    const cells = rows.get(r);
    let cell = cells?.get(c);
    if (!cell) {
      // A cell written without a value takes the link and shows the address.
      if (!cells || !empty.has(`${r}:${c}`)) continue;
      cell = { value: { kind: 'string', s: '' }, numFmt: undefined };
      cells.set(c, cell);
    }
    cell.link = target;
  }
  return { name, rows, merges, maxRow, maxCol };
}

/**
 * What a <c> holds, as exceljs read it (lib/xlsx/xform/sheet/cell-xform.js), or null for a cell
 * without a value. A formula is its cached result, and one without a result an empty cell that is
 * there. Two of exceljs' readings were wrong and are not kept: it lost a result that was 0 or FALSE
 * (it kept only truthy ones), so a formula summing to 0 read as empty; and it took every result
 * of a formula in a date format for a serial, so a text result there ("长期") read as empty and
 * TRUE as 00:00. Here they read as Excel shows them.
 */
function cellValue(
  t: string | undefined,
  value: string | undefined,
  runs: string | undefined,
  formula: string | undefined,
  shared: string | undefined,
  strings: readonly string[],
): StoredValue | null {
  if (formula || shared) {
    if (!value) return { kind: 'string', s: '' };
    if (t === 'str') return { kind: 'string', s: decodeAgain(value) };
    if (t === 'b') return { kind: 'boolean', b: Number.parseInt(value, 10) !== 0 };
    if (t === 'e') return { kind: 'error', e: value };
    const n = Number.parseFloat(value);
    return Number.isNaN(n) ? { kind: 'string', s: '' } : { kind: 'number', n };
  }
  if (t === 'inlineStr' && runs !== undefined) return { kind: 'string', s: runs };
  if (value === undefined) return null;
  switch (t) {
    case 's':
      // An index that points at no string reads as an empty cell (exceljs could not read the file).
      return { kind: 'string', s: strings[Number.parseInt(value, 10)] ?? '' };
    case 'str':
      return { kind: 'string', s: decodeAgain(value) };
    case 'inlineStr':
      // exceljs did not decode _xHHHH_ escapes of an inline string's plain text.
      return { kind: 'string', s: value };
    case 'b':
      return { kind: 'boolean', b: Number.parseInt(value, 10) !== 0 };
    case 'e':
      return { kind: 'error', e: value };
    case 'd':
      // ISO 8601 text (exceljs took its year for a number: 2025-10-09 read as "2025").
      return { kind: 'date', iso: value.trim() };
    default:
      return { kind: 'number', n: Number.parseFloat(value) };
  }
}
