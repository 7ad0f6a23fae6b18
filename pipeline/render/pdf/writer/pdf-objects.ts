/**
 * The file structure of a PDF: numbered objects, the cross-reference table and the trailer.
 * Dictionaries are written as text by the caller; streams are bytes (already compressed when
 * they carry a /Filter). Nothing here depends on the time or on randomness.
 */
export class PdfObjects {
  private readonly bodies: (Uint8Array | null)[] = [];

  /** Reserves an object number (so objects can refer to each other before they are written). */
  reserve(): number {
    this.bodies.push(null);
    return this.bodies.length;
  }

  /** A dictionary (or any other direct value) as object `id`. */
  set(id: number, value: string): void {
    this.bodies[id - 1] = latin1(`${id} 0 obj\n${value}\nendobj\n`);
  }

  /** A stream object; `dict` is the dictionary without /Length, which is added here. */
  setStream(id: number, dict: string, data: Uint8Array): void {
    const head = latin1(`${id} 0 obj\n<< ${dict ? `${dict} ` : ''}/Length ${data.length} >>\nstream\n`);
    const tail = latin1('\nendstream\nendobj\n');
    const body = new Uint8Array(head.length + data.length + tail.length);
    body.set(head, 0);
    body.set(data, head.length);
    body.set(tail, head.length + data.length);
    this.bodies[id - 1] = body;
  }

  add(value: string): number {
    const id = this.reserve();
    this.set(id, value);
    return id;
  }

  addStream(dict: string, data: Uint8Array): number {
    const id = this.reserve();
    this.setStream(id, dict, data);
    return id;
  }

  /** The whole file. */
  toBytes(rootId: number, infoId: number): Uint8Array {
    // A binary comment on line 2 tells transfer tools the file is binary.
    const header = Uint8Array.of(...latin1('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a);
    const offsets: number[] = [];
    let size = header.length;
    for (const [i, body] of this.bodies.entries()) {
      if (!body) throw new Error(`PDF object ${i + 1} reserved but never written`);
      offsets.push(size);
      size += body.length;
    }
    const xrefAt = size;
    const count = this.bodies.length + 1;
    let xref = `xref\n0 ${count}\n0000000000 65535 f \n`;
    for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
    xref += `trailer\n<< /Size ${count} /Root ${rootId} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const tail = latin1(xref);
    const out = new Uint8Array(size + tail.length);
    out.set(header, 0);
    let at = header.length;
    for (const body of this.bodies) {
      if (!body) continue;
      out.set(body, at);
      at += body.length;
    }
    out.set(tail, at);
    return out;
  }
}

export function ref(id: number): string {
  return `${id} 0 R`;
}

/** A number as PDF writes it: no exponent, at most three decimals. */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Text strings (titles, authors) as UTF-16BE with a byte-order mark, in hex. */
export function textString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ in UTC. */
export function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`;
}

export function latin1(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}
