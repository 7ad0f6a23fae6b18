/**
 * A minimal XLSX workbook written by hand (one sheet, every cell a shared string), so a test
 * can build one whose single shared string inflates to hundreds of megabytes from a few
 * hundred kilobytes — exceljs would need the whole string in memory to write it. The big
 * string is deflated from a repeated chunk, never held whole.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** A cell: text, or `repeat` copies of `chunk` (the big one). */
export type HandCell = string | { chunk: string; repeat: number };

interface Entry {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function small(name: string, text: string): Entry {
  const raw = Buffer.from(text, 'utf8');
  return { name, packed: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** XML pieces, some repeated, deflated as one stream. */
async function streamed(name: string, parts: (string | { chunk: string; repeat: number })[]): Promise<Entry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  for (const p of parts) {
    if (typeof p === 'string') await write(Buffer.from(p, 'utf8'));
    else {
      const chunk = Buffer.from(xmlText(p.chunk), 'utf8');
      for (let i = 0; i < p.repeat; i++) await write(chunk);
    }
  }
  deflate.end();
  await done;
  return { name, packed: Buffer.concat(out), crc: crc >>> 0, size };
}

/** The workbook's bytes: `rows` on one visible sheet named `sheet`. */
export async function handmadeXlsx(rows: HandCell[][], sheet = '台账'): Promise<Uint8Array> {
  const strings: HandCell[] = [];
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((c, k) => {
            strings.push(c);
            return `<c r="${String.fromCharCode(65 + k)}${r + 1}" t="s"><v>${strings.length - 1}</v></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  const sst: (string | { chunk: string; repeat: number })[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`,
  ];
  for (const s of strings) {
    if (typeof s === 'string') sst.push(`<si><t xml:space="preserve">${xmlText(s)}</t></si>`);
    else sst.push('<si><t>', s, '</t></si>');
  }
  sst.push('</sst>');
  const entries: Entry[] = [
    small(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
    ),
    small(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    small('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`),
    await streamed('xl/sharedStrings.xml', sst),
  ];
  return zip(entries);
}

/** A plain zip (APPNOTE.TXT 4.3): local headers and data, the central directory, its end record. */
function zip(entries: Entry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.packed.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}

/** The same zip with every entry's stated unpacked size cut to `size`: a directory that lies. */
export function understated(bytes: Uint8Array, size: number): Uint8Array {
  const b = Buffer.from(bytes);
  for (let i = 0; i + 4 <= b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x02014b50 && b.readUInt32LE(i + 24) > size) b.writeUInt32LE(size, i + 24);
    if (sig === 0x04034b50 && b.readUInt32LE(i + 22) > size) b.writeUInt32LE(size, i + 22);
  }
  return new Uint8Array(b);
}
